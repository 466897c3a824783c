import { APPEAL_STEP, NOTICE_STEP, REVIEW_STEP, RUNNING_STATUSES, type DisciplinaryAction, type DisciplineCan } from './types.js';

/**
 * What the action's page offers and shows, from the record alone (no React: test/admin tests it).
 * The API's `can` decides every verb; the page only orders them and never offers one it lacks.
 */

/** The verbs in the order the page offers them: the employee's first, then the issuer's, then a witness's. */
export const VERBS = ['acknowledge', 'refuse', 'appeal', 'nameWitnesses', 'witness'] as const;
export type Verb = (typeof VERBS)[number];

const NONE: DisciplineCan = { acknowledge: false, refuse: false, witness: false, nameWitnesses: false, appeal: false };

/** The verbs the reader may use now (none while `can` is unknown: a list row, a verb's answer). */
export function offeredVerbs(r: Pick<DisciplinaryAction, 'can' | 'status'>): Verb[] {
  const can = r.can ?? NONE;
  return VERBS.filter((v) => can[v]);
}

/** The signature pad is shown to sign (the employee, 签收) or to witness a refusal (见证签字). */
export function padFor(r: Pick<DisciplinaryAction, 'can' | 'status'>): 'acknowledge' | 'witness' | null {
  if (r.can?.acknowledge) return 'acknowledge';
  if (r.can?.witness) return 'witness';
  return null;
}

/**
 * A verb's answer in place of the record read (the API answers with the action as it is now,
 * without its timeline and `can`): the timeline read before stays until the page reads again,
 * and nothing is offered meanwhile, so a verb is never offered twice.
 */
export function afterVerb(before: DisciplinaryAction | undefined, answer: DisciplinaryAction): DisciplinaryAction {
  return { ...answer, steps: answer.steps ?? before?.steps ?? [], can: answer.can ?? NONE };
}

const pendingStep = (r: Pick<DisciplinaryAction, 'steps'>, key: string) => (r.steps ?? []).some((s) => s.stepKey === key && s.status === 'pending');

/** How long after its last change a record is read again while the workflow catches up (then it is left alone). */
const SETTLING_MS = 5 * 60_000;

/**
 * The workflow has not caught up with the record yet: the step its status waits on is not open
 * (a moment after it was issued, signed, witnessed or appealed). The page reads it again until it
 * is, so `can` offers the next verb (申诉 after 签收) without a reload.
 */
export function isSettling(r: Pick<DisciplinaryAction, 'status' | 'steps' | 'updatedAt'> | undefined, now: number): boolean {
  if (!r || !r.steps || now - Date.parse(r.updatedAt) > SETTLING_MS) return false;
  if (r.status === 'pending_signature') return !pendingStep(r, NOTICE_STEP);
  if (r.status === 'appeal_window') return !pendingStep(r, APPEAL_STEP);
  if (r.status === 'under_appeal') return !pendingStep(r, REVIEW_STEP);
  return false;
}

/**
 * The action's chain as the shared timeline (`RequestChain`) shows it: 签收处罚单 → 申诉期, and
 * 申诉处理 once appealed; the step waited on now. A dismissal proposal has no chain of its own
 * here (its approval is kind `dismissal`).
 */
export function actionChain(r: Pick<DisciplinaryAction, 'level' | 'status' | 'appeal' | 'steps'>, label: (key: string) => string) {
  if (r.level === 'dismissal' && !(r.steps ?? []).length) return { chain: [], currentStep: null };
  const keys = [NOTICE_STEP, APPEAL_STEP, ...(r.appeal || (r.steps ?? []).some((s) => s.stepKey === REVIEW_STEP) ? [REVIEW_STEP] : [])];
  const chain = keys.map((key) => ({ key, label: label(key) }));
  const current = r.status === 'pending_signature' ? NOTICE_STEP : r.status === 'appeal_window' ? APPEAL_STEP : r.status === 'under_appeal' ? REVIEW_STEP : null;
  return { chain, currentStep: RUNNING_STATUSES.includes(r.status) ? current : null };
}

/**
 * The notice's own words that signing is receipt, not agreement (its 签收说明 row), shown above
 * the pad; undefined if the notice has none (a dismissal proposal).
 */
export function signingWords(r: Pick<DisciplinaryAction, 'notice'>): string | undefined {
  return r.notice.rows.find(([label]) => SIGNING_LABELS.includes(label))?.[1];
}

/** The row's label in each language (functions/domain/discipline/action.ts `noticeRows`). */
const SIGNING_LABELS = ['签收说明', 'Signing'];

/** The print route of an action, beside its page: `#/disciplinary-actions/<id>/print`. */
export const printPath = (id: string) => `/disciplinary-actions/${encodeURIComponent(id)}/print`;

/** The action's page. */
export const showPath = (id: string) => `/disciplinary-actions/${encodeURIComponent(id)}/show`;
