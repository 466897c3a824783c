/**
 * 我发起的: the requests a person started, newest first, whatever their kind. Each request
 * record that names its requester carries the index keys itself (gsi3 `STARTED#<userId>` /
 * `<createdAt>#<kind>#<id>`), so the list shows each record's status and step as they are now,
 * with one Query per page and no second copy to keep in step.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { startedByPk, stripKeys } from './keys.js';

/** The index attributes of a request record (none when no person started it). */
export function startedIndex(kind: string, r: { id: string; requesterId: string | null; createdAt?: string | undefined }, search = ''): Record<string, string> {
  if (!r.requesterId || !r.createdAt) return {};
  // `gsi3q`: what a search of the list matches (the person the request is about), lower case.
  return { gsi3pk: startedByPk(r.requesterId), gsi3sk: `${r.createdAt}#${kind}#${r.id}`, gsi3kind: kind, ...(search ? { gsi3q: search.toLowerCase() } : {}) };
}

export interface StartedQuery {
  userId: string;
  /** Only these kinds (a filter). */
  kind?: string | undefined;
  /** Only requests waiting at this step (a filter). */
  step?: string | undefined;
  /** Only requests about a person whose name or number contains this (a filter). */
  q?: string | undefined;
  /** Only records in (or, with `notIn`, not in) these statuses (a filter). */
  statuses?: readonly string[] | undefined;
  notIn?: boolean | undefined;
  /** Started on or after / before (ISO-8601 prefixes, inclusive): a key condition. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** How many of a person's newest (at most `cap`) started requests are in these statuses: one bounded Query. */
export async function countStartedBy(store: Store, userId: string, statuses: readonly string[], cap: number): Promise<number> {
  if (statuses.length === 0) return 0;
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table,
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk',
    FilterExpression: `#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`,
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': startedByPk(userId), ...Object.fromEntries(statuses.map((s, i) => [`:s${i}`, s])) },
    ScanIndexForward: false,
    Limit: cap,
    Select: 'COUNT',
  }));
  return out.Count ?? 0;
}

/** How many index entries one page may examine when filters are sparse. */
const READ_BUDGET = 200;

export async function requestsStartedBy(store: Store, q: StartedQuery): Promise<{ items: { kind: string; record: Record<string, unknown> }[]; nextCursor: string | null }> {
  const fp = { t: 'started', ...q, cursor: undefined, limit: undefined };
  const values: Record<string, unknown> = { ':pk': startedByPk(q.userId) };
  const names: Record<string, string> = {};
  let key = 'gsi3pk = :pk';
  if (q.from || q.to) {
    key += ' AND gsi3sk BETWEEN :from AND :to';
    values[':from'] = q.from ?? '0';
    // Every key of the last day sorts before `<to>~` (`~` after any time or kind character).
    values[':to'] = `${q.to ?? '9999'}~`;
  }
  const filters: string[] = [];
  if (q.kind) {
    filters.push('gsi3kind = :kind');
    values[':kind'] = q.kind;
  }
  if (q.step) {
    filters.push('currentStep = :step');
    values[':step'] = q.step;
  }
  if (q.q) {
    filters.push('contains(gsi3q, :q)');
    values[':q'] = q.q.toLowerCase();
  }
  if (q.statuses?.length) {
    names['#status'] = 'status';
    const inList = `#status IN (${q.statuses.map((_, i) => `:s${i}`).join(', ')})`;
    filters.push(q.notIn ? `NOT (${inList})` : inList);
    q.statuses.forEach((s, i) => { values[`:s${i}`] = s; });
  }
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table,
    IndexName: 'gsi3',
    KeyConditionExpression: key,
    ExpressionAttributeValues: values,
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ScanIndexForward: false,
    Limit: filters.length ? Math.max(q.limit, READ_BUDGET) : q.limit,
    ExclusiveStartKey: decodeCursor(q.cursor, fp),
  }));
  const raw = out.Items ?? [];
  const page = raw.slice(0, q.limit);
  let lastKey = out.LastEvaluatedKey;
  if (raw.length > q.limit) {
    const last = page[page.length - 1]!;
    lastKey = { pk: last.pk, sk: last.sk, gsi3pk: last.gsi3pk, gsi3sk: last.gsi3sk };
  }
  return {
    items: page.map((i) => ({ kind: String(i.gsi3kind), record: stripKeys(i) })),
    nextCursor: encodeCursor(lastKey, fp),
  };
}
