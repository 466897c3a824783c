/**
 * 0001: the dashboard counters (counters.ts) recounted from the records themselves, so data
 * written before the counters existed, or counters that drifted, read right.
 *
 * The buckets come from the functions the writes use — `headcountBucket`, `reviewBucket`,
 * `taskCounts` (as if each record were created as it is now) — so the rules live once.
 * Records are read with Queries on the indexes the app already has (no Scan):
 * - employees: gsi1 `EMPLOYEES`;
 * - probation reviews: gsi2 `PROBATION#STATUS#<s>`, one partition per status;
 * - approval tasks: there is no index over all tasks, but each sits in exactly one inbox,
 *   gsi1 `INBOX#<userId>#<state>`, and approvers are users (never deleted), listed on gsi1 `USERS`.
 *
 * Resumable: after each page it saves the page's cursor together with the sums so far, in one
 * item, so a run that stops anywhere continues from the last page saved, and a page read twice
 * is counted once. The totals are written at the end in one transaction that replaces every
 * shard of every metric, which gives the same counters however often it is repeated.
 */
import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../client.js';
import { taskCounts, type ApprovalTask } from '../approvals.js';
import { move, resetCountWrites, type CountDelta, type Metric } from '../counters.js';
import { headcountBucket, type StoredEmployee } from '../employees.js';
import { EMPLOYEES, USERS, inboxPk, probationByStatusPk, stripKeys, type InboxState } from '../keys.js';
import { reviewBucket, type ProbationReview, type ReviewStatus } from '../probation-reviews.js';
import { transact } from '../transact.js';
import type { Migration } from './migration.js';

type Totals = Partial<Record<Metric, Record<string, number>>>;
/** A stored item as a Query returns it. */
type Item = NonNullable<QueryCommandOutput['Items']>[number];

export interface RecountCheckpoint {
  /** Index into the sources below of the one being read. */
  source: number;
  /** Where its Query stopped (LastEvaluatedKey), null at its start. */
  after: Record<string, unknown> | null;
  /** Sums of everything before `after`. */
  totals: Totals;
}

// Records<…, true> so that a new metric, status or inbox state fails to compile until listed.
// The recruitment funnel and the leavers count events as they happen (a history, not a state the
// records hold now): nothing to recount them from, so they are left as they are.
const METRICS: Record<Exclude<Metric, 'recruitment.funnel' | 'people.leavers' | 'discipline.actions'>, true> = { 'approvals.pending': true, 'approvals.decisions': true, 'people.headcount': true, 'probation.reviews': true };
const REVIEW_STATUSES: Record<ReviewStatus, true> = { scheduled: true, in_review: true, converted: true, extended: true, ended: true, rejected: true, failed: true, withdrawn: true };
const INBOX_STATES: Record<InboxState, true> = { pending: true, waiting: true, decided: true, cc: true };

export interface RecountPages {
  /** Employees or reviews read per page (one checkpoint each). */
  items: number;
  /** Users per page, each with every task of their inbox. */
  users: number;
}

const DEFAULT_PAGES: RecountPages = { items: 100, users: 20 };

interface Source {
  query: (table: string) => QueryCommandInput;
  limit: (pages: RecountPages) => number;
  counts: (store: Store, item: Item) => Promise<CountDelta[]>;
}

const byIndex = (index: string, pk: string) => (table: string): QueryCommandInput => ({
  TableName: table,
  IndexName: index,
  KeyConditionExpression: `${index}pk = :pk`,
  ExpressionAttributeValues: { ':pk': pk },
});

const SOURCES: Source[] = [
  {
    query: byIndex('gsi1', EMPLOYEES),
    limit: (p) => p.items,
    counts: async (_, item) => move('people.headcount', null, headcountBucket(stripKeys(item) as StoredEmployee)),
  },
  ...(Object.keys(REVIEW_STATUSES) as ReviewStatus[]).map((status): Source => ({
    query: byIndex('gsi2', probationByStatusPk(status)),
    limit: (p) => p.items,
    counts: async (_, item) => move('probation.reviews', null, reviewBucket(stripKeys(item) as ProbationReview)),
  })),
  {
    query: byIndex('gsi1', USERS),
    limit: (p) => p.users,
    counts: async (store, user) => {
      const deltas: CountDelta[] = [];
      for (const state of Object.keys(INBOX_STATES) as InboxState[]) {
        for await (const task of everyItem(store, byIndex('gsi1', inboxPk(user.id as string, state))(store.table))) {
          deltas.push(...taskCounts(null, stripKeys(task) as ApprovalTask));
        }
      }
      return deltas;
    },
  },
];

export function dashboardRecount(id = '0001-dashboard-recount', pages: RecountPages = DEFAULT_PAGES): Migration<RecountCheckpoint> {
  return {
    id,
    description: 'dashboard counters recounted from employees, probation reviews and approval tasks',
    async run(ctx) {
      let at: RecountCheckpoint = ctx.checkpoint ?? { source: 0, after: null, totals: {} };
      for (let source = SOURCES[at.source]; source; source = SOURCES[at.source]) {
        if (ctx.shouldPause()) return 'paused';
        const page: QueryCommandOutput = await ctx.store.doc.send(new QueryCommand({
          ...source.query(ctx.store.table),
          Limit: source.limit(pages),
          ...(at.after ? { ExclusiveStartKey: at.after } : {}),
        }));
        const totals = structuredClone(at.totals);
        for (const item of page.Items ?? []) add(totals, await source.counts(ctx.store, item));
        at = page.LastEvaluatedKey ? { source: at.source, after: page.LastEvaluatedKey, totals } : { source: at.source + 1, after: null, totals };
        await ctx.save(at);
      }
      const writes = await Promise.all((Object.keys(METRICS) as (keyof typeof METRICS)[]).map((metric) => resetCountWrites(ctx.store, metric, at.totals[metric] ?? {})));
      await transact(ctx.store, writes.flat());
      return 'done';
    },
  };
}

function add(totals: Totals, deltas: CountDelta[]): void {
  for (const { metric, add: change } of deltas) {
    const buckets = (totals[metric] ??= {});
    for (const [bucket, n] of Object.entries(change)) buckets[bucket] = (buckets[bucket] ?? 0) + n;
  }
}

/** Every item of a Query, page after page (one inbox: bounded by what one person was asked). */
async function* everyItem(store: Store, input: QueryCommandInput): AsyncGenerator<Item> {
  let after: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await store.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: after }));
    yield* out.Items ?? [];
    after = out.LastEvaluatedKey;
  } while (after);
}
