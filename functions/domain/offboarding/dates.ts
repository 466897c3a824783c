/**
 * The dates of leaving (POLICIES.md §9; seed 001 六): the notice a resignation gives, the
 * earliest last day it allows, and the final-pay date once the handover is complete. Pure
 * calendar arithmetic on 'YYYY-MM-DD' company dates; the policy's numbers are inputs.
 */
import { addDays, addMonths } from '../people/dates.js';

export interface NoticeRule {
  /** A resignation is handed in this many calendar months ahead (001 六(一): 1). */
  months: number;
  /** …and this many days ahead during probation (001 六(一): 3). */
  probationDays: number;
}

export interface FinalPayRule {
  /** Pay is settled on this day of the month (001 六(三): the 15th)… */
  dayOfMonth: number;
  /** …of the month this many months after the handover is complete (001 六(三): the next, 1). */
  monthsAfter: number;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The notice a resignation handed in on `submittedOn` gives: one month ahead (the same day of
 * the next month, or its last day when shorter: handed in on 31 January, the earliest last day
 * is 28 or 29 February), or, in probation, the policy's days. `noticeDays` counts the days in
 * between, as the form shows them.
 */
export function noticeTerms(rule: NoticeRule, submittedOn: string, onProbation: boolean): { noticeDays: number; earliestLastDay: string } {
  const earliestLastDay = onProbation ? addDays(submittedOn, rule.probationDays) : addMonths(submittedOn, rule.months);
  return { noticeDays: daysBetween(submittedOn, earliestLastDay), earliestLastDay };
}

/** Whether a wished last day comes before the notice allows: the chain must accept the shortened notice. */
export const isShortenedNotice = (lastDay: string, earliestLastDay: string): boolean => lastDay < earliestLastDay;

/**
 * The final-pay date (工资结算日, 001 六(三)): the policy's day of the month after the one in which
 * the handover was complete — every item signed by 31 January pays on 15 February, one signed on
 * 1 February on 15 March. A day past the month's end falls on its last day.
 */
export function finalPayDate(rule: FinalPayRule, completedOn: string): string {
  const firstOfMonth = `${completedOn.slice(0, 7)}-01`;
  const month = addMonths(firstOfMonth, rule.monthsAfter);
  const lastDay = Number(addDays(addMonths(month, 1), -1).slice(8));
  return `${month.slice(0, 8)}${String(Math.min(rule.dayOfMonth, lastDay)).padStart(2, '0')}`;
}

/**
 * The day the handover was complete: the latest signature once every item is signed (company
 * dates); with nothing to hand over, the last day itself. Null while an item is unsigned.
 */
export function handoverCompletedOn(items: readonly { receivedOn: string | null }[], lastDay: string): string | null {
  if (items.length === 0) return lastDay;
  if (items.some((i) => i.receivedOn === null)) return null;
  return items.reduce((latest, i) => (i.receivedOn! > latest ? i.receivedOn! : latest), items[0]!.receivedOn!);
}
