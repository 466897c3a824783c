/**
 * 面试安排 (the interview schedule, #14): which stretch of time a reader asks for, and what a
 * round is to them. Pure: the clock is an input; times are evaluated in the company time zone
 * (POLICIES.md: Asia/Shanghai by default).
 */
import { addDays, companyDayStart, companyToday, isValidDate } from '../people/dates.js';
import { DomainError } from '../errors.js';

/** Without `to`: two weeks from `from` (or from the start of today). */
export const SCHEDULE_DEFAULT_DAYS = 14;
/** The longest stretch one read covers (about two months): the schedule is read in one Query, not paged. */
export const SCHEDULE_MAX_DAYS = 62;

const DAY_MS = 86_400_000;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * One end of the range as an instant: a date is the company day's first (`from`) or last
 * (`to`) millisecond; a date-time is itself. A `+` in an offset arrives as a space when the
 * query was not encoded (`+08:00` → ` 08:00`): read as the `+` it was. Null if it is neither.
 */
function instant(raw: string, end: 'from' | 'to', timeZone: string): number | null {
  const value = raw.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  if (isValidDate(value)) {
    return end === 'from' ? Date.parse(companyDayStart(value, timeZone)) : Date.parse(companyDayStart(addDays(value, 1), timeZone)) - 1;
  }
  const m = DATE_TIME.exec(value);
  if (!m || !isValidDate(m[1]!)) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/**
 * The instants (ISO-8601 UTC, both inclusive) of GET /interviews?from=&to=: each a date or a
 * date-time with its offset; by default from the start of today for SCHEDULE_DEFAULT_DAYS days.
 * A value that is neither names its field; `to` before `from`, or a range longer than
 * SCHEDULE_MAX_DAYS, names `to`.
 */
export function scheduleRange(q: { from?: string | undefined; to?: string | undefined }, now: Date, timeZone = 'Asia/Shanghai'): { from: string; to: string } {
  const from = q.from !== undefined ? instant(q.from, 'from', timeZone) : Date.parse(companyDayStart(companyToday(now, timeZone), timeZone));
  if (from === null) throw new DomainError('INTERVIEW.RANGE_FORMAT', 'from');
  const to = q.to !== undefined ? instant(q.to, 'to', timeZone) : from + SCHEDULE_DEFAULT_DAYS * DAY_MS - 1;
  if (to === null) throw new DomainError('INTERVIEW.RANGE_FORMAT', 'to');
  if (to < from) throw new DomainError('INTERVIEW.RANGE_ORDER', 'to');
  if (to - from >= SCHEDULE_MAX_DAYS * DAY_MS) throw new DomainError('INTERVIEW.RANGE_TOO_LONG', 'to', { days: SCHEDULE_MAX_DAYS });
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/**
 * Where a scheduled round stands: its interviewers are asked (`asking`, answers outstanding),
 * it is complete (`done`), or the process ended before it completed (`ended`: an interviewer's
 * rejection, a withdrawal).
 */
export const ROUND_STATUSES = ['asking', 'done', 'ended'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export function roundStatus(r: { status: string; decidedSteps: readonly string[] }, stepKey: string): RoundStatus {
  if (r.decidedSteps.includes(stepKey)) return 'done';
  return r.status === 'interviewing' ? 'asking' : 'ended';
}

const ROUND_STATUS_LABELS: Record<RoundStatus, Record<'zh-CN' | 'en', string>> = {
  asking: { 'zh-CN': '待评分', en: 'Awaiting scores' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  ended: { 'zh-CN': '流程已结束', en: 'Process ended' },
};

export const roundStatusLabel = (s: RoundStatus, lang: 'zh-CN' | 'en') => ROUND_STATUS_LABELS[s][lang];
