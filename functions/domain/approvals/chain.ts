/**
 * The approval chain as the engine sees it, whatever the request kind: steps in order, each
 * with who acts (an approver rule over the org tree) and its spec (step-spec.ts: what kind of
 * step it is, the fields its decision collects, the verbs it allows, whether the request's
 * subject acts, whether it needs a signed-in session). A kind turns its policy into these
 * (probation: the `probation.chain` policy); the engine plans, asks, returns and skips.
 */
import type { Employee, Post } from '../people/model.js';
import type { StepSpec } from './step-spec.js';

/**
 * Who decides a step, relative to the request's subject (POLICIES.md §1: "the employee's
 * supervisor", "the department's CS manager", "any HR member"), or the subject themself (a
 * penalty notice they sign, an offer they accept). A role step is `any` (或签) or `all` (会签).
 */
export type ApproverRule =
  | { kind: 'superior' }
  | { kind: 'post_in_line'; post: Post; fallback?: 'superior' }
  | { kind: 'role'; role: string; mode: 'any' | 'all' }
  | { kind: 'subject' }
  // The people the request itself names for the step when it is asked (an interview's
  // interviewers): any one of them (或签) or every one (会签).
  | { kind: 'named'; mode: 'any' | 'all' };

export interface ChainStep {
  key: string;
  labelZh: string;
  labelEn: string;
  /** Who acts; none for a step nobody decides (a wait until a time). */
  approver: ApproverRule | null;
  spec: StepSpec;
}

/** The step key of 退回给发起人: the requester resubmits and the chain starts again. */
export const REQUESTER_STEP = 'requester';
export const REQUESTER_STEP_LABEL = { 'zh-CN': '发起人修改后重新提交', en: 'Requester resubmits' } as const;

/** The generic state every request kind keeps on its record (the engine reads and writes it). */
export interface ChainState {
  /** Steps decided in this round, in order (a return drops the ones from its target on). */
  decidedSteps: string[];
  /** 退回给发起人: the requester's resubmission is the next step. */
  returnedToRequester?: boolean;
  currentStep: string | null;
}

/** The first step not yet decided, in chain order; null when every step is decided. */
export function nextChainStep<S extends { key: string }>(chain: readonly S[], decidedKeys: readonly string[]): S | null {
  return chain.find((step) => !decidedKeys.includes(step.key)) ?? null;
}

/**
 * 退回: where a step may send the request back — the requester (if a person started it) or a
 * step already decided in this round. Returns the chain state after the return, or null when
 * `to` is not allowed.
 */
export function returnTo(state: ChainState, to: string, hasRequester: boolean): Pick<ChainState, 'decidedSteps' | 'returnedToRequester'> | null {
  if (to === REQUESTER_STEP) return hasRequester ? { decidedSteps: [], returnedToRequester: true } : null;
  const index = state.decidedSteps.indexOf(to);
  return index < 0 ? null : { decidedSteps: state.decidedSteps.slice(0, index), returnedToRequester: false };
}

export function returnTargets(state: ChainState, hasRequester: boolean): string[] {
  return [...(hasRequester ? [REQUESTER_STEP] : []), ...state.decidedSteps];
}

/** Ids of the employee's superiors, nearest first, read from the materialised path. */
export function reportingLine(employee: Pick<Employee, 'id' | 'path'>): string[] {
  return employee.path.split('/').filter((id) => id !== '' && id !== employee.id).reverse();
}

export type ResolvedApprover =
  | { kind: 'employee'; employeeId: string }
  | { kind: 'role'; role: string; mode: 'any' | 'all' };

/**
 * Who decides a step for this subject. `line` is the superiors loaded for
 * reportingLine(subject), nearest first. Null when nobody fits: the caller decides whether
 * that stops the request or goes to HR.
 */
export function resolveApprover(
  rule: ApproverRule,
  line: readonly Pick<Employee, 'id' | 'post' | 'status'>[],
  subjectEmployeeId: string | null = null,
): ResolvedApprover | null {
  if (rule.kind === 'role') return { kind: 'role', role: rule.role, mode: rule.mode };
  // Named on the request, not found on the org tree: the kind resolves them (KindDefinition.named).
  if (rule.kind === 'named') return null;
  if (rule.kind === 'subject') return subjectEmployeeId ? { kind: 'employee', employeeId: subjectEmployeeId } : null;
  // Someone who has left or is suspended cannot sign; the next one up the line does.
  const active = line.filter((p) => p.status === 'probation' || p.status === 'regular');
  const person =
    rule.kind === 'superior'
      ? active[0]
      : active.find((p) => p.post === rule.post) ?? (rule.fallback === 'superior' ? active[0] : undefined);
  return person ? { kind: 'employee', employeeId: person.id } : null;
}
