/**
 * The daily erasure of candidates not hired (POLICIES.md §2, §8; #14): once a candidate has
 * been out of the process for the recruitment policy's `candidateRetentionDays`, their personal
 * data goes — name, mobile, email, HR's notes, the CV (its file and its record) — and they leave
 * the contact lists, so nobody added later is flagged as their duplicate. What stays is the
 * record that they existed: the candidate's id with the opening, the source, the stage they
 * reached and when they were erased; the hiring process and offers under that id with the
 * interviewers' scores and decisions (the hiring record), their name replaced; and the audit
 * trail, which holds ids and decisions, no contact data.
 *
 * Idempotent and safe to stop anywhere: the titles and the file go first, and the candidate's
 * own transaction (stub, contact lists, records, audit) marks the erasure done; a run that
 * stops before it finds the candidate again the next day.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { ERASED_NAME, retentionCutoff, retentionVerdict } from '../domain/recruitment/retention.js';
import { getTasks, listSteps } from '../storage/approvals.js';
import { fileKey } from '../storage/attachments.js';
import { auditPut } from '../storage/audit.js';
import { candidatePut, contactRemovals, ContactListChanged, getCandidate, listRetentionDue, type Candidate } from '../storage/candidates.js';
import { approvalTaskKey, attachmentKey } from '../storage/keys.js';
import { deleteObject } from '../storage/objects.js';
import { getOpening } from '../storage/openings.js';
import { getPolicy } from '../storage/policies.js';
import { getRequest, requestPut } from '../storage/requests.js';
import { transact, type TxItem } from '../storage/transact.js';
import { HIRING, hiringTitle, type HiringRequest } from './kinds/hiring.js';
import { OFFER, OFFER_OPEN, offerTitle, type Offer } from './kinds/offer.js';
import type { WorkflowDeps } from './kinds.js';

const ATTEMPTS = 3;

export async function eraseCandidates(deps: WorkflowDeps): Promise<{ erased: string[]; kept: number }> {
  const policy = await getPolicy(deps.store, 'recruitment');
  const now = deps.now();
  const cutoff = retentionCutoff(now, policy.values.candidateRetentionDays);
  const erased: string[] = [];
  let kept = 0;
  let cursor: string | undefined;
  do {
    const page = await listRetentionDue(deps.store, cutoff, { limit: 50, cursor });
    for (const found of page.items) {
      try {
        if (await eraseOne(deps, found.id, cutoff, { days: policy.values.candidateRetentionDays, version: policy.version })) erased.push(found.id);
        else kept++;
      } catch (err) {
        // One candidate's failure does not stop the others; tomorrow's run tries again.
        deps.log('warn', 'candidate not erased', { candidateId: found.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (erased.length) deps.log('info', 'candidates erased after the retention period', { count: erased.length, cutoff });
  return { erased, kept };
}

async function eraseOne(deps: WorkflowDeps, id: string, cutoff: string, policy: { days: number; version: number }): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    // The index is eventually consistent: decide on the candidate as it is now.
    const candidate = await getCandidate(deps.store, id);
    if (!candidate) return false;
    const opening = await getOpening(deps.store, candidate.openingId);
    if (!retentionVerdict(candidate, opening?.status ?? null, cutoff).erase) return false;
    const hiring = candidate.hiringId ? await getRequest<HiringRequest>(deps.store, HIRING, candidate.hiringId) : null;
    const offerIds = [...new Set([...(candidate.pastOfferIds ?? []), ...(candidate.offerId ? [candidate.offerId] : [])])];
    const offers = (await Promise.all(offerIds.map((o) => getRequest<Offer>(deps.store, OFFER, o)))).filter((o): o is Offer => o !== null);
    // A process still running keeps its candidate (it would mail them): erased once it ends.
    if (hiring?.status === 'interviewing' || offers.some((o) => OFFER_OPEN.includes(o.status))) return false;

    const at = deps.now().toISOString();
    await retitleTasks(deps, hiring, offers);
    if (candidate.cv) await deleteObject(deps.objects, fileKey(candidate.cv.id));
    try {
      await transact(deps.store, [
        candidatePut(deps.store, erasedCandidate(candidate, at), candidate),
        ...(await contactRemovals(deps.store, candidate)),
        ...(candidate.cv ? [{ write: { Delete: { TableName: deps.store.table, Key: attachmentKey(candidate.cv.id) } } }] : []),
        ...(hiring ? [requestPut(deps.store, HIRING, { ...hiring, candidateName: ERASED_NAME['zh-CN'] }, hiring)] : []),
        ...offers.map((o) => requestPut(deps.store, OFFER, { ...o, candidateName: ERASED_NAME['zh-CN'], candidateEmail: '', candidatePhone: null }, o)),
        {
          write: auditPut(deps.store, {
            entityType: 'candidate', entityId: candidate.id, action: 'erase', actor: null, channel: 'system', at, before: null,
            after: { reason: 'retention', retentionDays: policy.days, policyVersion: policy.version, cv: candidate.cv?.id ?? null, hiringId: hiring?.id ?? null, offerIds },
          }),
        },
      ] satisfies TxItem[]);
      return true;
    } catch (err) {
      // Someone changed the candidate, a record or a contact list meanwhile: decide again on what is there now.
      const raced = err instanceof ContactListChanged || (err instanceof DomainError && err.code === 'RECORD.VERSION_CONFLICT');
      if (!raced || attempt >= ATTEMPTS) throw err;
    }
  }
}

/** The record that stays: who it was is gone, what happened is not. */
function erasedCandidate(c: Candidate, at: string): Candidate {
  return { ...c, name: '', phone: null, email: null, notes: null, cv: null, erasedAt: at, updatedAt: at, version: c.version + 1 };
}

/**
 * Inboxes and timelines show each task's title, which names the candidate: the tasks of the
 * hiring process and of the offers get the title with the name replaced. Before the candidate's
 * transaction (a request has a bounded number of tasks, but not one a transaction always holds).
 */
async function retitleTasks(deps: WorkflowDeps, hiring: HiringRequest | null, offers: Offer[]): Promise<void> {
  const titleIn = (title: (name: string) => Record<'zh-CN' | 'en', string>) => ({ 'zh-CN': title(ERASED_NAME['zh-CN'])['zh-CN'], en: title(ERASED_NAME.en).en });
  const requests = [
    ...(hiring ? [{ kind: HIRING, id: hiring.id, title: titleIn((name) => hiringTitle({ ...hiring, candidateName: name })) }] : []),
    ...offers.map((o) => ({ kind: OFFER, id: o.id, title: titleIn((name) => offerTitle({ ...o, candidateName: name })) })),
  ];
  for (const r of requests) {
    const steps = await listSteps(deps.store, r.kind, r.id);
    const tasks = await getTasks(deps.store, steps.flatMap((s) => s.taskIds));
    for (const task of tasks) {
      await deps.store.doc.send(new UpdateCommand({
        TableName: deps.store.table, Key: approvalTaskKey(task.id),
        UpdateExpression: 'SET title = :title', ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':title': r.title },
      }));
    }
  }
}
