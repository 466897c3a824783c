import type { AttachmentRef } from '../attachments/uploads.js';
/** The approvals API's shapes (GET /api/v1/approvals, /approvals/{id}). */

/** `waiting`: a later stage of its step (加签); `cc`: a read-only 抄送 notice. */
export type ApprovalStatus = 'pending' | 'waiting' | 'approved' | 'rejected' | 'returned' | 'cancelled' | 'transferred' | 'cc';
/** Why a task came to its holder: 加签 `added`, 代理 `delegated`, the approver left `approver_left`. */
export type TaskReason = 'assigned' | 'escalated' | 'transferred' | 'added' | 'delegated' | 'approver_left' | 'cc';
export type Channel = 'console' | 'email' | 'api' | 'system';
/** 或签 `any`: the first approval decides; 会签 `all`: everyone must approve. */
export type StageMode = 'any' | 'all';

/** The step key of 退回给发起人: the requester's task, whose approval resubmits the request. */
export const REQUESTER_STEP = 'requester';

/** One task in someone's inbox (待我审批). */
export interface ApprovalTask {
  id: string;
  requestKind: string;
  requestId: string;
  /** In the UI language; `titles` has both. */
  title: string;
  titles: { 'zh-CN': string; en: string };
  stepKey: string;
  stepLabel: string;
  approverId: string;
  approverName: string;
  requesterName: string | null;
  subjectEmployeeId: string | null;
  status: ApprovalStatus;
  reason: TaskReason;
  /** 代理: decided on behalf of this person. */
  onBehalfOfName: string | null;
  /** 加签 / 抄送: who added this person. */
  addedByName: string | null;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  decision: 'approve' | 'reject' | 'return' | null;
  decidedAt: string | null;
  comment: string | null;
  channel: Channel | null;
  /** A cancelled task: the request was withdrawn, someone else decided the step (或签), or its deadline passed. */
  cancelledBy?: CancelledBy | null;
}

export type CancelledBy = 'withdraw' | 'others' | 'deadline';

/** The catalog key of a task's status: a cancelled task says why it ended (已撤回, 他人已处理, 期限已过). */
export function statusKey(task: { status: ApprovalStatus; cancelledBy?: CancelledBy | null }): string {
  return task.status === 'cancelled' && task.cancelledBy
    ? `resources.approvals.choices.cancelled.${task.cancelledBy}`
    : `resources.approvals.choices.status.${task.status}`;
}

/**
 * One asking of a step: a step asked, reminded and escalated has three records, the last one
 * holding the decision.
 */
export interface ApprovalStep {
  id: string;
  stepKey: string;
  status: 'pending' | 'decided' | 'cancelled';
  attempt: 'ask' | 'remind' | 'escalate';
  dueAt: string;
  createdAt: string;
  decision: 'approve' | 'reject' | 'return' | null;
  /** Where a returned step went: an earlier step's key, or `requester`. */
  returnTo?: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  channel: Channel | null;
  comment: string | null;
  /** Everyone asked at the step, with their own decision (催办 reminds the pending ones). */
  tasks?: StepTask[];
  /** 加签 / 会签: the order the step's people decide in, each stage 或签 or 会签. */
  stages?: Array<{ mode: StageMode; size: number }>;
  activeStage?: number;
}

/** One person asked at a step (`timeline[].tasks`, `steps[].tasks`). */
export interface StepTask {
  id: string;
  approverId: string;
  approverName: string;
  status: ApprovalStatus;
  reason: TaskReason;
  lastRemindedAt: string | null;
  /** Index into the step's `stages`; null for an escalation to a superior. */
  stage?: number | null;
  onBehalfOfName?: string | null;
  addedByName?: string | null;
  decidedAt?: string | null;
  comment?: string | null;
  channel?: Channel | null;
  cancelledBy?: CancelledBy | null;
  /** What this person's decision recorded, labelled ([label, value]). */
  answers?: [string, string][];
  /** Files this person's decision carries (#12). */
  attachments?: AttachmentRef[];
}

/** A field the step's decision collects (the step's spec), e.g. `scores.interview` (0–100). */
export interface DecisionField {
  /** The emailed form's input name (`scores_interview`). */
  name: string;
  /** Where the value goes in the body, and the path of its errors (`scores.interview`). */
  path: string;
  label: string;
  type: 'integer' | 'number' | 'text' | 'date' | 'choice';
  /** Needed to approve. */
  required: boolean;
  min?: number;
  max?: number;
  /** A `number` with at most this many decimal places (probation scores: one). */
  decimals?: number;
  options?: { value: string; label: string }[];
}

/** What the step is: its type, the verbs it offers, who acts, whether it needs a signed-in session. */
export interface StepSpecInfo {
  type: 'decision' | 'waitForSubject' | 'waitUntil';
  verbs: ('return' | 'addApprovers' | 'transfer')[];
  subjectActs: boolean;
  signedInOnly: boolean;
  deadlineHours?: number;
}

/** GET /approvals/{id} */
export interface ApprovalDetail extends ApprovalTask {
  /** Who started the request (may be CC'd by, and returned to); null for a system start. */
  requesterId: string | null;
  timeline: ApprovalStep[];
  fields: DecisionField[];
  step: StepSpecInfo;
  /** What the request is about, as the approval email shows it, in the reader's language. */
  summary?: [string, string][];
  /** The request's page in the console (a hash route). */
  requestPath?: string;
  /** The request's steps, labelled (with `requester`, the resubmission). */
  chain?: { key: string; label: string }[];
  /** The step's last answer (its fields, as a decision body has them): the form starts from it. */
  prefill?: Record<string, unknown>;
  /** Files the request was started with. */
  requestAttachments?: AttachmentRef[];
}
