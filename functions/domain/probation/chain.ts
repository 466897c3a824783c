/**
 * The probation approval chain as policy data (POLICIES.md §3: the 000 flow chart by default;
 * 001's department head → deputy GM → GM is another value of the same shape).
 */
import type { Employee } from '../people/model.js';
import type { ProbationApprover, ProbationChainStep } from '../policy/defaults.js';

/** The first step not yet decided, in chain order; null when every step is decided. */
export function nextStep(chain: readonly ProbationChainStep[], decidedKeys: readonly string[]): ProbationChainStep | null {
  return chain.find((step) => !decidedKeys.includes(step.key)) ?? null;
}

/** What the step records besides its decision. */
export function stepRecords(step: ProbationChainStep): ProbationChainStep['records'] {
  return step.records;
}

/** Ids of the employee's superiors, nearest first, read from the materialised path. */
export function reportingLine(employee: Pick<Employee, 'id' | 'path'>): string[] {
  return employee.path.split('/').filter((id) => id !== '' && id !== employee.id).reverse();
}

export type ResolvedApprover =
  | { kind: 'employee'; employeeId: string }
  | { kind: 'role'; role: string; mode: 'any' | 'all' };

/**
 * Who decides a step for this employee. `line` is the superiors loaded for
 * reportingLine(employee), nearest first. Null when nobody fits: the caller decides
 * whether that stops the review or goes to HR.
 */
export function resolveApprover(
  approver: ProbationApprover,
  line: readonly Pick<Employee, 'id' | 'post' | 'status'>[],
): ResolvedApprover | null {
  if (approver.kind === 'role') return { kind: 'role', role: approver.role, mode: approver.mode };
  // Someone who has left or is suspended cannot sign; the next one up the line does.
  const active = line.filter((p) => p.status === 'probation' || p.status === 'regular');
  const person =
    approver.kind === 'superior'
      ? active[0]
      : active.find((p) => p.post === approver.post) ?? (approver.fallback === 'superior' ? active[0] : undefined);
  return person ? { kind: 'employee', employeeId: person.id } : null;
}
