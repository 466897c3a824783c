import type { ApprovalStep } from '../approvals/types.js';
import type { Level } from '../employees/employeeChoices.js';

/** The requisition API's shapes (GET /api/v1/requisitions/{id}), POLICIES.md §2. */

/** pending_approval while the chain runs; open once approved (its opening takes candidates); filled or cancelled after. */
export const REQUISITION_STATUSES = ['pending_approval', 'rejected', 'withdrawn', 'failed', 'open', 'filled', 'cancelled'] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

/** The posts a requisition may ask for (functions/domain/recruitment/requisition.ts REQUISITION_POSTS: not the GM). */
export const REQUISITION_POSTS = ['agent', 'team_lead', 'supervisor', 'cs_manager', 'hr'] as const;
export type RequisitionPost = (typeof REQUISITION_POSTS)[number];

/** 增补原因 and 任职要求's longest text, as the API has it (functions/http/routes/requisitions.ts TEXT_MAX). */
export const REQUISITION_TEXT_MAX = 2000;

export interface Requisition {
  id: string;
  status: RequisitionStatus;
  /** The status in the reader's language, as the API words it. */
  statusLabel: string;
  post: RequisitionPost;
  teamId: string;
  teamName: string;
  headcount: number;
  /** Heads filled so far on its opening. */
  filled: number;
  reason: string;
  requirements: string;
  level: Level;
  /** Yuan a month: the level's base salary up to the policy's range above it. */
  salaryMin: number;
  salaryMax: number;
  /** YYYY-MM-DD */
  wantedBy: string;
  requesterId: string | null;
  requesterName: string | null;
  policyVersion: number;
  /** The steps this requisition is asked at (the policy's chain, its headcount conditions applied). */
  chain: Array<{ key: string; label: string; minHeadcount: number | null }>;
  currentStep: string | null;
  rejection: { stepKey: string; byName: string; comment: string | null } | null;
  /** The opening (招聘职位) once approved. */
  openingId: string | null;
  steps?: ApprovalStep[];
  /** What the reader may do now: the page shows only these buttons. */
  can?: { withdraw: boolean; remind: string[] };
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** POST /api/v1/requisitions */
export interface RequisitionInput {
  post: RequisitionPost;
  teamId: string;
  headcount: number;
  reason: string;
  requirements: string;
  level: Level;
  wantedBy: string;
}

/** The statuses in which the chain still runs (撤回, 催办). */
export const RUNNING_STATUSES: readonly RequisitionStatus[] = ['pending_approval'];
