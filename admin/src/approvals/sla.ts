/**
 * The time left until a task is due (or how long it is overdue), as a countdown people read
 * at a glance: days and hours when far, hours and minutes when close.
 */
export interface Sla {
  overdue: boolean;
  /** A catalog key under resources.approvals.sla and its variables. */
  key: 'days_hours' | 'hours_minutes' | 'minutes';
  days: number;
  hours: number;
  minutes: number;
}

const MINUTE = 60_000;

export function slaOf(dueAt: string, now: number): Sla {
  const diff = Date.parse(dueAt) - now;
  const overdue = diff < 0;
  // Whole minutes, rounded toward "less time left" so a countdown never shows time it lacks.
  const total = overdue ? Math.ceil(-diff / MINUTE) : Math.floor(diff / MINUTE);
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  const minutes = total % 60;
  const key = days > 0 ? 'days_hours' : hours > 0 ? 'hours_minutes' : 'minutes';
  return { overdue, key, days, hours, minutes };
}
