/**
 * 违纪时间 is entered in company time (Asia/Shanghai, UTC+8 all year), where the API counts the
 * day a violation happened and its counting window, whatever time zone the browser is in. The
 * input holds `YYYY-MM-DDTHH:mm`; the API takes ISO-8601 with the offset.
 */
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const OFFSET = '+08:00';

/** Now in company time, to the minute, as the input holds it. */
export function companyDateTime(now: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The input's value as the API's `occurredAt` (2026-11-12T09:30:00+08:00); undefined while it is not a whole date and time. */
export function toOccurredAt(value: unknown): string | undefined {
  return typeof value === 'string' && LOCAL.test(value) ? `${value}:00${OFFSET}` : undefined;
}

/** Later than `now` (the API refuses a violation in the future). */
export function isFuture(value: unknown, now: Date = new Date()): boolean {
  const iso = toOccurredAt(value);
  return iso !== undefined && Date.parse(iso) > now.getTime();
}
