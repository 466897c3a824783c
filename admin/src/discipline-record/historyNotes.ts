import type { DisciplinaryAction } from './types.js';
import { levelWords } from './violationOptions.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;
const key = (path: string) => `resources.discipline-record.history.${path}`;

/**
 * What a row of the employee's history says besides its status (POLICIES.md §4): that it was
 * counted into a later action (已合并计入 2026-11-12 的书面警告; it no longer counts on its own), or
 * counts again since that one was voided; that it was voided and why; that it has expired and
 * until when it counted; and, for a level the ladder made heavier, the catalogue's own.
 * `others` is the rest of the history (where the later action is found); `day` formats a date.
 */
export function historyNotes(action: DisciplinaryAction, others: readonly DisciplinaryAction[], translate: Translate, day: (date: string) => string): string[] {
  const notes: string[] = [];
  if (action.rolledUpInto) {
    const into = others.find((o) => o.id === action.rolledUpInto);
    notes.push(into ? translate(key('rolled_up'), { date: day(into.occurredOn), level: into.levelLabel }) : translate(key('rolled_up_later')));
  } else if (action.restored) {
    notes.push(translate(key('restored')));
  }
  if (action.status === 'voided' && action.voided) {
    notes.push(translate(key('voided'), { reason: translate(key(`voided_reasons.${action.voided.reason}`), { _: action.voided.reason }) }));
  }
  if (action.status === 'expired') notes.push(translate(key('expired'), { date: day(action.countsUntil) }));
  if (action.level !== action.catalogueLevel) notes.push(translate(key('escalated'), { level: levelWords(action.catalogueLevel, translate) }));
  return notes;
}
