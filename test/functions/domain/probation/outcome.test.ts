import { describe, expect, it } from 'vitest';
import type { ProbationBand } from '../../../../functions/domain/policy/defaults.js';
import type { AttendanceBreach } from '../../../../functions/domain/probation/attendance.js';
import { canExtend, convertedOn, planOutcome, recommend, type RecommendInput } from '../../../../functions/domain/probation/outcome.js';
import { codeOf, errorOf, policy, SALARIES, trainee } from './builders.js';

const EARLY: ProbationBand = { min: 90, outcome: 'convert_early', gap: false };
const ON_TIME: ProbationBand = { min: 80, outcome: 'convert', gap: false };
const EXTEND_GAP: ProbationBand = { min: 70.1, outcome: 'extend', gap: true };
const NOT_HIRED: ProbationBand = { min: 0, outcome: 'end', gap: false };
const LATE: AttendanceBreach = { rule: 'late', count: 4, limit: 3 };
/** Hired 2026-01-10; probation already at the 6-month cap. */
const AT_CAP = trainee({ hireDate: '2026-01-10', probationEndDate: '2026-07-10' });

const input = (over: Partial<RecommendInput> = {}): RecommendInput => ({
  band: ON_TIME, breaches: [], employee: trainee(), today: '2026-05-30', policy: policy(), ...over,
});

describe('the recommendation (POLICIES.md §3)', () => {
  it('90 or more before the end date recommends early conversion', () => {
    expect(recommend(input({ band: EARLY }))).toEqual({ outcome: 'convert', early: true, reasons: ['band.convert_early'] });
  });

  it('on the end date itself a 90 is simply a conversion', () => {
    expect(recommend(input({ band: EARLY, today: '2026-06-10' }))).toMatchObject({ outcome: 'convert', early: false });
  });

  it('never early before one month of service, whatever the score (§3)', () => {
    const short = trainee({ hireDate: '2026-04-10', probationEndDate: '2026-05-10' });
    expect(recommend(input({ band: EARLY, employee: short, today: '2026-05-01' }))).toEqual({
      outcome: 'convert', early: false, reasons: ['band.convert_early', 'early.min_service'],
    });
  });

  it('an attendance breach turns a conversion into an extension (gap)', () => {
    expect(recommend(input({ band: EARLY, breaches: [LATE] }))).toEqual({
      outcome: 'extend', early: false, reasons: ['band.convert_early', 'attendance.late'],
    });
  });

  it('a gap band says so in the reasons', () => {
    expect(recommend(input({ band: EXTEND_GAP }))).toEqual({ outcome: 'extend', early: false, reasons: ['band.extend', 'band.gap'] });
  });

  it('<60 not hired (§3)', () => {
    expect(recommend(input({ band: NOT_HIRED })).outcome).toBe('end');
  });

  it('at the 6-month cap an extension band recommends ending probation (§3: convert or end)', () => {
    expect(recommend(input({ band: EXTEND_GAP, employee: AT_CAP, today: '2026-07-01' }))).toEqual({
      outcome: 'end', early: false, reasons: ['band.extend', 'band.gap', 'extension_cap'],
    });
  });

  it('at the cap a converting score with an attendance breach converts rather than extends (§3)', () => {
    expect(recommend(input({ band: ON_TIME, breaches: [LATE], employee: AT_CAP, today: '2026-07-01' }))).toMatchObject({
      outcome: 'convert', early: false, reasons: ['band.convert', 'attendance.late', 'extension_cap'],
    });
  });

  it('an extension is possible while at least a month fits within the cap', () => {
    expect(canExtend(trainee({ hireDate: '2026-01-10', probationEndDate: '2026-06-10' }), policy())).toBe(true);
    expect(canExtend(trainee({ hireDate: '2026-01-10', probationEndDate: '2026-06-11' }), policy())).toBe(false);
    expect(canExtend(AT_CAP, policy({ maxMonths: 7 }))).toBe(true);
  });
});

describe('what an outcome changes (POLICIES.md §3)', () => {
  const base = { employee: trainee(), today: '2026-05-30', policy: policy(), levelBaseSalary: SALARIES };

  it('conversion makes a trainee a regular junior at the junior salary, on the end date by default (§3, 003)', () => {
    expect(planOutcome({ ...base, outcome: 'convert' })).toEqual({
      status: 'regular', level: 'junior', baseSalary: 2200, conversionDate: '2026-06-10',
    });
  });

  it('the salary comes from the salary table passed in', () => {
    expect(planOutcome({ ...base, outcome: 'convert', levelBaseSalary: { ...SALARIES, junior: 2400 } }).baseSalary).toBe(2400);
  });

  it('an early conversion is dated today; a late one too; an explicit date wins', () => {
    expect(planOutcome({ ...base, outcome: 'convert', early: true }).conversionDate).toBe('2026-05-30');
    expect(planOutcome({ ...base, outcome: 'convert', today: '2026-06-15' }).conversionDate).toBe('2026-06-15');
    expect(planOutcome({ ...base, outcome: 'convert', conversionDate: '2026-06-01' }).conversionDate).toBe('2026-06-01');
  });

  it('an early conversion ends the probation on the 转正日期; a late one keeps the planned end (#12 item 16)', () => {
    expect(convertedOn('2026-06-10', '2026-05-30')).toEqual({ conversionDate: '2026-05-30', probationEndDate: '2026-05-30' });
    expect(convertedOn('2026-06-10', '2026-06-15')).toEqual({ conversionDate: '2026-06-15', probationEndDate: '2026-06-10' });
    expect(convertedOn('2026-06-10', '2026-06-10')).toEqual({ conversionDate: '2026-06-10', probationEndDate: '2026-06-10' });
  });

  it('a conversion dated before one month of service is refused (§3)', () => {
    expect(codeOf(() => planOutcome({ ...base, outcome: 'convert', conversionDate: '2026-04-09' }))).toBe('PROBATION.TOO_EARLY@conversionDate');
  });

  it('someone hired above trainee keeps their level on conversion', () => {
    expect(planOutcome({ ...base, employee: trainee({ level: 'mid' }), outcome: 'convert' })).toMatchObject({ level: 'mid', baseSalary: 2500 });
  });

  it('an extension moves the end date by the policy’s default month (gap) or the months given', () => {
    expect(planOutcome({ ...base, outcome: 'extend' })).toEqual({ probationEndDate: '2026-07-10' });
    expect(planOutcome({ ...base, outcome: 'extend', extensionMonths: 3 })).toEqual({ probationEndDate: '2026-09-10' });
  });

  it('an extension that would pass 6 months in total is refused (§3)', () => {
    const err = errorOf(() => planOutcome({ ...base, outcome: 'extend', extensionMonths: 4 }));
    expect(`${err.code}@${err.field}`).toBe('PROBATION.EXTENSION_CAP@extensionMonths');
    expect(err.params).toEqual({ maxMonths: 6 });
    expect(codeOf(() => planOutcome({ ...base, employee: AT_CAP, outcome: 'extend' }))).toBe('PROBATION.EXTENSION_CAP@extensionMonths');
  });

  it('an extension is whole months, at least one', () => {
    expect(codeOf(() => planOutcome({ ...base, outcome: 'extend', extensionMonths: 0 }))).toBe('PROBATION.EXTENSION_LENGTH@extensionMonths');
    expect(codeOf(() => planOutcome({ ...base, outcome: 'extend', extensionMonths: 1.5 }))).toBe('PROBATION.EXTENSION_LENGTH@extensionMonths');
  });

  it('an end date on a monthly anniversary of the hire date stays on one when extended', () => {
    const hiredOn31st = trainee({ hireDate: '2026-08-31', probationEndDate: '2026-11-30' });
    expect(planOutcome({ ...base, employee: hiredOn31st, outcome: 'extend' })).toEqual({ probationEndDate: '2026-12-31' });
  });

  it('ending probation terminates the employee today', () => {
    expect(planOutcome({ ...base, outcome: 'end' })).toEqual({ status: 'terminated', terminationDate: '2026-05-30' });
  });

  it('nothing is planned for someone no longer on probation', () => {
    expect(codeOf(() => planOutcome({ ...base, employee: trainee({ status: 'regular' }), outcome: 'end' }))).toBe('PROBATION.NOT_ON_PROBATION');
  });
});
