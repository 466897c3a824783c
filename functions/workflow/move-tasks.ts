/**
 * Moves one person's open tasks to someone else, one task at a time: a delegate taking over
 * existing tasks (代理 `movePending`) and an approver who left. Each move is its own
 * transaction (`moveTask`: audited with the reason, the old links answer "transferred", the
 * new approver is emailed and told why); one that fails is reported and logged and undoes none of the others.
 */
import { DomainError } from '../domain/errors.js';
import { getStep, listInbox, type ApprovalTask } from '../storage/approvals.js';
import type { Channel } from '../storage/audit.js';
import type { InboxState } from '../storage/keys.js';
import type { Assignee } from './assignees.js';
import { moveTask } from './decisions.js';
import type { WorkflowDeps } from './kinds.js';

/** One call moves at most this many tasks, to stay within a request's time; the rest are logged. */
export const MAX_MOVED_TASKS = 200;

export interface MoveReport {
  /** Ids of the tasks that moved (each now `transferred`; its replacement has a new id). */
  moved: string[];
  failed: { id: string; code: string }[];
}

export interface MoveOpenTasks {
  userId: string;
  states: InboxState[];
  /** Who may take the tasks, in order of preference; the first who can (not the subject, not already asked) does. */
  candidates: Assignee[];
  reason: 'delegated' | 'approver_left';
  actor: { id: string; name: string } | null;
  channel: Channel;
}

export async function moveOpenTasks(deps: WorkflowDeps, r: MoveOpenTasks): Promise<MoveReport> {
  const report: MoveReport = { moved: [], failed: [] };
  for (const state of r.states) {
    let cursor: string | undefined;
    do {
      const page = await listInbox(deps.store, { userId: r.userId, state, limit: 50, cursor });
      for (const task of page.items) {
        if (report.moved.length + report.failed.length >= MAX_MOVED_TASKS) {
          deps.log('warn', 'too many tasks to move at once; the rest stay', { userId: r.userId, reason: r.reason });
          return report;
        }
        const code = await moveOne(deps, task, r);
        if (code) report.failed.push({ id: task.id, code });
        else report.moved.push(task.id);
      }
      // Moved tasks leave this inbox; the cursor is a position, so paging on is still exact.
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return report;
}

/** Moves one task to the first candidate who can take it; the error code when none can. */
async function moveOne(deps: WorkflowDeps, task: ApprovalTask, r: MoveOpenTasks): Promise<string | null> {
  let code = 'APPROVAL.INVALID_TRANSFER';
  try {
    const step = await getStep(deps.store, task.stepId);
    if (!step || step.status !== 'pending') return 'APPROVAL.ALREADY_DECIDED';
    for (const to of r.candidates) {
      try {
        await moveTask(deps, { task, step, to, reason: r.reason, actor: r.actor, channel: r.channel, comment: null });
        return null;
      } catch (err) {
        // This candidate cannot take it (the request's subject, already asked): try the next.
        if (!(err instanceof DomainError) || err.code !== 'APPROVAL.INVALID_TRANSFER') throw err;
        code = err.code;
      }
    }
  } catch (err) {
    code = err instanceof DomainError ? err.code : 'SERVER.ERROR';
  }
  deps.log(code === 'SERVER.ERROR' ? 'error' : 'warn', 'task not moved', { taskId: task.id, reason: r.reason, code });
  return code;
}
