import type { ScheduledRound } from './types.js';

/**
 * 面试安排's rules on the page: which days a range switch means, the rounds by company day, and
 * how a day and a time read. Days are the company's (Asia/Shanghai), as the API counts them.
 */
export const COMPANY_TIME_ZONE = 'Asia/Shanghai';

/** 本周 (Monday to Sunday of this company week) or 未来 14 天 (today and the 13 days after). */
export const SCHEDULE_RANGES = ['next14', 'week'] as const;
export type ScheduleRange = (typeof SCHEDULE_RANGES)[number];

/** 我的面试 (the rounds I interview) or 全部 (every round I may see). */
export type ScheduleScope = 'mine' | 'all';

/** Today in company time, YYYY-MM-DD. */
export function companyDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: COMPANY_TIME_ZONE }).format(now);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The company dates (both inclusive) a range switch asks the API for. */
export function rangeDates(range: ScheduleRange, now: Date): { from: string; to: string } {
  const today = companyDate(now);
  if (range === 'next14') return { from: today, to: addDays(today, 13) };
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // getUTCDay: 0 is Sunday; the week starts on Monday.
  const monday = addDays(today, -((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

/** The rounds by the company day they fall on, in the order given (the API's: soonest first). */
export function roundsByDay(rounds: readonly ScheduledRound[]): { date: string; rounds: ScheduledRound[] }[] {
  const days: { date: string; rounds: ScheduledRound[] }[] = [];
  for (const round of rounds) {
    const date = companyDate(new Date(round.at));
    const last = days.at(-1);
    if (last?.date === date) last.rounds.push(round);
    else days.push({ date, rounds: [round] });
  }
  return days;
}

/** A day's heading: 2026年11月5日星期四 / Thursday, November 5, 2026. */
export function dayHeading(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A round's time of day in company time (10:00). */
export function timeOfDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: COMPANY_TIME_ZONE }).format(new Date(iso));
}

/** A place that is an online meeting's link (opened as a link), not a room. */
export function onlineLink(place: string): string | null {
  const text = place.trim();
  return /^https?:\/\/\S+$/i.test(text) ? text : null;
}
