/**
 * The notice a resignation gives (POLICIES.md §9; seed 001 六(一)), as the 申请离职 form shows it
 * before the API has its say: one month ahead — the same day of the next month, or that month's
 * last day when it is shorter (handed in on 31 January, the earliest last day is 28 or 29
 * February) — or, for an employee on probation, the policy's days. A small copy of
 * functions/domain/offboarding/dates.ts `noticeTerms` (the console may not import backend
 * code); the resignation the API answers with carries the authoritative numbers.
 */

/** The offboarding policy's `values.notice`. */
export interface NoticeRule {
  months: number;
  probationDays: number;
}

export interface NoticeTerms {
  /** Days from the day it is handed in to the earliest last day. */
  noticeDays: number;
  /** YYYY-MM-DD */
  earliestLastDay: string;
  onProbation: boolean;
  /** The policy's number that applies: months ahead, or days ahead on probation. */
  ahead: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `days` calendar days after a YYYY-MM-DD date (before it when negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same day `months` later, or that month's last day when it has no such day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The notice a resignation handed in on `submittedOn` gives; undefined while the policy is not known. */
export function noticeTerms(rule: Partial<NoticeRule> | undefined, submittedOn: string, onProbation: boolean): NoticeTerms | undefined {
  const amount = onProbation ? rule?.probationDays : rule?.months;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
  const earliestLastDay = onProbation ? addDays(submittedOn, amount) : addMonths(submittedOn, amount);
  return { noticeDays: daysBetween(submittedOn, earliestLastDay), earliestLastDay, onProbation, ahead: amount };
}

/** A wished last day before the notice allows: a shortened notice, which the approvers accept by approving. */
export function isShortenedNotice(lastDay: unknown, earliestLastDay: string | undefined): boolean {
  return typeof lastDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(lastDay) && !!earliestLastDay && lastDay < earliestLastDay;
}

/** Today in company time (Asia/Shanghai), YYYY-MM-DD: the day a resignation handed in now is handed in. */
export function companyToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** A YYYY-MM-DD calendar day in the reader's language (2026年4月10日 / Apr 10, 2026), never shifted by a time zone. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
