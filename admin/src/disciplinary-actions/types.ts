import type { ApprovalStep } from '../approvals/types.js';
import type { AttachmentRef } from '../attachments/uploads.js';

/**
 * A disciplinary action (处罚, POLICIES.md §4; seed 004 第五条) as GET /api/v1/disciplinary-actions/{id}
 * shows it (functions/http/routes/disciplinary-actions.ts `DisciplinaryActionSchema`): the 处罚单
 * (`notice`), its signatures, the appeal, the timeline and what the reader may do (`can`).
 */

/** `expired` is never stored: an effective action past its counting window reads as expired. */
export const DISCIPLINE_STATUSES = ['pending_signature', 'appeal_window', 'under_appeal', 'effective', 'voided', 'expired', 'dismissal_pending', 'dismissed'] as const;
export type DisciplineStatus = (typeof DISCIPLINE_STATUSES)[number];

export const DISCIPLINE_LEVELS = ['verbal', 'written', 'final', 'dismissal'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

/** The statuses in which the action's own chain (签收 → 申诉期 → 申诉处理) runs. */
export const RUNNING_STATUSES: readonly DisciplineStatus[] = ['pending_signature', 'appeal_window', 'under_appeal'];

/** The chain's step keys (functions/workflow/kinds/discipline.ts). */
export const NOTICE_STEP = 'notice';
export const APPEAL_STEP = 'appeal';
export const REVIEW_STEP = 'appeal_review';

/** As the API has them: 拒签 reason (REFUSAL_MAX), 申诉 reason (APPEAL_REASON_MAX), files per appeal. */
export const REFUSAL_MAX = 500;
export const APPEAL_REASON_MAX = 2000;
export const APPEAL_FILES_MAX = 10;

/** A handwritten signature on the notice: who, when, through which channel, the image and the hashes. */
export interface NoticeSignature {
  userId: string;
  name: string;
  role: 'employee' | 'witness';
  at: string;
  channel: string;
  /** SHA-256 of the image, hex. */
  imageSha256: string;
  /** SHA-256 of the notice text signed. */
  noticeHash: string;
  /** A short-lived link to the image (the single read only). */
  imageUrl: string | null;
}

/** What the reader may do now, as the API decides it. */
export interface DisciplineCan {
  acknowledge: boolean;
  refuse: boolean;
  witness: boolean;
  nameWitnesses: boolean;
  appeal: boolean;
}

export interface DisciplinaryAction {
  id: string;
  status: DisciplineStatus;
  statusLabel: string;
  level: DisciplineLevel;
  levelLabel: string;
  catalogueLevel: DisciplineLevel;
  violationCode: string;
  violation: { code: string; level: string; fine: number; label: string };
  fine: number;
  employeeId: string;
  employeeName: string;
  employeeNo: string;
  facts: string;
  occurredAt: string;
  occurredOn: string;
  evidence: AttachmentRef[];
  counted: string[];
  countedSummary: Array<{ id: string; level: string; levelLabel: string; occurredOn: string; violationCode: string; label: string }>;
  rule: { code: string; rules: string[]; text: string };
  rolledUpInto: string | null;
  restored: { fromActionId: string; at: string } | null;
  countsUntil: string;
  terms: { countingMonths: number; signDays: number; appealDays: number; appealAnswerDays: number; witnesses: number };
  noticeHash: string;
  /** The 处罚单 in the reader's language; `text` is the zh-CN text the hash covers. */
  notice: { title: string; rows: Array<[string, string]>; text: string };
  signature: NoticeSignature | null;
  refusal: { reason: string; at: string; channel: string } | null;
  witnessIds: string[];
  witnessNames: string[];
  witnesses: NoticeSignature[];
  servedAt: string | null;
  servedBy: 'signature' | 'witnesses' | null;
  /** YYYY-MM-DD: the last company day an appeal is taken. */
  appealLastDay: string | null;
  /** The moment the window closes (exclusive). */
  appealUntil: string | null;
  appeal: { reason: string; at: string; reviewerNames: string[] } | null;
  ruling: { outcome: 'upheld' | 'rejected'; byName: string; at: string; comment: string | null } | null;
  effectiveAt: string | null;
  voided: { reason: 'appeal_upheld' | 'not_served'; at: string; restored: string[] } | null;
  dismissal: { requestId: string; status: 'pending' | 'approved' | 'rejected'; decidedAt: string | null; offboardingId: string | null; rejectedBy: string | null; comment: string | null } | null;
  requesterId: string | null;
  requesterName: string | null;
  policyVersion: number;
  /** The single read only (not the list, not a verb's answer). */
  steps?: ApprovalStep[];
  can?: DisciplineCan;
  createdAt: string;
  updatedAt: string;
  version: number;
}
