import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../../functions/domain/policy/defaults.js';
import { DomainError } from '../../../../functions/domain/errors.js';
import { checkRequisitionDraft, requisitionChain, salaryRange } from '../../../../functions/domain/recruitment/requisition.js';
import { validateRecruitmentPolicy } from '../../../../functions/domain/recruitment/policy-validation.js';

const policy = DEFAULT_POLICIES.recruitment;
const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? [e.code, e.field] : ['?', String(e)];
  }
  return null;
};

describe('人才增补单 rules (POLICIES.md §2)', () => {
  it('§2 headcount: 1 and the policy cap are accepted; 0, the cap + 1 and fractions are not', () => {
    const ok = (headcount: number) => refusal(() => checkRequisitionDraft({ headcount, wantedBy: '2027-01-01' }, policy, '2026-12-07'));
    expect(ok(1)).toBeNull();
    expect(ok(policy.maxHeadcount)).toBeNull();
    for (const bad of [0, -1, policy.maxHeadcount + 1, 1.5]) expect(ok(bad)).toEqual(['REQUISITION.HEADCOUNT_RANGE', 'headcount']);
  });

  it('§2 wanted-by: today is accepted, yesterday is not', () => {
    const ok = (wantedBy: string) => refusal(() => checkRequisitionDraft({ headcount: 1, wantedBy }, policy, '2026-12-07'));
    expect(ok('2026-12-07')).toBeNull();
    expect(ok('2026-12-06')).toEqual(['REQUISITION.WANTED_BY_PAST', 'wantedBy']);
  });

  it('the salary range of a level: its base on the ladder up to salaryRangePercent above', () => {
    const ladder = DEFAULT_POLICIES.org.levelBaseSalary;
    expect(salaryRange('trainee', ladder, 20)).toEqual({ min: 1800, max: 2160 });
    expect(salaryRange('junior', ladder, 0)).toEqual({ min: 2200, max: 2200 });
  });

  it('001 二篇: the GM is asked from minHeadcount on — below it, at it, above it', () => {
    const chain = policy.chain.map((s) => (s.key === 'gm' ? { ...s, minHeadcount: 3 } : s));
    expect(requisitionChain(chain, 2).map((s) => s.key)).toEqual(['cs_manager', 'hr']);
    expect(requisitionChain(chain, 3).map((s) => s.key)).toEqual(['cs_manager', 'hr', 'gm']);
    expect(requisitionChain(chain, 4).map((s) => s.key)).toEqual(['cs_manager', 'hr', 'gm']);
    // By default the GM approves any new headcount (001).
    expect(requisitionChain(policy.chain, 1).map((s) => s.key)).toEqual(['cs_manager', 'hr', 'gm']);
  });
});

describe('the recruitment policy HR saves', () => {
  it('the defaults are valid', () => {
    expect(validateRecruitmentPolicy(policy)).toEqual([]);
  });

  it('names each bad value by its path', () => {
    const issues = validateRecruitmentPolicy({
      ...policy,
      maxHeadcount: 0,
      reportWithinDays: 0,
      chain: [{ ...policy.chain[0], key: 'Bad Key' }, { ...policy.chain[1], minHeadcount: 9999 }],
      candidateSources: [policy.candidateSources[0], policy.candidateSources[0]],
      surprise: true,
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['candidateSources[1].key', 'chain[0].key', 'chain[1].minHeadcount', 'maxHeadcount', 'reportWithinDays', 'surprise']);
  });

  it('a chain that asks nobody for one head is refused', () => {
    const chain = policy.chain.map((s) => ({ ...s, minHeadcount: 2 }));
    expect(validateRecruitmentPolicy({ ...policy, chain }).map((i) => i.code)).toContain('POLICY.CHAIN_ALWAYS_ONE');
  });
});
