import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type OnboardingItemPolicy } from '../../../../functions/domain/policy/defaults.js';
import { buildChecklist, isOverdue, markItem, nextDueDate, type BuildChecklistInput } from '../../../../functions/domain/recruitment/onboarding.js';
import { validateRecruitmentPolicy } from '../../../../functions/domain/recruitment/policy-validation.js';

const policy = DEFAULT_POLICIES.recruitment;
const AT = '2026-11-30T02:00:00.000Z';

/** A hire reporting on `reportDate`, with their superior and (by default) a mentor. */
function input(over: Partial<BuildChecklistInput> = {}): BuildChecklistInput {
  return {
    employee: { id: 'e-new', name: '新同事', superiorId: 'e-sup' },
    superiorName: '孙主管',
    mentor: { id: 'e-mentor', name: '吴导师' },
    reportDate: '2026-11-30',
    offerId: 'offer-1',
    policy: { version: 3, values: policy },
    at: AT,
    ...over,
  };
}

const item = (key: string, owner: OnboardingItemPolicy['owner'], dueDays: number): OnboardingItemPolicy => ({ key, labelZh: `事项 ${key}`, labelEn: `Item ${key}`, owner, dueDays });

describe('the onboarding checklist a hire gets on reporting (POLICIES.md §2 step 6, 000 第三章第二节)', () => {
  it('000 第二节 一–四 and 001 (四): the default items — offer letter, documents, workstation, tour, company overview, mentor — in order', () => {
    const c = buildChecklist(input());
    expect(c.items.map((i) => [i.key, i.owner])).toEqual([
      ['report_with_offer', 'new_hire'],
      ['documents', 'hr'],
      ['workstation', 'supervisor'],
      ['tour_introductions', 'supervisor'],
      ['company_overview', 'hr'],
      ['mentor_guidance', 'mentor'],
    ]);
    expect(c).toMatchObject({ id: 'e-new', employeeId: 'e-new', offerId: 'offer-1', reportDate: '2026-11-30', mentorEmployeeId: 'e-mentor', status: 'open', policyVersion: 3, version: 1, createdAt: AT });
    expect(c.items.every((i) => !i.done && i.doneAt === null && i.remindedOn === null)).toBe(true);
    expect(c.items[1]!.label).toEqual({ 'zh-CN': '收取证件：身份证、学历证书、体检表', en: 'Documents collected: ID, diploma, health check' });
  });

  it('each owner is a person: the superior, the mentor, the new hire; HR items are anyone in HR (null)', () => {
    const c = buildChecklist(input());
    const owners = Object.fromEntries(c.items.map((i) => [i.key, [i.ownerId, i.ownerName]]));
    expect(owners).toEqual({
      report_with_offer: ['e-new', '新同事'],
      documents: [null, null],
      workstation: ['e-sup', '孙主管'],
      tour_introductions: ['e-sup', '孙主管'],
      company_overview: [null, null],
      mentor_guidance: ['e-mentor', '吴导师'],
    });
  });

  it('000 第二节 四: with no mentor named yet, the mentor’s item is the superior’s to arrange', () => {
    const c = buildChecklist(input({ mentor: null }));
    expect(c.mentorEmployeeId).toBeNull();
    expect(c.items.find((i) => i.key === 'mentor_guidance')).toMatchObject({ owner: 'mentor', ownerId: 'e-sup', ownerName: '孙主管' });
  });

  it('due date = report date + dueDays in calendar days: day 0 is the report date, across a month and a year end', () => {
    const values = { onboardingItems: [item('a', 'hr', 0), item('b', 'hr', 1), item('c', 'hr', 2), item('d', 'hr', 90)] };
    const due = (reportDate: string) => buildChecklist(input({ reportDate, policy: { version: 1, values } })).items.map((i) => i.dueDate);
    expect(due('2026-11-30')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2027-02-28']);
    expect(due('2026-12-31')).toEqual(['2026-12-31', '2027-01-01', '2027-01-02', '2027-03-31']);
    expect(due('2028-02-28')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01', '2028-05-28']);
  });

  it('an item is overdue from the day after its due date, not on it', () => {
    expect(isOverdue({ done: false, dueDate: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ done: false, dueDate: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isOverdue({ done: true, dueDate: '2026-11-30' }, '2026-12-01')).toBe(false);
  });

  it('ticking the last item makes the checklist done; unticking one reopens it; the same tick twice is no change', () => {
    const by = { id: 'u-hr', name: 'HR' };
    let c = buildChecklist(input());
    expect(nextDueDate(c)).toBe('2026-11-30');
    for (const i of c.items.slice(0, -1)) c = markItem(c, i.key, true, by, AT)!;
    expect(c.status).toBe('open');
    expect(nextDueDate(c)).toBe('2026-12-01');
    expect(markItem(c, 'documents', true, by, AT)).toBeNull();
    expect(markItem(c, 'no_such_item', true, by, AT)).toBeNull();
    const done = markItem(c, 'mentor_guidance', true, by, '2026-12-01T03:00:00.000Z')!;
    expect(done).toMatchObject({ status: 'done', version: c.version + 1, updatedAt: '2026-12-01T03:00:00.000Z' });
    expect(done.items.at(-1)).toMatchObject({ done: true, doneAt: '2026-12-01T03:00:00.000Z', doneById: 'u-hr', doneByName: 'HR' });
    expect(nextDueDate(done)).toBeNull();
    const reopened = markItem(done, 'documents', false, by, AT)!;
    expect(reopened.status).toBe('open');
    expect(reopened.items[1]).toMatchObject({ done: false, doneAt: null, doneById: null, doneByName: null });
  });
});

describe('the recruitment policy’s onboarding items HR saves (POLICIES.md §2 step 6)', () => {
  const paths = (onboardingItems: unknown) => validateRecruitmentPolicy({ ...policy, onboardingItems }).map((i) => [i.path, i.code]);
  const ok = item('ok_item', 'hr', 0);

  it('the defaults (000 第二节) are valid', () => {
    expect(paths(policy.onboardingItems)).toEqual([]);
  });

  it('1 item and 30 items are accepted; none, 31 or no list are not', () => {
    expect(paths([ok])).toEqual([]);
    const many = (n: number) => Array.from({ length: n }, (_, i) => item(`item_${i}`, 'hr', 0));
    expect(paths(many(30))).toEqual([]);
    expect(paths(many(31))).toEqual([['onboardingItems', 'POLICY.INTEGER_RANGE']]);
    expect(paths([])).toEqual([['onboardingItems', 'POLICY.REQUIRED']]);
    expect(paths(undefined)).toEqual([['onboardingItems', 'POLICY.REQUIRED']]);
  });

  it('keys: lowercase, digits and _, a letter first, at most 40; each once', () => {
    expect(paths([item('a'.repeat(40), 'hr', 0)])).toEqual([]);
    expect(paths([item('a'.repeat(41), 'hr', 0)])).toEqual([['onboardingItems[0].key', 'POLICY.KEY_FORMAT']]);
    expect(paths([item('Bad Key', 'hr', 0), item('1st', 'hr', 0)])).toEqual([['onboardingItems[0].key', 'POLICY.KEY_FORMAT'], ['onboardingItems[1].key', 'POLICY.KEY_FORMAT']]);
    expect(paths([ok, ok])).toEqual([['onboardingItems[1].key', 'POLICY.DUPLICATE_KEY']]);
  });

  it('names: both required, at most 100 characters (100 Chinese characters are fine, 101 are not)', () => {
    expect(paths([{ ...ok, labelZh: '字'.repeat(100), labelEn: 'x'.repeat(100) }])).toEqual([]);
    expect(paths([{ ...ok, labelZh: '字'.repeat(101), labelEn: ' ' }])).toEqual([['onboardingItems[0].labelZh', 'POLICY.TEXT_TOO_LONG'], ['onboardingItems[0].labelEn', 'POLICY.REQUIRED']]);
  });

  it('owner is one of supervisor, hr, mentor, new_hire; dueDays a whole number 0–90', () => {
    expect(paths([{ ...ok, owner: 'gm' }])).toEqual([['onboardingItems[0].owner', 'POLICY.ONE_OF']]);
    expect(paths([item('a', 'new_hire', 90), item('b', 'mentor', 0)])).toEqual([]);
    expect(paths([{ ...ok, dueDays: 91 }])).toEqual([['onboardingItems[0].dueDays', 'POLICY.INTEGER_RANGE']]);
    expect(paths([{ ...ok, dueDays: -1 }])).toEqual([['onboardingItems[0].dueDays', 'POLICY.INTEGER_RANGE']]);
    expect(paths([{ ...ok, dueDays: 1.5 }])).toEqual([['onboardingItems[0].dueDays', 'POLICY.INTEGER_RANGE']]);
  });
});
