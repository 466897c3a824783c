import { CANDIDATE_STAGES, type Candidate, type CandidateStage } from './types.js';

/**
 * The pipeline board's columns (POLICIES.md §2 steps 3–5): one per stage, in the order a
 * candidate moves, the ended ones (rejected, withdrawn) last. No React here (test/admin tests it).
 */
export function byStage<T extends Pick<Candidate, 'stage'>>(candidates: readonly T[]): Array<{ stage: CandidateStage; candidates: T[] }> {
  return CANDIDATE_STAGES.map((stage) => ({ stage, candidates: candidates.filter((c) => c.stage === stage) }));
}

/** A chip colour per stage that reads at 4.5:1 (layout/theme.ts, #13 item 10): filled chips only in theme colours. */
export const STAGE_COLOURS: Record<CandidateStage, 'default' | 'primary' | 'info' | 'warning' | 'success' | 'error'> = {
  new: 'primary',
  screening: 'info',
  interview: 'info',
  offer: 'warning',
  hired: 'success',
  rejected: 'default',
  withdrawn: 'default',
};

/** Whether the candidate repeats an earlier one's mobile or email (flagged, never merged). */
export const isDuplicate = (c: Pick<Candidate, 'duplicateOf'>): boolean => c.duplicateOf.length > 0;

/**
 * The body of POST /candidates from the form: blanks left out (the API takes a missing phone
 * or email as not given, and refuses an empty `notes`), the CV as its attachment id.
 */
export function candidateBody(openingId: string, values: { name?: string; phone?: string; email?: string; source?: string; notes?: string }, cv: string | undefined): Record<string, unknown> {
  const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  const body: Record<string, unknown> = { openingId, name: text(values.name) ?? '', source: values.source ?? '' };
  for (const field of ['phone', 'email', 'notes'] as const) {
    const value = text(values[field]);
    if (value !== undefined) body[field] = value;
  }
  if (cv) body.cv = cv;
  return body;
}

/** The next round to schedule: the first without an interview, or 1 before the process starts. */
export function nextRound(hiring: Candidate['hiring']): number {
  if (!hiring) return 1;
  return hiring.rounds.find((r) => !r.interview)?.round ?? hiring.rounds.length;
}

/** A local `datetime-local` value (2026-12-10T10:00) as ISO-8601 with its offset, as POST /interviews takes it. */
export function localDateTimeToIso(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
