/**
 * Candidates (候选人, POLICIES.md §2, #14): `CANDIDATE#<id>`, listed per opening on gsi1; and one
 * contact item per normalised mobile and email (keys.ts) holding the ids of every candidate who
 * gave it. A new candidate reads those items (key look-ups, never a scan), is flagged with the
 * earlier ids (`duplicateOf`, never merged), and is appended to them in its own transaction,
 * conditional on each list being as read: two people entering the same applicant at once are
 * serialised, so the second is flagged too.
 */
import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AttachmentRef } from '../domain/attachments/types.js';
import { DomainError } from '../domain/errors.js';
import type { CandidateStage } from '../domain/recruitment/candidate.js';
import { neverErased } from '../domain/recruitment/retention.js';
import { auditPut, type AuditInput, type Channel } from './audit.js';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { CANDIDATES_RETENTION, candidateContactKey, candidateKey, candidatesOfOpeningPk, stripKeys } from './keys.js';
import { funnelCount } from './counters.js';
import { transact, type TxItem } from './transact.js';
import { batchGetById } from './batch-get.js';

export interface Candidate {
  id: string;
  openingId: string;
  name: string;
  /** Normalised: 11 digits (no +86), or null. */
  phone: string | null;
  /** Normalised: lower-case, or null. */
  email: string | null;
  /** A key of the recruitment policy's candidateSources. */
  source: string;
  notes: string | null;
  cv: AttachmentRef | null;
  stage: CandidateStage;
  /** Earlier candidates with the same mobile or email (any opening), oldest first, as found when this one was added. */
  duplicateOf: string[];
  /** The candidate's hiring request (interviews, the hire decision), once round 1 is scheduled. */
  hiringId?: string | null;
  /** The candidate's current offer (one at a time; cleared when HR withdraws it, so another may be made). */
  offerId?: string | null;
  /** Offers made earlier and withdrawn so that another could be made (their records name the candidate too). */
  pastOfferIds?: string[];
  /** When the personal data was erased after the retention period (functions/workflow/candidate-retention.ts); unset while kept. */
  erasedAt?: string | null;
  createdById: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const hashOf = (value: string) => createHash('sha256').update(value).digest('hex');

function contactKeys(c: Pick<Candidate, 'phone' | 'email'>) {
  return [
    ...(c.phone ? [candidateContactKey('phone', hashOf(c.phone))] : []),
    ...(c.email ? [candidateContactKey('email', hashOf(c.email))] : []),
  ];
}

function item(c: Candidate): Record<string, unknown> {
  // The retention job's list: everyone who may one day be erased, by their last change.
  const retention = neverErased(c) ? {} : { gsi2pk: CANDIDATES_RETENTION, gsi2sk: `${c.updatedAt}#${c.id}` };
  return { ...candidateKey(c.id), entity: 'candidate', ...c, gsi1pk: candidatesOfOpeningPk(c.openingId), gsi1sk: `${c.createdAt}#${c.id}`, ...retention };
}

/** Thrown inside createCandidate when a contact list changed between reading and writing: read again. */
class ContactRaced extends Error {}

/**
 * Adds a candidate: `build` gets the earlier candidates' ids (found by the normalised contact)
 * and returns the record with what goes in the same transaction (its audit record, the CV's
 * claim). Retried a few times when another candidate with the same contact was added meanwhile.
 */
export async function createCandidate(
  store: Store,
  contact: Pick<Candidate, 'phone' | 'email'>,
  build: (duplicateOf: string[]) => { candidate: Candidate; audit: AuditInput; extra: TxItem[] },
): Promise<Candidate> {
  for (let attempt = 0; ; attempt++) {
    const lists = await Promise.all(contactKeys(contact).map(async (key) => {
      const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: key, ConsistentRead: true }));
      return { key, ids: (out.Item?.candidateIds as string[] | undefined) ?? null };
    }));
    // Ids are time-ordered: sorted, they are in the order the candidates were added.
    const duplicateOf = [...new Set(lists.flatMap((l) => l.ids ?? []))].sort();
    const { candidate, audit, extra } = build(duplicateOf);
    const appends: TxItem[] = lists.map(({ key, ids }) => ({
      write: {
        Update: {
          TableName: store.table,
          Key: key,
          UpdateExpression: 'SET entity = :entity, candidateIds = list_append(if_not_exists(candidateIds, :none), :id)',
          ConditionExpression: ids === null ? 'attribute_not_exists(pk)' : 'size(candidateIds) = :n',
          ExpressionAttributeValues: { ':entity': 'candidateContact', ':none': [], ':id': [candidate.id], ...(ids === null ? {} : { ':n': ids.length }) },
        },
      },
      onConditionFailed: () => new ContactRaced(),
    }));
    try {
      await transact(store, [
        { write: { Put: { TableName: store.table, Item: item(candidate), ConditionExpression: 'attribute_not_exists(pk)' } }, counts: funnelCount('candidates', candidate.createdAt) },
        ...appends,
        { write: auditPut(store, audit) },
        ...extra,
      ]);
      return candidate;
    } catch (err) {
      if (!(err instanceof ContactRaced)) throw err;
      if (attempt >= 4) throw new DomainError('CANDIDATE.CONTACT_BUSY');
    }
  }
}

export async function getCandidate(store: Store, id: string): Promise<Candidate | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: candidateKey(id), ConsistentRead: true }));
  return out.Item ? (stripKeys(out.Item) as Candidate) : null;
}

/** Several candidates, in the order asked, those that exist. */
export async function getCandidates(store: Store, ids: readonly string[]): Promise<Candidate[]> {
  return batchGetById<Candidate>(store, ids, candidateKey);
}

/** An opening's candidates, newest first, one page. */
export async function listCandidates(store: Store, q: { openingId: string; limit: number; cursor?: string | undefined }): Promise<{ items: Candidate[]; nextCursor: string | null }> {
  const fp = { t: 'candidates', o: q.openingId };
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': candidatesOfOpeningPk(q.openingId) },
      ScanIndexForward: false,
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, fp),
    }),
  );
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as Candidate), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}

/**
 * One look at a candidate's CV (POLICIES.md §8: every look-up of personal data is recorded): on
 * the candidate's trail (`cv_view`) and on the file's (`download`), written before the link is
 * handed out. No personal data in either: ids and the file's name.
 */
export async function recordCvView(
  store: Store,
  candidateId: string,
  cv: { id: string; fileName: string },
  actor: { id: string; name: string },
  channel: Channel,
  at: string,
): Promise<void> {
  await transact(store, [
    { write: auditPut(store, { entityType: 'candidate', entityId: candidateId, action: 'cv_view', actor, channel, at, before: null, after: { attachmentId: cv.id } }) },
    { write: auditPut(store, { entityType: 'attachment', entityId: cv.id, action: 'download', actor, channel, at, before: null, after: { fileName: cv.fileName, candidateId } }) },
  ]);
}

/** A transaction item replacing the candidate if it is still at `previous.version` (its contact items stay as they are). */
export function candidatePut(store: Store, next: Candidate, previous: Pick<Candidate, 'version'>): TxItem {
  return {
    write: { Put: { TableName: store.table, Item: item(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } } },
    onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: previous.version }),
  };
}

/**
 * Candidates who last changed before `cutoff` (ISO-8601) and are neither hired nor erased,
 * longest untouched first, one page: the retention job's Query. Eventually consistent: the job
 * decides on each candidate as read with `getCandidate`.
 */
export async function listRetentionDue(store: Store, cutoff: string, q: { limit: number; cursor?: string | undefined }): Promise<{ items: Candidate[]; nextCursor: string | null }> {
  const fp = { t: 'retention', c: cutoff };
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :cutoff',
    ExpressionAttributeValues: { ':pk': CANDIDATES_RETENTION, ':cutoff': cutoff },
    Limit: q.limit,
    ExclusiveStartKey: decodeCursor(q.cursor, fp),
  }));
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as Candidate), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}

/** Thrown when a contact list changed between reading and removing: the caller tries again. */
export class ContactListChanged extends Error {}

/**
 * Transaction items taking the candidate off the contact lists of their mobile and email, so
 * nobody added later is flagged as their duplicate: the item goes when they were its only
 * candidate, else their id is removed from the list. Each is conditional on the list as read.
 */
export async function contactRemovals(store: Store, c: Pick<Candidate, 'id' | 'phone' | 'email'>): Promise<TxItem[]> {
  const lists = await Promise.all(contactKeys(c).map(async (key) => {
    const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: key, ConsistentRead: true }));
    return { key, ids: (out.Item?.candidateIds as string[] | undefined) ?? [] };
  }));
  return lists.flatMap(({ key, ids }): TxItem[] => {
    const at = ids.indexOf(c.id);
    if (at < 0) return [];
    const asRead = { ConditionExpression: `size(candidateIds) = :n AND candidateIds[${at}] = :id`, ExpressionAttributeValues: { ':n': ids.length, ':id': c.id } };
    const onConditionFailed = () => new ContactListChanged();
    return ids.length === 1
      ? [{ write: { Delete: { TableName: store.table, Key: key, ...asRead } }, onConditionFailed }]
      : [{ write: { Update: { TableName: store.table, Key: key, UpdateExpression: `REMOVE candidateIds[${at}]`, ...asRead } }, onConditionFailed }];
  });
}
