/**
 * A value of the 变更记录 / History tab as a person reads it: money as ¥2,200 and calendar dates
 * as 2026年12月1日 / Dec 1, 2026 in the console's language, never as stored.
 */
const MONEY = new Set(['baseSalary']);
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatPlainValue(field: string, value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (MONEY.has(field) && typeof value === 'number') return `¥${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}`;
  // A calendar date has no time zone: formatted as the same day everywhere.
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
