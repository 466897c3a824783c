/**
 * Who sees candidates' personal data (POLICIES.md §2, §8; #14): HR and administrators
 * (`recruitment:manage`), and for one opening the requisition's requester and whoever holds or
 * held a task on its chain. Nobody else: not their superiors, not the GM who took no part. To
 * anyone else an opening's candidates, a candidate and a CV are 404 (not revealed to exist).
 * Shared by the candidate routes and GET /attachments/{id} (a CV is never easier to reach).
 */
import type { Context } from 'hono';
import { can, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { getCandidate, type Candidate } from '../../storage/candidates.js';
import { getOpening, type Opening } from '../../storage/openings.js';
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

/** A candidate the reader may see (with their opening), or null. */
export async function readableCandidate(c: Context<AppEnv>, p: Principal, id: string): Promise<{ candidate: Candidate; opening: Opening } | null> {
  const { store } = c.get('deps');
  const candidate = await getCandidate(store, id);
  const opening = candidate ? await getOpening(store, candidate.openingId) : null;
  if (!candidate || !opening || !(await seesCandidatesOf(c, p, opening))) return null;
  return { candidate, opening };
}

/** A candidate the reader may see, else 404 CANDIDATE.NOT_FOUND naming `id`. */
export async function visibleCandidate(c: Context<AppEnv>, p: Principal, id: string): Promise<{ candidate: Candidate; opening: Opening }> {
  const found = await readableCandidate(c, p, id);
  if (!found) throw new DomainError('CANDIDATE.NOT_FOUND', 'id');
  return found;
}
