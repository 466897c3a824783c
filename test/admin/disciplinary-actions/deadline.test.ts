import { describe, expect, it } from 'vitest';
import { deadlineText, isOverdue, nextDeadline } from '../../../admin/src/disciplinary-actions/deadline.js';
import { anAction } from './builders.js';

/** The list's 期限 column and the page's note (POLICIES.md §4: sign, appeal in 3 days, answered in 7). */
describe('the next deadline of an action, as 处罚记录 shows it', () => {
  it('a notice waiting to be signed: by the policy’s sign days after it was issued (the API’s own order)', () => {
    expect(nextDeadline(anAction())).toEqual({ kind: 'sign', at: '2026-11-05T01:00:00.000Z' });
    // Refused and waiting for the witnesses: still the same step, the same deadline.
    expect(nextDeadline(anAction({ refusal: { reason: '不认可', at: '2026-11-02T02:00:00.000Z', channel: 'console' } }))?.kind).toBe('sign');
  });

  it('served: the appeal runs to the end of its last company day, said as that day', () => {
    const served = anAction({ status: 'appeal_window', servedAt: '2026-11-02T03:00:00.000Z', appealLastDay: '2026-11-05', appealUntil: '2026-11-05T16:00:00.000Z' });
    expect(nextDeadline(served)).toEqual({ kind: 'appeal', at: '2026-11-05T16:00:00.000Z', day: '2026-11-05' });
  });

  it('appealed: the issuer’s superior answers within the policy’s answer days of the appeal', () => {
    const appealed = anAction({ status: 'under_appeal', appeal: { reason: '有人作证', at: '2026-11-05T15:00:00.000Z', reviewerNames: ['王主管'] } });
    expect(nextDeadline(appealed)).toEqual({ kind: 'answer', at: '2026-11-12T15:00:00.000Z' });
  });

  it('nothing to wait for once it ended, nor for a dismissal proposal (its approvers have their own deadlines)', () => {
    for (const status of ['effective', 'voided', 'expired', 'dismissed', 'dismissal_pending'] as const) expect(nextDeadline(anAction({ status })), status).toBeNull();
  });

  it('is overdue from the moment it passes', () => {
    const d = { kind: 'sign' as const, at: '2026-11-05T01:00:00.000Z' };
    expect(isOverdue(d, Date.parse('2026-11-05T00:59:59.999Z'))).toBe(false);
    expect(isOverdue(d, Date.parse('2026-11-05T01:00:00.000Z'))).toBe(true);
  });

  it('in words: a day for the appeal, a time otherwise, a dash for none', () => {
    const translate = (key: string, options?: Record<string, unknown>) => `${key.split('.').pop()} ${String(options?.when)}`;
    const time = (iso: string) => `T(${iso.slice(0, 16)})`;
    const day = (d: string) => `D(${d})`;
    expect(deadlineText({ kind: 'appeal', at: '2026-11-05T16:00:00.000Z', day: '2026-11-05' }, translate, time, day)).toBe('appeal D(2026-11-05)');
    expect(deadlineText({ kind: 'sign', at: '2026-11-05T01:00:00.000Z' }, translate, time, day)).toBe('sign T(2026-11-05T01:00)');
    expect(deadlineText({ kind: 'answer', at: '2026-11-12T15:00:00.000Z' }, translate, time, day)).toBe('answer T(2026-11-12T15:00)');
    expect(deadlineText(null, translate, time, day)).toBe('—');
  });
});
