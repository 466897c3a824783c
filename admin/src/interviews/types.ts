/** 面试安排 as GET /api/v1/interviews answers it (functions/http/routes/interview-schedule.ts, #14). */

export interface ScheduleInterviewer {
  /** Null for someone who answered in a named interviewer's place (a transfer). */
  employeeId: string | null;
  name: string;
  answered: boolean;
  /** For a reader who may see the candidate, and for one's own answer. */
  score?: number;
  recommendation?: 'hire' | 'hold' | 'reject';
  recommendationLabel?: string;
}

/** `asking`: answers outstanding; `done`: the round is complete; `ended`: the process ended before it completed. */
export type RoundStatus = 'asking' | 'done' | 'ended';

export interface ScheduledRound {
  hiringId: string;
  candidateId: string;
  candidateName: string;
  /** Whether the reader may open the candidate's page (an interviewer only may not). */
  candidateVisible: boolean;
  openingId: string;
  post: string;
  postLabel: string;
  teamName: string;
  round: number;
  roundLabel: string;
  /** ISO-8601 with the offset it was scheduled with. */
  at: string;
  /** A room, or an online meeting's link. */
  place: string;
  interviewers: ScheduleInterviewer[];
  /** The reader's pending task for the round: answered with POST /approvals/{id}/decision. */
  myTaskId: string | null;
  status: RoundStatus;
  statusLabel: string;
  hiringStatus: string;
  hiringStatusLabel: string;
}

/** The query of GET /api/v1/interviews: dates (company days, both inclusive). */
export interface ScheduleQuery {
  from: string;
  to: string;
  mine: boolean;
}
