/**
 * Who may start a probation review, and when it starts (POLICIES.md §3). Pure: the caller
 * passes today's date in the company's time zone and whether a review is already open.
 */
import { DomainError } from '../errors.js';
import { addMonths, monthsBetween } from '../people/dates.js';
import type { Employee } from '../people/model.js';
import type { ProbationPolicy } from '../policy/defaults.js';

/** `early`: conversion before the end date is asked for; `scheduled`: the review due at the end. */
export type ReviewKind = 'early' | 'scheduled';
export type ReviewApplicant = 'employee' | 'supervisor';

export interface ReviewRequest {
  employee: Pick<Employee, 'status' | 'hireDate' | 'probationEndDate'>;
  kind: ReviewKind;
  applicant: ReviewApplicant;
  /** 'YYYY-MM-DD' */
  today: string;
  policy: ProbationPolicy;
  hasOpenReview: boolean;
}

export interface ReviewPlan {
  /** 'YYYY-MM-DD' the review starts (its first step is assigned). */
  startsOn: string;
  /** True when the application waits for next month's round. */
  deferred: boolean;
  reason?: 'after_cutoff';
}

export function planReview(req: ReviewRequest): ReviewPlan {
  const { employee, kind, applicant, today, policy } = req;
  const end = probationEndOf(employee);
  if (req.hasOpenReview) throw new DomainError('PROBATION.REVIEW_OPEN');
  if (kind === 'early') {
    // §3: early conversion for outstanding people, but not before one month of service.
    const months = monthsBetween(employee.hireDate, today);
    if (months < policy.earlyConversionMinMonths) {
      throw new DomainError('PROBATION.TOO_EARLY', undefined, { months, minMonths: policy.earlyConversionMinMonths });
    }
  }
  if (kind === 'scheduled' && applicant === 'supervisor') {
    // A supervisor starts the scheduled review in the lead window before the end date, not
    // sooner (that would be an early review) and not after probation has ended.
    const opensOn = addDays(end, -policy.reviewLeadDays);
    if (today < opensOn || today > end) {
      throw new DomainError('PROBATION.OUTSIDE_WINDOW', undefined, { opensOn, endsOn: end });
    }
  }
  // §3 (000 第四节 4): applications for a month's review are accepted up to and including
  // the cut-off day; a later one joins next month's round. A supervisor's start is not an
  // application, so it starts at once.
  if (applicant === 'employee' && dayOf(today) > policy.applicationCutoffDay) {
    return { startsOn: firstOfNextMonth(today), deferred: true, reason: 'after_cutoff' };
  }
  return { startsOn: today, deferred: false };
}

/** For the daily job: whether the scheduled review of this employee is due to start. */
export function reviewDueToStart(
  employee: Pick<Employee, 'status' | 'probationEndDate'>,
  today: string,
  policy: ProbationPolicy,
): boolean {
  const end = employee.probationEndDate;
  if (employee.status !== 'probation' || end === null) return false;
  // Same window as a supervisor's start, so the job never asks for a start planReview refuses.
  return today >= addDays(end, -policy.reviewLeadDays) && today <= end;
}

/** The end date of someone on probation; anyone else has nothing to review. */
export function probationEndOf(employee: Pick<Employee, 'status' | 'probationEndDate'>): string {
  if (employee.status !== 'probation' || employee.probationEndDate === null) {
    throw new DomainError('PROBATION.NOT_ON_PROBATION');
  }
  return employee.probationEndDate;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function dayOf(date: string): number {
  return Number(date.slice(8, 10));
}

function firstOfNextMonth(date: string): string {
  return addMonths(`${date.slice(0, 7)}-01`, 1);
}
