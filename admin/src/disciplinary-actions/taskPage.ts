import { showPath } from './actions.js';
import { APPEAL_STEP, NOTICE_STEP } from './types.js';

/** The request kind of a disciplinary action's chain (functions/workflow/kinds/discipline.ts). */
export const DISCIPLINE_KIND = 'discipline';

/**
 * Where a task of 待我审批 is done, when not on the task's own page: the employee's steps of a
 * disciplinary action — 签收处罚单 (`notice`: a handwritten signature or a refusal) and 申诉期
 * (`appeal`) — are acts on the 处罚单 itself, done on the action's page with the signature pad,
 * never as an approve/reject decision. Null for every other task (the appeal's answer,
 * `appeal_review`, is an ordinary decision).
 */
export function ownPageOfTask(task: { requestKind: string; requestId: string; stepKey: string }): string | null {
  if (task.requestKind !== DISCIPLINE_KIND) return null;
  return task.stepKey === NOTICE_STEP || task.stepKey === APPEAL_STEP ? showPath(task.requestId) : null;
}
