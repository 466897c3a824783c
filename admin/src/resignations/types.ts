import type { ApprovalStep } from '../approvals/types.js';

/** The resignation API's shapes (GET /api/v1/resignations/{id}), POLICIES.md §9. */

/** pending_approval while the chain runs; approved (the offboarding is open), rejected or withdrawn after; failed if the workflow failed. */
export const RESIGNATION_STATUSES = ['pending_approval', 'approved', 'rejected', 'withdrawn', 'failed'] as const;
export type ResignationStatus = (typeof RESIGNATION_STATUSES)[number];

/** The statuses in which the chain still runs (撤回, 催办), and in which an employee may not hand in another. */
export const RUNNING_STATUSES: readonly ResignationStatus[] = ['pending_approval'];

/** 辞职原因's longest text, as the API has it (functions/http/routes/resignations.ts REASON_MAX). */
export const RESIGNATION_REASON_MAX = 2000;

/** 撤回's reason, as the API has it (functions/http/routes/requests.ts WithdrawBody). */
export const WITHDRAW_REASON_MAX = 500;

export interface Resignation {
  id: string;
  status: ResignationStatus;
  /** The status in the reader's language, as the API words it. */
  statusLabel: string;
  employeeId: string;
  employeeName: string;
  employeeNo: string;
  reason: string;
  /** YYYY-MM-DD: the last working day (moved to the day of approval when approved after it). */
  lastDay: string;
  /** The day asked for, when approval came after it. */
  lastDayMovedFrom: string | null;
  submittedOn: string;
  onProbation: boolean;
  noticeDays: number;
  earliestLastDay: string;
  /** The last day is before `earliestLastDay`: each approver accepts the shorter notice by approving. */
  shortenedNotice: boolean;
  /** HR handed it in for the employee (代为提交). */
  onBehalf: { byId: string; byName: string } | null;
  requesterId: string | null;
  requesterName: string | null;
  policyVersion: number;
  chain: Array<{ key: string; label: string }>;
  currentStep: string | null;
  rejection: { stepKey: string; byName: string; comment: string | null } | null;
  /** The offboarding (离职办理) once approved. */
  offboardingId: string | null;
  steps?: ApprovalStep[];
  /** What the reader may do now: the page shows only these buttons. */
  can?: { withdraw: boolean; remind: string[] };
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** POST /api/v1/resignations */
export interface ResignationInput {
  employeeId: string;
  reason: string;
  lastDay: string;
}
