import { describe, expect, it } from 'vitest';
import { RECRUITMENT_GROUPS, isRecruitmentPolicyInput, toRecruitmentPolicy } from '../../../admin/src/recruitment-policy/recruitmentPolicyForm.js';

const DEFAULTS = {
  maxHeadcount: 20,
  chain: [
    { key: 'cs_manager', approver: { kind: 'post_in_line', post: 'cs_manager' }, labelZh: '客服经理审批', labelEn: 'CS manager approval' },
    { key: 'hr', approver: { kind: 'role', role: 'hr', mode: 'any' }, labelZh: '人力资源部审核', labelEn: 'HR review' },
    { key: 'gm', approver: { kind: 'role', role: 'gm', mode: 'any' }, labelZh: '总经理审批', labelEn: 'GM approval', minHeadcount: 1 },
  ],
  stepDueHours: 48,
  salaryRangePercent: 20,
  reportWithinDays: 10,
  candidateRetentionDays: 180,
  candidateSources: [{ key: 'boss', labelZh: 'BOSS直聘', labelEn: 'BOSS Zhipin' }],
};

describe('the recruitment policy form (招聘制度, POLICIES.md §2)', () => {
  it('sends the stored values back unchanged when nothing was edited', () => {
    expect(toRecruitmentPolicy(structuredClone(DEFAULTS))).toEqual(DEFAULTS);
  });

  it('sends typed numbers as numbers and an emptied one as null, for the API to name', () => {
    const out = toRecruitmentPolicy({ ...DEFAULTS, maxHeadcount: '30', stepDueHours: '', reportWithinDays: 10 });
    expect(out).toMatchObject({ maxHeadcount: 30, stepDueHours: null, reportWithinDays: 10 });
  });

  it('the GM’s condition: a headcount sets minHeadcount, an emptied one leaves the step unconditional', () => {
    const chain = structuredClone(DEFAULTS.chain) as Array<Record<string, unknown>>;
    chain[2]!.minHeadcount = '5';
    chain[1]!.minHeadcount = '';
    chain[0]!.minHeadcount = null;
    const sent = toRecruitmentPolicy({ ...DEFAULTS, chain }).chain as Array<Record<string, unknown>>;
    expect(sent.map((s) => s.minHeadcount)).toEqual([undefined, undefined, 5]);
    expect(sent.every((s, i) => i === 2 || !('minHeadcount' in s))).toBe(true);
  });

  it('reduces each approver rule to its kind’s keys and trims the keys', () => {
    const chain = [{ key: ' hr ', approver: { kind: 'superior', post: 'cs_manager', role: 'hr' }, labelZh: '上级', labelEn: 'Superior' }];
    const sources = [{ key: ' walk_in ', labelZh: '现场应聘', labelEn: 'Walk-in', extra: 1 }];
    const out = toRecruitmentPolicy({ ...DEFAULTS, chain, candidateSources: sources });
    expect(out.chain).toEqual([{ key: 'hr', approver: { kind: 'superior' }, labelZh: '上级', labelEn: 'Superior' }]);
    expect(out.candidateSources).toEqual([{ key: 'walk_in', labelZh: '现场应聘', labelEn: 'Walk-in' }]);
  });

  it('puts the server’s errors under the inputs, and a chain or source list problem under its section', () => {
    for (const path of ['values.maxHeadcount', 'values.candidateRetentionDays', 'values.chain.2.minHeadcount', 'values.chain.0.approver.post', 'values.candidateSources.1.key']) {
      expect(isRecruitmentPolicyInput(path), path).toBe(true);
    }
    for (const path of ['values.chain', 'values.candidateSources', 'values.chain.0.approver', 'values.unknown', 'maxHeadcount']) {
      expect(isRecruitmentPolicyInput(path), path).toBe(false);
    }
    expect(RECRUITMENT_GROUPS).toEqual(['values.chain', 'values.candidateSources', 'values.onboardingItems']);
  });

  it('入职清单 (POLICIES.md §2 step 6): items go out with trimmed keys and due days as numbers; an emptied one as null, for the API to name', () => {
    const items = [
      { key: ' documents ', labelZh: '收取证件', labelEn: 'Documents', owner: 'hr', dueDays: '0', extra: 1 },
      { key: 'mentor_guidance', labelZh: '导师引导', labelEn: 'Mentor', owner: 'mentor', dueDays: '' },
    ];
    expect(toRecruitmentPolicy({ ...DEFAULTS, onboardingItems: items }).onboardingItems).toEqual([
      { key: 'documents', labelZh: '收取证件', labelEn: 'Documents', owner: 'hr', dueDays: 0 },
      { key: 'mentor_guidance', labelZh: '导师引导', labelEn: 'Mentor', owner: 'mentor', dueDays: null },
    ]);
    for (const path of ['values.onboardingItems.0.key', 'values.onboardingItems.3.owner', 'values.onboardingItems.29.dueDays']) expect(isRecruitmentPolicyInput(path), path).toBe(true);
    expect(isRecruitmentPolicyInput('values.onboardingItems')).toBe(false);
  });
});
