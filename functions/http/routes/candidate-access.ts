/**
 * Who sees candidates' personal data (POLICIES.md §2, §8; #14): HR and administrators
 * (`recruitment:manage`), and for one opening the requisition's requester and whoever holds or
 * held a task on its chain; and each candidate's own interviewers (named on a round of their
 * hiring process, or holding or having held one of its tasks), that candidate only — without the
 * other interviewers' scores. Nobody else: not their superiors, not the GM who took no part. To
 * anyone else an opening's candidates, a candidate and a CV are 404 (not revealed to exist).
 * Shared by the candidate routes and GET /attachments/{id} (a CV is never easier to reach).
 */
import type { Context } from 'hono';
import { can, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { getCandidate, type Candidate } from '../../storage/candidates.js';
import { getOpening, type Opening } from '../../storage/openings.js';
import type { Store } from '../../storage/client.js';
import { getRequest } from '../../storage/requests.js';
import { HIRING, type HiringRequest } from '../../workflow/kinds/hiring.js';
import { REQUISITION } from '../../workflow/kinds/requisition.js';
import type { AppEnv } from '../env.js';
import { tookPart } from './request-access.js';

/** May the reader see the opening's candidates? (The rule above; GET /interviews lists their rounds by it too.) */
export async function seesCandidatesOf(c: Context<AppEnv>, p: Principal, opening: Opening): Promise<boolean> {
  if (can(p, 'recruitment:manage')) return true;
  if (p.kind !== 'user') return false;
  if (opening.requesterId === p.id) return true;
  return tookPart(c.get('deps').store, REQUISITION, opening.requisitionId, p.id);
}

/** An opening whose candidates the reader may see, else 404 OPENING.NOT_FOUND naming `openingId`. */
export async function openingWithVisibleCandidates(c: Context<AppEnv>, p: Principal, openingId: string): Promise<Opening> {
  const opening = await getOpening(c.get('deps').store, openingId);
  if (!opening || !(await seesCandidatesOf(c, p, opening))) throw new DomainError('OPENING.NOT_FOUND', 'openingId');
  return opening;
}

/**
 * How the reader sees a candidate: `recruiter` (HR, the requisition's requester or chain: the
 * opening's candidates, every answer) or `interviewer` (this candidate only, their own answers).
 */
export type CandidateReader = 'recruiter' | 'interviewer';

/** Whether the user interviews in this hiring process: named on a round, answered one, or holds or held one of its tasks. */
export async function interviewsIn(store: Store, hiringId: string, userId: string): Promise<boolean> {
  const hiring = await getRequest<HiringRequest>(store, HIRING, hiringId);
  if (!hiring) return false;
  if (hiring.interviews.some((i) => i.interviewers.some((x) => x.userId === userId))) return true;
  if (Object.values(hiring.answers).some((answers) => answers.some((a) => a.userId === userId))) return true;
  return tookPart(store, HIRING, hiringId, userId);
}

/** A candidate the reader may see (with their opening and how they see them), or null. */
export async function readableCandidate(c: Context<AppEnv>, p: Principal, id: string): Promise<{ candidate: Candidate; opening: Opening; as: CandidateReader } | null> {
  const { store } = c.get('deps');
  const candidate = await getCandidate(store, id);
  const opening = candidate ? await getOpening(store, candidate.openingId) : null;
  if (!candidate || !opening) return null;
  if (await seesCandidatesOf(c, p, opening)) return { candidate, opening, as: 'recruiter' };
  if (p.kind === 'user' && candidate.hiringId && (await interviewsIn(store, candidate.hiringId, p.id))) return { candidate, opening, as: 'interviewer' };
  return null;
}

/** A candidate the reader may see, else 404 CANDIDATE.NOT_FOUND naming `id`. */
export async function visibleCandidate(c: Context<AppEnv>, p: Principal, id: string): Promise<{ candidate: Candidate; opening: Opening; as: CandidateReader }> {
  const found = await readableCandidate(c, p, id);
  if (!found) throw new DomainError('CANDIDATE.NOT_FOUND', 'id');
  return found;
}
