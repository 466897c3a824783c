/**
 * The engine's view of a request kind (`RequestKind`) and of its dependencies (`WorkflowDeps`).
 * The machinery — ASL, steps, tasks, inbox, decisions, links, reminders, the outbox — is shared;
 * a kind is built with `chainKind` (chain-kind.ts) from a `KindDefinition` that supplies its
 * record, its chain and what a decision and the end of the chain mean for it, and is listed in
 * registry.ts.
 */
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { Store } from '../storage/client.js';
import type { ObjectStore } from '../storage/objects.js';
import { readOnce } from '../storage/read-once.js';
import type { MailAttachment, Mailer } from '../email/mailer.js';
import type { GuardedMail } from './notify.js';
import type { TxItem } from '../storage/transact.js';
import type { User } from '../storage/users.js';
import type { Decision } from '../storage/approvals.js';
import type { StepSpec, StepType } from '../domain/approvals/step-spec.js';
import type { ReceiverRules } from '../domain/webhooks/receiver-url.js';

export interface WorkflowDeps {
  store: Store;
  /** Attachments' object storage: the retention job deletes the CVs of erased candidates. */
  objects: ObjectStore;
  sfn: SFNClient;
  /** The approval state machine (approval.asl.json) every request kind runs on. */
  approvalStateMachineArn: string;
  mailer: Mailer;
  publicUrl: string;
  linkSecret: Uint8Array;
  now: () => Date;
  /** The request kinds this deployment runs, by name (registry.ts; tests may add their own). */
  kinds: KindRegistry;
  /** Where webhooks may be delivered (WEBHOOK_ALLOW_PRIVATE_NETWORKS; https in the cloud): docs/webhooks.md. */
  webhooks: ReceiverRules;
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}

export type Lang = 'zh-CN' | 'en';

export { REQUESTER_STEP, REQUESTER_STEP_LABEL } from '../domain/approvals/chain.js';

/** What PlanNextStep tells the execution (approval.asl.json branches on `type`). */
export interface PlannedStep {
  done: false;
  type: StepType;
  stepKey: string;
  /** Unique per asking of a step (a step asked again after a return gets a new round). */
  stepId: string;
  /** Seconds until the step is overdue (policy; the ASL's TimeoutSecondsPath). */
  dueSeconds: number;
  /** Seconds between escalations once the reminder period has passed too. */
  escalationSeconds: number;
  /** waitForSubject: seconds the subject has before the step decides itself. */
  deadlineSeconds?: number;
  /** waitUntil: when the chain goes on (ISO-8601). */
  until?: string;
  /**
   * The people the step asks (user ids), resolved when it was planned, so the ask does not
   * resolve them again; empty for a step nobody decides, or when the ask is to resolve them.
   */
  approverIds: string[];
  /** Employees the ask reads (the subject, the people asked): fetched with the request in one call. */
  employeeIds: string[];
  /**
   * The decided step this one follows, when the decision planned it (the execution went on
   * without PlanNextStep): opening this step also records that one as resumed.
   */
  resumes: string | null;
}

/** The chain is over: the execution finishes the request. */
export interface ChainComplete {
  done: true;
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
  /** Files the request was started with (attachment ids). */
  attachments?: string[];
  /** The request's chain (its policy snapshot) with the requester's resubmission: labels for timelines and 退回 targets. */
  steps?: { key: string; label: Record<Lang, string> }[];
  /** Files the mail asking a step's people carries, by step key (an interview round's `.ics`). */
  askAttachments?: Record<string, MailAttachment[]>;
}

/** A step of a request not started yet, as the chain preview shows it (who will be asked, in order). */
export interface PreviewStep {
  key: string;
  label: Record<Lang, string>;
  /** 或签 / 会签 among the people named. */
  mode: 'any' | 'all';
  /** Skipped by policy as it stands: the approver is the requester, or already approved an earlier step. */
  skipped: 'requester' | 'same_approver' | null;
  /** Who would get the task (a delegate acting for someone says for whom); none: nobody can sign it now. */
  approvers: { id: string; name: string; onBehalfOfName: string | null }[];
}

/** 我发起的: one started request as a list shows it (GET /requests?startedBy=me). */
export interface StartedRequest {
  title: Record<Lang, string>;
  kindLabel: Record<Lang, string>;
  status: string;
  statusLabel: Record<Lang, string>;
  /** Still running: the requester may withdraw it or remind its approvers. */
  open: boolean;
  currentStep: string | null;
  currentStepLabel: Record<Lang, string> | null;
  startedAt: string;
  updatedAt: string;
  consolePath: string;
}

export interface RequestKind {
  kind: string;
  /** What a step's form starts from when nobody answered it before: the requester's resubmission starts from the request's values. */
  currentValues?(deps: WorkflowDeps, requestId: string, stepKey: string): Promise<Record<string, unknown> | undefined>;
  /** 重新提交: what each resubmission changed, labelled and formatted ("before → after" for the timeline). */
  revisions?(deps: WorkflowDeps, requestId: string): Promise<{ at: string; changes: { label: Record<Lang, string>; before: Record<Lang, string>; after: Record<Lang, string> }[] }[]>;
  /** The chain preview: who would be asked, in order, for a request about `subjectEmployeeId` started by `requesterId` now. */
  preview?(deps: WorkflowDeps, draft: { subjectEmployeeId: string | null; requesterId: string | null }): Promise<PreviewStep[]>;
  /** 我发起的: the list entry of a stored record of this kind (storage/started.ts); kinds without it are not listed. */
  started?: { openStatuses: readonly string[]; item(record: Record<string, unknown>): StartedRequest };
  /** The audit trail's entity type of the request's record (default: the kind's name). */
  auditEntity?: string;
  /** The key of the request's record (one item): read ahead with what a call needs next. */
  recordKey(requestId: string): Record<string, string>;
  nextStep(deps: WorkflowDeps, requestId: string): Promise<PlannedStep | ChainComplete>;
  /** The step's label, mode and approvers; `userIds`: the approvers planned already (PlannedStep.approverIds). */
  approversFor(deps: WorkflowDeps, requestId: string, stepKey: string, userIds?: readonly string[]): Promise<StepApprovers>;
  describe(deps: WorkflowDeps, requestId: string): Promise<RequestSummary>;
  /** What the step is and what deciding it takes (step-spec.ts). */
  specFor(deps: WorkflowDeps, requestId: string, stepKey: string): Promise<StepSpec>;
  /**
   * The request's own writes for a decision (the fields already validated against the step's
   * spec; a return carries `returnTo`), committed in the same transaction as the decision.
   * Throws a DomainError naming the field for what only the kind can judge. With `plan`, an
   * approval that completes its step also plans what follows (`plan`, and the record already
   * names it as its current step), so the execution goes on without planning again.
   */
  onDecision(
    deps: WorkflowDeps,
    input: {
      requestId: string; stepKey: string; decision: Decision; /** False while other stages or 会签 members of the step are still to decide. */ completesStep: boolean;
      comment: string | null; fields: Record<string, unknown>; actor: { id: string; name: string }; at: string; plan?: boolean;
    },
  ): Promise<{ writes: TxItem[]; plan?: PlannedStep | ChainComplete; /** In the outbox within `writes`: sent once the decision commits. */ mails?: GuardedMail[] }>;
  finish(deps: WorkflowDeps, requestId: string, outcome: 'approved' | 'rejected' | 'failed', error?: unknown): Promise<Record<string, unknown>>;
  /** The steps of the kind's current chain (policy), by key, with the requester's resubmission: dashboards label pending work with them. */
  stepLabels(deps: WorkflowDeps): Promise<Map<string, Record<Lang, string>>>;
  /** A `waitUntil` step's time came: record it as passed (idempotent); false when it was already. */
  passStep(deps: WorkflowDeps, requestId: string, stepKey: string, stepId: string): Promise<boolean>;
  /**
   * 撤回: checks that `actor` is the requester and the request is still open, and returns the
   * request's own writes (its status → withdrawn) and its execution.
   */
  prepareWithdraw(deps: WorkflowDeps, requestId: string, actor: { id: string; name: string; roles: readonly string[] }, at: string, reason?: string | null): Promise<{ executionArn: string | null; writes: TxItem[]; mails?: GuardedMail[] }>;
}

export type KindRegistry = ReadonlyMap<string, RequestKind>;

/**
 * One engine call (a decision, a verb, one task of the workflow) reads each item once, however
 * many of its functions load it (storage/read-once.ts); a write makes it read afresh.
 */
export function engineCall(deps: WorkflowDeps): WorkflowDeps {
  return { ...deps, store: readOnce(deps.store) };
}

export function kindOf(deps: Pick<WorkflowDeps, 'kinds'>, name: string): RequestKind {
  const kind = deps.kinds.get(name);
  if (!kind) throw new Error(`unknown request kind ${name}`);
  return kind;
}
