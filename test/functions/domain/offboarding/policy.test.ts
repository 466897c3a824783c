import { describe, expect, it } from 'vitest';
import { validateOffboardingPolicy } from '../../../../functions/domain/offboarding/policy-validation.js';
import { DEFAULT_POLICIES, POLICY_GAPS } from '../../../../functions/domain/policy/defaults.js';

const policy = DEFAULT_POLICIES.offboarding;
const issues = (over: Record<string, unknown>) => validateOffboardingPolicy({ ...policy, ...over }).map((i) => [i.path, i.code]);

describe('the offboarding policy (POLICIES.md §9; 001 六)', () => {
  it('defaults to the source: 1 month’s notice, 3 days in probation, final pay on the 15th of the next month; the rest is marked a gap', () => {
    expect(policy.notice).toEqual({ months: 1, probationDays: 3 });
    expect(policy.finalPay).toEqual({ dayOfMonth: 15, monthsAfter: 1 });
    expect(policy.chain.map((s) => s.key)).toEqual(['supervisor', 'cs_manager', 'hr']);
    expect(POLICY_GAPS.offboarding).toEqual(expect.arrayContaining(['chain', 'inventoryItems', 'reminderDaysBefore']));
    expect(POLICY_GAPS.offboarding).not.toContain('notice');
    expect(validateOffboardingPolicy(policy)).toEqual([]);
  });

  it('checks the numbers at their bounds: notice 0–6 months and 0–30 days, pay day 1–31, 0–3 months after', () => {
    expect(issues({ notice: { months: 6, probationDays: 30 } })).toEqual([]);
    expect(issues({ notice: { months: 7, probationDays: 31 } })).toEqual([['notice.months', 'POLICY.INTEGER_RANGE'], ['notice.probationDays', 'POLICY.INTEGER_RANGE']]);
    expect(issues({ finalPay: { dayOfMonth: 31, monthsAfter: 0 } })).toEqual([]);
    expect(issues({ finalPay: { dayOfMonth: 0, monthsAfter: 4 } })).toEqual([['finalPay.dayOfMonth', 'POLICY.INTEGER_RANGE'], ['finalPay.monthsAfter', 'POLICY.INTEGER_RANGE']]);
    expect(issues({ finalPay: { dayOfMonth: 32, monthsAfter: 1 } })).toEqual([['finalPay.dayOfMonth', 'POLICY.INTEGER_RANGE']]);
  });

  it('names each bad entry of the lists and the chain, and refuses keys it does not know', () => {
    const inventoryItems = [...policy.inventoryItems, { key: 'badge', labelZh: '工卡', labelEn: 'Badge', amount: -1 }];
    expect(issues({ inventoryItems })).toEqual([['inventoryItems[5].key', 'POLICY.DUPLICATE_KEY'], ['inventoryItems[5].amount', 'POLICY.INTEGER_RANGE']]);
    expect(issues({ exitReasons: [] })).toEqual([['exitReasons', 'POLICY.REQUIRED']]);
    expect(issues({ chain: [{ key: 'hr', labelZh: '', labelEn: 'HR', approver: { kind: 'role', role: 'hr', mode: 'any' } }] })).toEqual([['chain[0].labelZh', 'POLICY.REQUIRED']]);
    // Where a leaver's tasks go is the approvals policy's `approverLeft`, not a second setting here.
    expect(issues({ tasksMoveTo: 'hr' })).toEqual([['tasksMoveTo', 'POLICY.ONE_OF']]);
    expect(issues({ severance: 1 })).toEqual([['severance', 'POLICY.ONE_OF']]);
  });
});
