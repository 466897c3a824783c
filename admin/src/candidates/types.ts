/** A candidate as GET /api/v1/candidates/{id} shows it (候选人, POLICIES.md §2 steps 3–4). */
export const CANDIDATE_STAGES = ['new', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'] as const;
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];

export interface CandidateEarlier {
  id: string;
  openingId: string;
  /** The opening's post and team in the reader's language (null if it is gone). */
  openingTitle: string | null;
  /** How far that application got: its outcome, once ended. */
  stage: CandidateStage;
  stageLabel: string;
  createdAt: string;
}

export interface InterviewAnswer {
  name: string;
  score: number;
  recommendation: 'hire' | 'hold' | 'reject';
  recommendationLabel: string;
  notes: string | null;
  at: string;
}

export interface HiringRound {
  round: number;
  label: string;
  /** 或签 any one answers; 会签 all answer. */
  mode: 'any' | 'all';
  interview: { at: string; place: string; scheduledByName: string; interviewers: Array<{ employeeId: string | null; name: string }> } | null;
  answers: InterviewAnswer[];
  average: number | null;
}

/** The candidate's hiring request (interviews, the hire decision), as the candidate's GET shows it. */
export interface CandidateHiring {
  id: string;
  status: 'interviewing' | 'hire_approved' | 'not_hired' | 'withdrawn' | 'failed';
  statusLabel: string;
  currentStep: string | null;
  currentStepLabel: string | null;
  rounds: HiringRound[];
}

export interface Candidate {
  id: string;
  openingId: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** A key of the recruitment policy's candidateSources. */
  source: string;
  sourceLabel: string;
  notes: string | null;
  cv: { id: string; fileName: string; contentType: string; size: number } | null;
  stage: CandidateStage;
  stageLabel: string;
  /** Earlier candidates with the same mobile or email (any opening), oldest first. */
  duplicateOf: string[];
  /** GET /candidates/{id} only. */
  duplicates?: CandidateEarlier[];
  hiringId?: string | null;
  /** GET /candidates/{id} only: null before round 1 is scheduled. */
  hiring?: CandidateHiring | null;
  /** When the personal data was erased after the recruitment policy's retention period; null while kept. */
  erasedAt?: string | null;
  offerId?: string | null;
  createdById: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** POST /api/v1/candidates (phone or email, or both). */
export interface CandidateInput {
  openingId: string;
  name: string;
  phone?: string | null;
  email?: string | null;
  source: string;
  notes?: string;
  /** An attachment id from POST /attachments: the CV. */
  cv?: string;
}

/** POST /api/v1/interviews */
export interface InterviewInput {
  candidateId: string;
  round: number;
  /** ISO-8601 with its offset. */
  at: string;
  place: string;
  /** Employee ids. */
  interviewerIds: string[];
}

export interface ScheduledInterview {
  hiringId: string;
  candidateId: string;
  round: number;
  at: string;
  place: string;
  interviewers: Array<{ employeeId: string | null; name: string }>;
  status: string;
  statusLabel: string;
  currentStep: string | null;
}
