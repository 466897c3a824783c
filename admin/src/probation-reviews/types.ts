import type { ApprovalStep } from '../approvals/types.js';
import type { AttachmentRef } from '../attachments/uploads.js';

/** The probation-review API's shapes (GET /api/v1/probation-reviews/{id}), POLICIES.md §3. */

export type ReviewStatus = 'scheduled' | 'in_review' | 'converted' | 'extended' | 'ended' | 'rejected' | 'failed' | 'withdrawn';
export type ReviewKind = 'early' | 'scheduled';
export type Outcome = 'convert' | 'extend' | 'end';
export type BandOutcome = 'convert_early' | 'convert' | 'extend' | 'end';

export interface ProbationReview {
  id: string;
  /** What the reader may do now (GET /probation-reviews/{id}): the console shows only these buttons. */
  can?: { withdraw: boolean; remind: string[] };
  employeeId: string;
  employeeName: string;
  employeeNo: string;
  kind: ReviewKind;
  applicant: 'employee' | 'supervisor' | 'system';
  /** Not every API version sends it; the page then offers 抄送 to those asked in the chain only. */
  requesterId?: string | null;
  requesterName: string | null;
  /** 申请说明, as the requester last wrote it. */
  statement?: string | null;
  /** Files the review was started with (on one review). */
  attachments?: AttachmentRef[];
  status: ReviewStatus;
  /** YYYY-MM-DD the first step is (or was) assigned. */
  startsOn: string;
  /** Applied after the cut-off day: waits for next month's round. */
  deferred: boolean;
  policyVersion: number;
  scores: Record<string, number> | null;
  attendance: Record<string, number> | null;
  weighted: number | null;
  band: { min: number; outcome: BandOutcome; gap: boolean } | null;
  breaches: Array<{ rule: string; count: number; limit: number }>;
  recommendation: { outcome: Outcome; early: boolean; reasons: string[] } | null;
  override: { outcome: Outcome; extensionMonths?: number; byName: string; stepKey: string; comment: string } | null;
  /** Set when the review ended: `outcome` is the review's final status plus what changed. */
  finalOutcome: ({ outcome: string } & Record<string, unknown>) | null;
  chain: Array<{ key: string; label: string; records: 'scores' | 'outcome' | null }>;
  currentStep: string | null;
  steps?: ApprovalStep[];
  createdAt: string;
  updatedAt: string;
  version: number;
}
