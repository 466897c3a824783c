import type { DisciplinaryAction } from './types.js';

/**
 * The next thing an open action waits for, and by when (the list's 期限 column, the page's note):
 *
 * - `sign` — 签收: the employee signs (or, refused, the witnesses do) within the policy's
 *   `signDays` of the notice being issued, else it lapses;
 * - `appeal` — 申诉期: the employee may appeal until the end of `appealLastDay` (a company day);
 * - `answer` — 答复: the issuer's superior answers within `appealAnswerDays` of the appeal.
 *
 * The same reckoning as the API's open-actions index (functions/workflow/kinds/discipline.ts
 * `indexesOf`), so the column agrees with the order the API lists them in. None for a closed
 * action, nor for a dismissal proposal (its approvers have their own step deadlines).
 */
export type DeadlineKind = 'sign' | 'appeal' | 'answer';

export interface Deadline {
  kind: DeadlineKind;
  /** The moment it passes (exclusive). */
  at: string;
  /** For `appeal`: the last day, as the notice says it (YYYY-MM-DD). */
  day?: string;
}

const DAY_MS = 86_400_000;
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

type DeadlineFields = Pick<DisciplinaryAction, 'status' | 'createdAt' | 'terms' | 'appealUntil' | 'appealLastDay' | 'appeal'>;

export function nextDeadline(r: DeadlineFields): Deadline | null {
  switch (r.status) {
    case 'pending_signature':
      return { kind: 'sign', at: plusDays(r.createdAt, r.terms.signDays) };
    case 'appeal_window':
      return r.appealUntil ? { kind: 'appeal', at: r.appealUntil, ...(r.appealLastDay ? { day: r.appealLastDay } : {}) } : null;
    case 'under_appeal':
      return r.appeal ? { kind: 'answer', at: plusDays(r.appeal.at, r.terms.appealAnswerDays) } : null;
    default:
      return null;
  }
}

/** Whether the deadline has passed at `now` (the workflow acts a moment later: lapses, takes effect, reminds). */
export const isOverdue = (d: Deadline, now: number): boolean => Date.parse(d.at) <= now;

/**
 * The deadline in words, by the catalog keys `resources.disciplinary-actions.deadline.<kind>`
 * (签收截止 %{when} / 可申诉至 %{when} / 答复期限 %{when}): the day for an appeal (the notice
 * names a day), the time otherwise.
 */
export function deadlineText(
  d: Deadline | null,
  translate: (key: string, options?: Record<string, unknown>) => string,
  formatTime: (iso: string) => string,
  formatDay: (day: string) => string,
): string {
  if (!d) return '—';
  return translate(`resources.disciplinary-actions.deadline.${d.kind}`, { when: d.kind === 'appeal' && d.day ? formatDay(d.day) : formatTime(d.at) });
}
