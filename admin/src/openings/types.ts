import type { Level } from '../employees/employeeChoices.js';

/** An opening as GET /api/v1/openings/{id} shows it (招聘职位, POLICIES.md §2 step 3); its id is its requisition's. */
export const OPENING_STATUSES = ['open', 'paused', 'filled', 'cancelled'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

export interface Opening {
  id: string;
  requisitionId: string;
  post: string;
  teamId: string;
  teamName: string;
  level: Level;
  salaryMin: number;
  salaryMax: number;
  headcount: number;
  filled: number;
  /** Heads still to fill (headcount − filled). */
  open: number;
  /** Heads an accepted or sent offer holds, when the API says (offers, #14). */
  held?: number;
  status: OpeningStatus;
  /** In the reader's language, as the API words it. */
  statusLabel: string;
  /** HR's reason for the last pause, reopening or cancellation. */
  statusReason: string | null;
  requesterId: string | null;
  requesterName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** HR's verbs on an opening, each with a required reason: from which statuses each is offered (routes/openings.ts VERBS). */
export const OPENING_VERBS = {
  pause: ['open'],
  reopen: ['paused'],
  cancel: ['open', 'paused'],
} as const satisfies Record<string, readonly OpeningStatus[]>;
export type OpeningVerb = keyof typeof OPENING_VERBS;

/** The verbs an opening in this status takes, in the order the panel shows them. */
export function openingVerbs(status: OpeningStatus): OpeningVerb[] {
  return (Object.keys(OPENING_VERBS) as OpeningVerb[]).filter((verb) => (OPENING_VERBS[verb] as readonly OpeningStatus[]).includes(status));
}

/** The heads free to fill: neither filled nor held by an offer. */
export const freeHeads = (o: Pick<Opening, 'open' | 'held'>): number => Math.max(0, o.open - (o.held ?? 0));
