import { describe, expect, it } from 'vitest';
import { chainConditions, companyToday, salaryRangeOf, seesWholeOrganisation, teamChoices } from '../../../admin/src/requisitions/requisitionForm.js';

// The demo's organisation (infra/local/demo.ts): the company, its departments and the CS teams.
const unit = (id: string, name: string, kind: string, parentId: string | null) => ({ id, name, kind, parentId });
const UNITS = [
  unit('co', '示范科技有限公司', 'company', null),
  unit('hr', '人力资源部', 'department', 'co'),
  unit('cs', '客服部', 'department', 'co'),
  unit('center', '客户服务中心', 'team', 'cs'),
  unit('scenic', '景区客服', 'team', 'cs'),
  unit('quality', '服务质量考核', 'team', 'scenic'),
];
const ids = (units: { id: string }[]) => units.map((u) => u.id).sort();

describe('the teams a requisition may be raised for (§2: the requester’s own part of the organisation)', () => {
  it('a supervisor: their own team and the teams below it, nothing beside it', () => {
    expect(ids(teamChoices(UNITS, 'scenic', false))).toEqual(['quality', 'scenic']);
    expect(ids(teamChoices(UNITS, 'center', false))).toEqual(['center']);
  });

  it('a CS manager at the department: the department and every team in it', () => {
    expect(ids(teamChoices(UNITS, 'cs', false))).toEqual(['center', 'cs', 'quality', 'scenic']);
  });

  it('HR, the GM and administrators: every unit but the company itself', () => {
    expect(seesWholeOrganisation(['hr'])).toBe(true);
    expect(seesWholeOrganisation(['supervisor', 'cs_manager'])).toBe(false);
    expect(ids(teamChoices(UNITS, null, true))).toEqual(['center', 'cs', 'hr', 'quality', 'scenic']);
  });

  it('someone with no unit is offered nothing (the API would refuse any team)', () => {
    expect(teamChoices(UNITS, null, false)).toEqual([]);
    expect(teamChoices(UNITS, 'gone', false)).toEqual([]);
  });

  it('lists them by name as Chinese readers sort (pinyin), and a loop in the tree does not hang', () => {
    expect(teamChoices(UNITS, 'cs', false).map((u) => u.name)).toEqual(['服务质量考核', '景区客服', '客服部', '客户服务中心']);
    const loop = [unit('a', 'A', 'team', 'b'), unit('b', 'B', 'team', 'a')];
    expect(teamChoices(loop, 'x', false)).toEqual([]);
  });
});

describe('the salary range a level offers (org ladder, recruitment salaryRangePercent)', () => {
  const ladder = { trainee: 1800, junior: 2200, mid: 2500, senior: 3000, reserve_supervisor: 4000 };

  it('runs from the level’s base salary up to the percent above it, in whole yuan, as the API computes it', () => {
    expect(salaryRangeOf('trainee', ladder, 20)).toEqual({ min: 1800, max: 2160 });
    expect(salaryRangeOf('junior', ladder, 15)).toEqual({ min: 2200, max: 2530 });
    expect(salaryRangeOf('mid', ladder, 0)).toEqual({ min: 2500, max: 2500 });
    expect(salaryRangeOf('senior', ladder, 33)).toEqual({ min: 3000, max: 3990 });
  });

  it('is unknown until a level is chosen and both policies are read', () => {
    expect(salaryRangeOf(undefined, ladder, 20)).toBeUndefined();
    expect(salaryRangeOf('trainee', undefined, 20)).toBeUndefined();
    expect(salaryRangeOf('trainee', ladder, undefined)).toBeUndefined();
    expect(salaryRangeOf('unknown', ladder, 20)).toBeUndefined();
  });
});

describe('the chain’s headcount conditions (policy data: minHeadcount)', () => {
  const chain = [{ key: 'cs_manager' }, { key: 'hr' }, { key: 'gm', minHeadcount: 3 }];

  it('only the conditional steps, and whether this headcount reaches them (the limit itself does)', () => {
    expect([...chainConditions(chain, 2)]).toEqual([['gm', { min: 3, applies: false }]]);
    expect(chainConditions(chain, 3).get('gm')).toEqual({ min: 3, applies: true });
    expect(chainConditions(chain, '5').get('gm')).toEqual({ min: 3, applies: true });
  });

  it('a headcount not typed yet reaches no conditional step', () => {
    expect(chainConditions(chain, undefined).get('gm')?.applies).toBe(false);
    expect(chainConditions(chain, '').get('gm')?.applies).toBe(false);
    expect(chainConditions([{ key: 'gm', minHeadcount: 2 }], null).get('gm')?.applies).toBe(false);
  });

  it('from one head on is no condition (the default GM step): nothing to say about it', () => {
    expect(chainConditions([{ key: 'gm', minHeadcount: 1 }], 1).size).toBe(0);
  });
});

describe('the earliest wanted-by date', () => {
  it('is today in company time (Asia/Shanghai), whatever the viewer’s clock zone', () => {
    expect(companyToday(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(companyToday(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});
