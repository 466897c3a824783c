/**
 * The requests people make all day (figures 1 and 2), and how to measure one against its
 * DynamoDB floor: record the calls it makes once, then replay exactly those.
 */
import type { Dataset } from './dataset.js';
import { describeStages, recordCalls, replayer, stages, substitute, type RecordedCall } from './recorder.js';

export interface HotPath {
  label: string;
  request: string;
  /** Consumes a fresh decision fixture per request (a decision can be made once). */
  fresh: boolean;
  /** One request; returns the review id of the fixture it used, if any, and the response size. */
  send(ds: Dataset): Promise<Sent>;
}

export interface Sent {
  usedId: string | null;
  bytes: number;
}

const sent = (text: string, usedId: string | null = null): Sent => ({ usedId, bytes: Buffer.byteLength(text) });

export const HOT_PATHS: HotPath[] = [
  {
    label: 'approvals inbox',
    request: 'GET /api/v1/approvals',
    fresh: false,
    send: async (ds) => sent(await ds.request('GET', '/api/v1/approvals')),
  },
  {
    label: 'decision',
    request: 'POST /api/v1/approvals/{id}/decision',
    fresh: true,
    send: async (ds) => {
      const f = ds.takeFixture();
      return sent(await ds.request('POST', `/api/v1/approvals/${f.taskId}/decision`, { decision: 'approve', comment: '同意' }), f.reviewId);
    },
  },
  {
    label: 'people list, status filter',
    request: 'GET /api/v1/employees?status=regular&limit=50',
    fresh: false,
    send: async (ds) => sent(await ds.request('GET', '/api/v1/employees?status=regular&limit=50')),
  },
  {
    label: 'employee read',
    request: 'GET /api/v1/employees/{id}',
    fresh: false,
    send: async (ds) => sent(await ds.request('GET', `/api/v1/employees/${ds.employeeId}`)),
  },
];

export interface Recorded {
  calls: RecordedCall[];
  plan: RecordedCall[][];
  /** The fixture id the recorded request used (replays substitute a fresh one for it). */
  usedId: string | null;
  shape: string;
  /** Response body size of the recorded request. */
  bytes: number;
}

/** The calls one request makes, watched on the store's client. */
export async function record(ds: Dataset, path: HotPath): Promise<Recorded> {
  if (path.fresh) await ds.ensureFixtures(1);
  const { result, calls } = await recordCalls(ds.store, () => path.send(ds));
  return { calls, plan: stages(calls), usedId: result.usedId, bytes: result.bytes, shape: describeStages(calls) };
}

/**
 * `count` ready-to-run replays of the recorded calls, sent with the data set's plain client.
 * For a decision each gets a fresh fixture, so its conditions hold as the request's did.
 */
export async function floorReplays(ds: Dataset, path: HotPath, recorded: Recorded, count: number): Promise<(() => Promise<void>)[]> {
  const replay = replayer(ds.raw);
  if (!path.fresh || !recorded.usedId) return Array.from({ length: count }, () => () => replay(recorded.plan));
  await ds.ensureFixtures(count);
  return Array.from({ length: count }, () => {
    const plan = substitute(recorded.plan, recorded.usedId!, ds.takeFixture().reviewId);
    return () => replay(plan);
  });
}

/** A thunk that runs the next prepared replay each time it is called. */
export function queue(thunks: (() => Promise<void>)[]): () => Promise<void> {
  let i = 0;
  return () => {
    const next = thunks[i++];
    if (!next) throw new Error('replay queue exhausted');
    return next();
  };
}
