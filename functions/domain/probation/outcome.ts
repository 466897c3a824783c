/**
 * What a probation review recommends, and what each outcome changes on the employee
 * (POLICIES.md §3). The recommendation is advice shown to the approvers; the outcome HR
 * records is theirs, checked by planOutcome.
 */
import { DomainError } from '../errors.js';
import { addMonths, monthsBetween } from '../people/dates.js';
import type { Employee, Level } from '../people/model.js';
import type { OrgPolicy, ProbationBand, ProbationBandOutcome, ProbationPolicy } from '../policy/defaults.js';
import type { AttendanceBreach, AttendanceRule } from './attendance.js';
import { probationEndOf } from './eligibility.js';

export type ProbationOutcome = 'convert' | 'extend' | 'end';
type ProbationPerson = Pick<Employee, 'status' | 'hireDate' | 'probationEndDate'>;

/** Machine codes explaining a recommendation; the console words them. */
export type RecommendationReason =
  | `band.${ProbationBandOutcome}`
  | 'band.gap'
  | `attendance.${AttendanceRule}`
  | 'extension_cap'
  | 'early.min_service';

export interface Recommendation {
  outcome: ProbationOutcome;
  /** Convert now, before the end date (§3: a score of 90 or more). */
  early: boolean;
  reasons: RecommendationReason[];
}

export interface RecommendInput {
  band: ProbationBand;
  breaches: readonly AttendanceBreach[];
  employee: ProbationPerson;
  today: string;
  policy: ProbationPolicy;
}

export function recommend({ band, breaches, employee, today, policy }: RecommendInput): Recommendation {
  const end = probationEndOf(employee);
  const reasons: RecommendationReason[] = [`band.${band.outcome}`];
  if (band.gap) reasons.push('band.gap');
  for (const breach of breaches) reasons.push(`attendance.${breach.rule}`);
  const bandConverts = band.outcome === 'convert' || band.outcome === 'convert_early';
  let outcome: ProbationOutcome = bandConverts ? 'convert' : band.outcome === 'extend' ? 'extend' : 'end';
  // Gap: §3 sets the attendance limits but not what a breach leads to. We recommend an
  // extension instead of a conversion, so the approvers decide with the breach in view.
  if (outcome === 'convert' && breaches.length > 0) outcome = 'extend';
  // §3: an extension keeps the total probation within maxMonths; at the cap the choice is
  // convert or end, and the band decides which.
  if (outcome === 'extend' && !canExtend(employee, policy)) {
    reasons.push('extension_cap');
    outcome = bandConverts ? 'convert' : 'end';
  }
  let early = false;
  if (outcome === 'convert' && band.outcome === 'convert_early' && breaches.length === 0 && today < end) {
    // §3: never before one month of service, whatever the score.
    if (monthsBetween(employee.hireDate, today) >= policy.earlyConversionMinMonths) early = true;
    else reasons.push('early.min_service');
  }
  return { outcome, early, reasons };
}

/** Whether at least a one-month extension still fits within maxMonths from the hire date (§3). */
export function canExtend(employee: ProbationPerson, policy: Pick<ProbationPolicy, 'maxMonths'>): boolean {
  return extendedEnd(employee.hireDate, probationEndOf(employee), 1) <= addMonths(employee.hireDate, policy.maxMonths);
}

export interface ConversionChange {
  status: 'regular';
  level: Level;
  baseSalary: number;
  conversionDate: string;
}
export interface ExtensionChange {
  probationEndDate: string;
}
export interface TerminationChange {
  status: 'terminated';
  terminationDate: string;
}
export interface OutcomeChanges {
  convert: ConversionChange;
  extend: ExtensionChange;
  end: TerminationChange;
}

export interface OutcomeRequest<O extends ProbationOutcome = ProbationOutcome> {
  outcome: O;
  employee: ProbationPerson & Pick<Employee, 'level'>;
  today: string;
  policy: ProbationPolicy;
  /** The stored org policy's salary table (§1), passed in so domain reads no storage. */
  levelBaseSalary: OrgPolicy['levelBaseSalary'];
  /** Extension length; the policy's `extensionMonths` when absent. */
  extensionMonths?: number;
  /** Conversion date; today for an early conversion, else the end date (or today once past it). */
  conversionDate?: string;
  early?: boolean;
}

export function planOutcome<O extends ProbationOutcome>(req: OutcomeRequest<O>): OutcomeChanges[O] {
  const change: OutcomeChanges[ProbationOutcome] =
    req.outcome === 'convert' ? conversion(req) : req.outcome === 'extend' ? extension(req) : termination(req);
  return change as OutcomeChanges[O];
}

function conversion({ employee, today, policy, levelBaseSalary, conversionDate, early }: OutcomeRequest): ConversionChange {
  const end = probationEndOf(employee);
  const date = conversionDate ?? (early || today > end ? today : end);
  const months = monthsBetween(employee.hireDate, date);
  if (months < policy.earlyConversionMinMonths) {
    throw new DomainError('PROBATION.TOO_EARLY', 'conversionDate', { months, minMonths: policy.earlyConversionMinMonths });
  }
  // §3 (003 篇2): conversion moves a trainee to junior. Someone hired at a higher level on
  // probation keeps that level rather than being moved down.
  const level: Level = employee.level === 'trainee' ? 'junior' : employee.level;
  return { status: 'regular', level, baseSalary: levelBaseSalary[level], conversionDate: date };
}

/**
 * The dates a conversion leaves on the employee (#12 item 16): 转正日期, and a probation that
 * ended early ends on that day — an HR manager reading 试用期截止 after an early conversion
 * wants the day probation actually ended, not a planned date that never came (the planned one
 * stays in the record's history). A late conversion keeps the planned end: the probation did
 * end then, only the paperwork came after.
 */
export function convertedOn(plannedEnd: string | null, conversionDate: string): { conversionDate: string; probationEndDate: string } {
  return { conversionDate, probationEndDate: plannedEnd !== null && plannedEnd < conversionDate ? plannedEnd : conversionDate };
}

function extension({ employee, policy, extensionMonths }: OutcomeRequest): ExtensionChange {
  const end = probationEndOf(employee);
  const months = extensionMonths ?? policy.extensionMonths;
  if (!Number.isInteger(months) || months < 1) {
    throw new DomainError('PROBATION.EXTENSION_LENGTH', 'extensionMonths', { min: 1 });
  }
  const probationEndDate = extendedEnd(employee.hireDate, end, months);
  // §3: the whole probation, extension included, stays within maxMonths (6) of the hire date.
  if (probationEndDate > addMonths(employee.hireDate, policy.maxMonths)) {
    throw new DomainError('PROBATION.EXTENSION_CAP', 'extensionMonths', { maxMonths: policy.maxMonths });
  }
  return { probationEndDate };
}

function termination({ employee, today }: OutcomeRequest): TerminationChange {
  probationEndOf(employee);
  return { status: 'terminated', terminationDate: today };
}

/**
 * The end date `months` later. An end that falls on a monthly anniversary of the hire date
 * stays on one (hired 08-31, ending 11-30, extended a month → 12-31, not 12-30).
 */
function extendedEnd(hireDate: string, end: string, months: number): string {
  const served = monthsBetween(hireDate, end);
  return addMonths(hireDate, served) === end ? addMonths(hireDate, served + months) : addMonths(end, months);
}
