import { describe, expect, it } from 'vitest';
import { OFFBOARDING_GROUPS, isOffboardingPolicyInput, toOffboardingPolicy } from '../../../admin/src/offboarding-policy/offboardingPolicyForm.js';

/** 离职制度 (POLICIES.md §9; 001 六) as the API stores it. */
const stored = () => ({
  notice: { months: 1, probationDays: 3 },
  chain: [
    { key: 'supervisor', approver: { kind: 'post_in_line', post: 'supervisor', fallback: 'superior' }, labelZh: '主管审批', labelEn: 'Supervisor approval' },
    { key: 'hr', approver: { kind: 'role', role: 'hr', mode: 'any' }, labelZh: '人力资源部审核', labelEn: 'HR review' },
  ],
  stepDueHours: 48,
  finalPay: { dayOfMonth: 15, monthsAfter: 1 },
  reminderDaysBefore: 3,
  inventoryItems: [
    { key: 'badge', labelZh: '工卡', labelEn: 'Staff badge', amount: 20 },
    { key: 'headset', labelZh: '耳麦', labelEn: 'Headset', amount: 150 },
  ],
  exitReasons: [{ key: 'career', labelZh: '个人发展', labelEn: 'Career move' }],
});

describe('the offboarding policy form (离职制度, POLICIES.md §9)', () => {
  it('sends the stored values back unchanged when nothing was edited', () => {
    expect(toOffboardingPolicy(stored())).toEqual(stored());
  });

  it('sends typed numbers as numbers, an emptied input or cell as null for the API to name', () => {
    const out = toOffboardingPolicy({
      ...stored(),
      notice: { months: '2', probationDays: '' },
      finalPay: { dayOfMonth: '10', monthsAfter: 0 },
      reminderDaysBefore: '5',
      inventoryItems: [{ key: ' headset ', labelZh: '耳麦', labelEn: 'Headset', amount: '180', extra: 1 }, { key: 'new', labelZh: '', labelEn: '', amount: '' }],
    });
    expect(out).toMatchObject({ notice: { months: 2, probationDays: null }, finalPay: { dayOfMonth: 10, monthsAfter: 0 }, reminderDaysBefore: 5 });
    expect(out.inventoryItems).toEqual([{ key: 'headset', labelZh: '耳麦', labelEn: 'Headset', amount: 180 }, { key: 'new', labelZh: '', labelEn: '', amount: null }]);
  });

  it('reduces each approver rule to its kind’s keys and trims the keys of the chain and the reasons', () => {
    const out = toOffboardingPolicy({
      ...stored(),
      chain: [{ key: ' hr ', approver: { kind: 'superior', post: 'cs_manager', role: 'hr' }, labelZh: '上级', labelEn: 'Superior' }],
      exitReasons: [{ key: ' pay ', labelZh: '薪酬待遇', labelEn: 'Pay', extra: 1 }],
    });
    expect(out.chain).toEqual([{ key: 'hr', approver: { kind: 'superior' }, labelZh: '上级', labelEn: 'Superior' }]);
    expect(out.exitReasons).toEqual([{ key: 'pay', labelZh: '薪酬待遇', labelEn: 'Pay' }]);
  });

  it('puts the server’s errors under the inputs; an inventory cell’s on the grid; a list or a whole rule under its section', () => {
    for (const path of ['values.notice.months', 'values.finalPay.dayOfMonth', 'values.stepDueHours', 'values.reminderDaysBefore', 'values.chain.2.approver.post', 'values.exitReasons.1.key']) {
      expect(isOffboardingPolicyInput(path), path).toBe(true);
    }
    for (const path of ['values.notice', 'values.finalPay', 'values.chain', 'values.chain.0.approver', 'values.inventoryItems.1.amount', 'values.inventoryItems', 'values.severance', 'finalPay.dayOfMonth']) {
      expect(isOffboardingPolicyInput(path), path).toBe(false);
    }
    expect(OFFBOARDING_GROUPS).toEqual(['values.notice', 'values.finalPay', 'values.chain', 'values.inventoryItems', 'values.exitReasons']);
  });
});
