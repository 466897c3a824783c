import { describe, expect, it } from 'vitest';
import { slaOf } from '../../../admin/src/approvals/sla.js';

const now = Date.parse('2026-11-02T10:00:00Z');

describe('the countdown of a task', () => {
  it('far from due: days and hours left', () => {
    expect(slaOf('2026-11-03T13:30:00Z', now)).toMatchObject({ overdue: false, key: 'days_hours', days: 1, hours: 3 });
  });

  it('close to due: hours and minutes, never more time than there is', () => {
    expect(slaOf('2026-11-02T12:05:59Z', now)).toMatchObject({ overdue: false, key: 'hours_minutes', hours: 2, minutes: 5 });
    expect(slaOf('2026-11-02T10:00:30Z', now)).toMatchObject({ overdue: false, key: 'minutes', minutes: 0 });
  });

  it('past due: overdue, counting how long', () => {
    expect(slaOf('2026-11-01T09:00:00Z', now)).toMatchObject({ overdue: true, key: 'days_hours', days: 1, hours: 1 });
    expect(slaOf('2026-11-02T09:59:30Z', now)).toMatchObject({ overdue: true, key: 'minutes', minutes: 1 });
  });
});
