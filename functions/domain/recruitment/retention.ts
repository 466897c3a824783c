/**
 * Keeping candidates who were not hired (POLICIES.md §2, §8; #14): their personal data is kept
 * for the recruitment policy's `candidateRetentionDays` after their last change, then erased,
 * leaving a record that they existed (the id, the opening, the source, how far they got, and the
 * hiring decisions under that id). Pure: the clock and the policy are inputs.
 */
import type { CandidateStage } from './candidate.js';

type Lang = 'zh-CN' | 'en';

const DAY_MS = 86_400_000;

/** What an erased candidate is called wherever their name was. */
export const ERASED_NAME: Record<Lang, string> = { 'zh-CN': '（已删除的候选人）', en: '(erased candidate)' };

/** The instant before which a last change makes a candidate due: now minus the retention days. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}

/** Whether a candidate is ever kept out of erasure: hired (an employee now) or erased already. */
export const neverErased = (c: { stage: CandidateStage; erasedAt?: string | null }): boolean => c.stage === 'hired' || !!c.erasedAt;

export type RetentionVerdict =
  | { erase: true }
  | { erase: false; why: 'hired' | 'erased' | 'recent' | 'in_process' };

/**
 * Whether a candidate's personal data is to be erased now: not hired, last changed before the
 * cut-off, and out of the process — rejected or withdrawn, or left in an earlier stage of an
 * opening that was filled or cancelled. Someone still in the pipeline of an open (or paused)
 * opening is kept, however long ago they changed: HR may still call them.
 */
export function retentionVerdict(
  c: { stage: CandidateStage; updatedAt: string; erasedAt?: string | null },
  /** The opening's status (`open`, `paused`, `filled`, `cancelled`); null when it is gone. */
  openingStatus: string | null,
  cutoff: string,
): RetentionVerdict {
  if (c.stage === 'hired') return { erase: false, why: 'hired' };
  if (c.erasedAt) return { erase: false, why: 'erased' };
  if (Date.parse(c.updatedAt) >= Date.parse(cutoff)) return { erase: false, why: 'recent' };
  const ended = c.stage === 'rejected' || c.stage === 'withdrawn';
  const openingClosed = openingStatus !== 'open' && openingStatus !== 'paused';
  return ended || openingClosed ? { erase: true } : { erase: false, why: 'in_process' };
}
