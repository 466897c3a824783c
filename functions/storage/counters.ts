/**
 * Counters behind the dashboards, kept exact by the writes themselves: a change that moves a
 * record between buckets (a task stops being pending, an employee changes team or level, a
 * review changes status) carries `counts` on its transaction item, and `transact` adds one
 * Update per metric to the same transaction, on one of SHARDS items picked at random so
 * concurrent writers rarely touch the same item. A dashboard reads every shard of a metric
 * with one Query (a fixed number of calls, whatever the data size) and sums them.
 *
 * Metrics and their keys (each key a top-level number attribute of the shard item):
 * - `approvals.pending`   `<requestKind>|<stepKey>|<YYYY-MM-DD opened>` — open tasks by step and age
 * - `approvals.decisions` `<channel>|<YYYY-MM>`                          — decisions by channel
 * - `people.headcount`    `<teamId or ->|<level>|<status>`               — employees
 * - `probation.reviews`   `<status>`                                     — reviews by status
 * - `recruitment.funnel`  `<event>|<YYYY-MM>` (company month)            — the recruitment funnel (#14):
 *   candidates added, interviewed (round 1 scheduled), offered, accepted, declined, hired (报到),
 *   lapsed; and `hireDays|<YYYY-MM>`, the days from the opening to the report summed over that
 *   month's hires (time to hire = hireDays / hired)
 * - `people.leavers`      `<reason>|<YYYY-MM of the last day>`           — leavers (#15), counted once when the
 *   last day's work runs: resignation, probation_not_converted, dismissal (turnover on the dashboard)
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import type { TxItem } from './transact.js';

export type Metric = 'approvals.pending' | 'approvals.decisions' | 'people.headcount' | 'probation.reviews' | 'recruitment.funnel' | 'people.leavers' | 'discipline.actions';

export const FUNNEL_EVENTS = ['candidates', 'interviewed', 'offered', 'accepted', 'declined', 'hired', 'lapsed'] as const;
export type FunnelEvent = (typeof FUNNEL_EVENTS)[number] | 'hireDays';

/** A funnel event in the company month of `at` (Asia/Shanghai, UTC+8 all year); `by` adds more than one (hireDays). */
export function funnelCount(event: FunnelEvent, at: string, by = 1): CountDelta[] {
  const month = new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 7);
  return [{ metric: 'recruitment.funnel', add: { [`${event}|${month}`]: by } }];
}

/** Disciplinary actions (#16) by the level issued, the employee's team and the month it happened; a void takes it out (`by` −1). */
export function disciplineCount(level: string, teamId: string | null, occurredOn: string, by: 1 | -1): CountDelta[] {
  return [{ metric: 'discipline.actions', add: { [`${level}|${teamId ?? '-'}|${occurredOn.slice(0, 7)}`]: by } }];
}

export interface CountDelta {
  metric: Metric;
  /** key → change (+1 into a bucket, −1 out of one). */
  add: Record<string, number>;
}

const SHARDS = 8;
export const statsPk = (metric: Metric) => `STATS#${metric}`;
const shardSk = (shard: number) => `SHARD#${shard}`;

/** A move from bucket `before` to bucket `after` (null = not counted); nothing when they are the same. */
export function move(metric: Metric, before: string | null, after: string | null): CountDelta[] {
  if (before === after) return [];
  const add: Record<string, number> = {};
  if (before !== null) add[before] = -1;
  if (after !== null) add[after] = (add[after] ?? 0) + 1;
  return [{ metric, add }];
}

/** One Update per metric for a transaction, the deltas of all its items merged. */
export function counterUpdates(store: Store, deltas: CountDelta[]): Record<string, unknown>[] {
  const merged = new Map<Metric, Map<string, number>>();
  for (const d of deltas) {
    const m = merged.get(d.metric) ?? new Map<string, number>();
    for (const [k, v] of Object.entries(d.add)) m.set(k, (m.get(k) ?? 0) + v);
    merged.set(d.metric, m);
  }
  const updates: Record<string, unknown>[] = [];
  for (const [metric, m] of merged) {
    const entries = [...m].filter(([, v]) => v !== 0);
    if (entries.length === 0) continue;
    const names: Record<string, string> = {};
    const values: Record<string, number> = {};
    const parts = entries.map(([k, v], i) => {
      names[`#k${i}`] = k;
      values[`:v${i}`] = v;
      return `#k${i} :v${i}`;
    });
    updates.push({
      Update: {
        TableName: store.table,
        Key: { pk: statsPk(metric), sk: shardSk(Math.floor(Math.random() * SHARDS)) },
        UpdateExpression: `ADD ${parts.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    });
  }
  return updates;
}

/** The metric's counts summed over its shards (one Query); zero buckets are left out. */
export async function readCounts(store: Store, metric: Metric): Promise<Record<string, number>> {
  const out = await store.doc.send(new QueryCommand({ TableName: store.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': statsPk(metric) }, ConsistentRead: true }));
  const sum: Record<string, number> = {};
  for (const item of out.Items ?? []) {
    for (const [k, v] of Object.entries(item)) {
      if (k === 'pk' || k === 'sk' || typeof v !== 'number') continue;
      sum[k] = (sum[k] ?? 0) + v;
    }
  }
  for (const k of Object.keys(sum)) if (sum[k] === 0) delete sum[k];
  return sum;
}

/**
 * Writes (for one transaction) that set a metric to exactly `totals`, as a recount does
 * (storage/migrations): the totals on shard 0 and every other shard item deleted. Writing
 * them again gives the same counts. `ADD`s made meanwhile by writes that raced the recount are
 * lost with the shard they landed on: run it before the app serves.
 */
export async function resetCountWrites(store: Store, metric: Metric, totals: Record<string, number>): Promise<TxItem[]> {
  const out = await store.doc.send(new QueryCommand({ TableName: store.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': statsPk(metric) }, ProjectionExpression: 'pk, sk', ConsistentRead: true }));
  const first = shardSk(0);
  const nonZero = Object.fromEntries(Object.entries(totals).filter(([, v]) => v !== 0));
  return [
    { write: { Put: { TableName: store.table, Item: { pk: statsPk(metric), sk: first, ...nonZero } } } },
    ...(out.Items ?? []).filter((i) => i.sk !== first).map((i) => ({ write: { Delete: { TableName: store.table, Key: { pk: i.pk, sk: i.sk } } } })),
  ];
}
