import type { Level } from '../employees/employeeChoices.js';

/** The offers API's shapes (GET /api/v1/offers/{id}, functions/http/routes/offers.ts), POLICIES.md §2 steps 5–6. */

/**
 * pending_approval (the GM is to approve a salary outside the ladder; no letter yet) → sent →
 * accepted | declined; lapsed (not reported by reportBy); reported (an employee now);
 * withdrawn (HR took it back); rejected (the GM refused the salary); failed (the workflow broke).
 */
export const OFFER_STATUSES = ['pending_approval', 'sent', 'accepted', 'declined', 'lapsed', 'reported', 'withdrawn', 'rejected', 'failed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The documents HR sees when the hire reports (001 第二篇): all three are needed. */
export const REPORT_DOCUMENTS = ['id_card', 'diploma', 'health_check'] as const;
export type ReportDocument = (typeof REPORT_DOCUMENTS)[number];

export interface Offer {
  id: string;
  status: OfferStatus;
  /** The status in the reader's language, as the API words it. */
  statusLabel: string;
  candidateId: string;
  candidateName: string;
  openingId: string;
  requisitionId: string;
  post: string;
  teamId: string;
  teamName: string;
  /** YYYY-MM-DD */
  startDate: string;
  level: Level;
  /** Yuan a month. */
  baseSalary: number;
  /** The level's range on the ladder when the offer was made. */
  salaryMin: number;
  salaryMax: number;
  outsideLadder: boolean;
  probationMonths: number;
  /** The last day to report; the offer lapses after it. */
  reportBy: string;
  lapseAt: string;
  sentAt: string | null;
  response: { answer: 'accept' | 'decline'; at: string; reason: string | null; byName: string | null } | null;
  report: { on: string; documentsSeen: ReportDocument[]; employeeId: string; mentorId: string | null; byName: string; at: string } | null;
  withdrawal: { reason: string | null; byName: string; at: string } | null;
  currentStep: string | null;
  requesterId: string | null;
  requesterName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** POST /api/v1/offers */
export interface OfferInput {
  candidateId: string;
  startDate: string;
  level: Level;
  baseSalary: number;
  probationMonths?: number;
}

/** POST /api/v1/offers/{id}/report */
export interface ReportInput {
  reportedOn?: string;
  documentsSeen: ReportDocument[];
  mentorId?: string;
  superiorId?: string;
  employeeNo?: string;
}

/** POST /api/v1/offers/{id}/report's answer: the new employee, their account and their onboarding checklist. */
export interface Reported {
  employeeId: string;
  offer: Offer;
  accountId: string | null;
  checklistId: string;
}

/** What the offer form needs of a candidate (GET /api/v1/candidates/{id}). */
export interface OfferCandidate {
  id: string;
  name: string;
  openingId: string;
  stage: string;
  stageLabel?: string;
  email: string | null;
  offerId?: string | null;
}

/** What the offer form needs of an opening (GET /api/v1/openings/{id}). */
export interface OfferOpening {
  id: string;
  post: string;
  teamName: string;
  level: Level;
  status: string;
  headcount: number;
  filled: number;
  open: number;
}
