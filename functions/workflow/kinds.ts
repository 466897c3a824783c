/**
 * What the approval machinery needs to know about one kind of request (probation review now;
 * recruitment requisitions and disciplinary actions later). The machinery — ASL, steps,
 * tasks, inbox, decisions, links, reminders — is shared; a kind supplies the chain and what
 * a decision and the end of the chain mean for its own record.
 */
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { Store } from '../storage/client.js';
import type { Mailer } from '../email/mailer.js';
import type { TxItem } from '../storage/transact.js';
import type { User } from '../storage/users.js';
import type { Decision } from '../storage/approvals.js';

export interface WorkflowDeps {
  store: Store;
  sfn: SFNClient;
  /** The approval state machine (approval.asl.json) every request kind runs on. */
  approvalStateMachineArn: string;
  mailer: Mailer;
  publicUrl: string;
  linkSecret: Uint8Array;
  now: () => Date;
  /** The request kinds this deployment runs, by name (registry.ts; tests may add their own). */
  kinds: KindRegistry;
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}

export type Lang = 'zh-CN' | 'en';

/** The step key of 退回给发起人: the requester resubmits (approve) and the chain starts again. */
export const REQUESTER_STEP = 'requester';
export const REQUESTER_STEP_LABEL: Record<Lang, string> = { 'zh-CN': '发起人修改后重新提交', en: 'Requester resubmits' };

export interface PlannedStep {
  done: false;
  stepKey: string;
  /** Unique per asking of a step (a step asked again after a return gets a new round). */
  stepId: string;
  /** Seconds until the step is overdue (policy; the ASL's TimeoutSecondsPath). */
  dueSeconds: number;
  /** Seconds between escalations once the reminder period has passed too. */
  escalationSeconds: number;
}

export interface StepApprovers {
  label: Record<Lang, string>;
  approvers: User[];
  /** 或签 (`any`, the default): the first decision decides; 会签 (`all`): everyone must approve. */
  mode?: 'any' | 'all';
}

export interface RequestSummary {
  title: Record<Lang, string>;
  kindLabel: Record<Lang, string>;
  summary: Record<Lang, [string, string][]>;
  requester: { id: string; name: string } | null;
  subjectEmployeeId: string | null;
  /** Console path of the request, e.g. /#/probation-reviews/<id>/show */
  consolePath: string;
}

export interface DecisionExtras {
  /** Extra form fields a step asks for (e.g. the three probation scores). */
  fields: { name: string; label: Record<Lang, string>; min: number; max: number }[];
}

export interface RequestKind {
  kind: string;
  /** The audit trail's entity type of the request's record (default: the kind's name). */
  auditEntity?: string;
  nextStep(deps: WorkflowDeps, requestId: string): Promise<PlannedStep | { done: true }>;
  approversFor(deps: WorkflowDeps, requestId: string, stepKey: string): Promise<StepApprovers>;
  describe(deps: WorkflowDeps, requestId: string): Promise<RequestSummary>;
  /** Fields the decision form must collect at this step. */
  extrasFor(deps: WorkflowDeps, requestId: string, stepKey: string): Promise<DecisionExtras>;
  /**
   * Validates a decision's extra input (throws a DomainError naming the field) and returns the
   * request's own writes, committed in the same transaction as the decision.
   */
  onDecision(
    deps: WorkflowDeps,
    input: { requestId: string; stepKey: string; decision: Decision; /** False while other stages or 会签 members of the step are still to decide. */ completesStep: boolean; comment: string | null; extras: Record<string, unknown>; actor: { id: string; name: string }; at: string },
  ): Promise<TxItem[]>;
  finish(deps: WorkflowDeps, requestId: string, outcome: 'approved' | 'rejected' | 'failed', error?: unknown): Promise<Record<string, unknown>>;
  /**
   * 撤回: checks that `actor` is the requester and the request is still open, and returns the
   * request's own writes (its status → withdrawn) and its execution.
   */
  prepareWithdraw(deps: WorkflowDeps, requestId: string, actor: { id: string; name: string }, at: string): Promise<{ executionArn: string | null; writes: TxItem[] }>;
}

export type KindRegistry = ReadonlyMap<string, RequestKind>;

export function kindOf(deps: Pick<WorkflowDeps, 'kinds'>, name: string): RequestKind {
  const kind = deps.kinds.get(name);
  if (!kind) throw new Error(`unknown request kind ${name}`);
  return kind;
}
