/** The approvals API's shapes (GET /api/v1/approvals, /approvals/{id}). */

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'cancelled' | 'transferred';
export type Channel = 'console' | 'email' | 'api' | 'system';

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
  reason: 'assigned' | 'escalated' | 'transferred';
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  decision: 'approve' | 'reject' | 'return' | null;
  decidedAt: string | null;
  comment: string | null;
  channel: Channel | null;
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
  decidedByName: string | null;
  decidedAt: string | null;
  channel: Channel | null;
  comment: string | null;
  /** On a pending step of a probation review: who is asked (催办 reminds them). */
  tasks?: PendingApprover[];
}

/** One approver asked at a pending step (GET /probation-reviews/{id}, `steps[].tasks`). */
export interface PendingApprover {
  id: string;
  approverId: string;
  approverName: string;
  status: ApprovalStatus;
  reason: 'assigned' | 'escalated' | 'transferred';
  lastRemindedAt: string | null;
}

/** An extra number the step asks for, e.g. `scores_interview` (0–100). */
export interface DecisionField {
  name: string;
  label: string;
  min: number;
  max: number;
}

/** GET /approvals/{id} */
export interface ApprovalDetail extends ApprovalTask {
  timeline: ApprovalStep[];
  fields: DecisionField[];
}
