/**
 * An approver who has left (policy approvals.approverLeft). Steps opened later already skip
 * them (`assign`); this moves the tasks they hold now — pending, and waiting in a later stage
 * of a step — when their employee record becomes terminated (离职).
 *
 * Each task goes to ONE person, since a moved task keeps its single place in the step:
 * `superior` → the nearest superior who can sign; `hr` → the first active HR member (by email)
 * who can take it. Asking every HR member would need new tasks added to the step, which the
 * step's stages (加签) own; one named HR member is also clearer about who is expected to act.
 */
import type { Channel } from '../storage/audit.js';
import { findUserByEmployee } from '../storage/users.js';
import { assign } from './assignees.js';
import type { WorkflowDeps } from './kinds.js';
import { moveOpenTasks, type MoveReport } from './move-tasks.js';

export async function reassignTasksOfLeaver(
  deps: WorkflowDeps,
  employeeId: string,
  actor: { id: string; name: string } | null,
  channel: Channel,
): Promise<MoveReport> {
  const user = await findUserByEmployee(deps.store, employeeId);
  if (!user) return { moved: [], failed: [] };
  // `assign` reads the terminated record and answers with the stand-ins, in order: a delegate
  // HR named for them, else the policy's superior or HR members.
  const candidates = (await assign(deps, [user])).filter((a) => a.user.id !== user.id);
  if (candidates.length === 0) {
    deps.log('warn', 'no stand-in for an approver who left; their tasks stay', { userId: user.id });
    return { moved: [], failed: [] };
  }
  const report = await moveOpenTasks(deps, {
    userId: user.id, states: ['pending', 'waiting'], candidates, reason: 'approver_left', actor, channel,
  });
  if (report.moved.length || report.failed.length) deps.log('info', 'tasks of an approver who left moved', { userId: user.id, moved: report.moved.length, failed: report.failed.length });
  return report;
}
