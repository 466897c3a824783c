import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidatePut, createCandidate, getCandidate, listRetentionDue, type Candidate } from '../../../../functions/storage/candidates.js';
import { newId } from '../../../../functions/storage/ids.js';
import { candidateKey } from '../../../../functions/storage/keys.js';
import { candidateRetentionMigration } from '../../../../functions/storage/migrations/0005-candidate-retention.js';
import { runMigrations } from '../../../../functions/storage/migrations/run.js';
import { openingCreate } from '../../../../functions/storage/openings.js';
import { transact } from '../../../../functions/storage/transact.js';
import { testApi, type TestApi } from '../../../support/api.js';

/**
 * Migration 0005: candidates stored before the retention list existed get its index (gsi2), so
 * the daily erasure finds those not hired; hired ones stay off it; running it again writes nothing.
 */
let api: TestApi;
const infos: Record<string, unknown>[] = [];
const log = (level: string, msg: string, fields?: Record<string, unknown>) => { if (level === 'info' && msg.startsWith('candidates')) infos.push(fields ?? {}); };

beforeAll(async () => {
  api = await testApi();
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function opening(): Promise<string> {
  const id = newId();
  const at = api.clock.now.toISOString();
  await transact(api.store, [openingCreate(api.store, {
    id, requisitionId: id, post: 'agent', teamId: 't', teamName: '客服中心', level: 'trainee', salaryMin: 2800, salaryMax: 3200,
    headcount: 1, filled: 0, status: 'filled', statusReason: null, requesterId: null, requesterName: null, scopePath: 'x', createdAt: at, updatedAt: at, version: 1,
  })]);
  return id;
}

/** A candidate as a release before the list wrote it: the same item without the gsi2 keys. */
async function oldCandidate(openingId: string, name: string, stage: Candidate['stage']): Promise<Candidate> {
  const id = newId();
  const at = api.clock.now.toISOString();
  let c = await createCandidate(api.store, { phone: null, email: null }, () => ({
    candidate: { id, openingId, name, phone: null, email: null, source: 'boss', notes: null, cv: null, stage: 'new', duplicateOf: [], createdById: 'hr', createdByName: '人事', createdAt: at, updatedAt: at, version: 1 },
    audit: { entityType: 'candidate', entityId: id, action: 'create', actor: null, channel: 'system', before: null, after: null, at },
    extra: [],
  }));
  if (stage !== 'new') {
    const next = { ...c, stage, version: c.version + 1 };
    await transact(api.store, [candidatePut(api.store, next, c)]);
    c = next;
  }
  await api.store.doc.send(new UpdateCommand({ TableName: api.store.table, Key: candidateKey(id), UpdateExpression: 'REMOVE gsi2pk, gsi2sk' }));
  return c;
}

const due = async () => (await listRetentionDue(api.store, new Date(api.clock.now.getTime() + 1000).toISOString(), { limit: 200 })).items.map((c) => c.id);
// (The harness records its tables as migrated under the real id; the test runs its own.)
const migrate = (id: string) => runMigrations(api.store, { migrations: [candidateRetentionMigration(id, 2)], now: () => api.clock.now, log, runner: 'test' });

describe('0005-candidate-retention', () => {
  it('puts old candidates not hired on the retention list, across openings and pages; hired ones stay off; again, it writes nothing', async () => {
    const first = await opening();
    const second = await opening();
    const rejected = await oldCandidate(first, '旧候选甲', 'rejected');
    const waiting = await oldCandidate(first, '旧候选乙', 'new');
    const withdrawn = await oldCandidate(first, '旧候选丙', 'withdrawn');
    const hired = await oldCandidate(second, '旧候选丁', 'hired');
    const other = await oldCandidate(second, '旧候选戊', 'screening');
    expect(await due()).not.toContain(rejected.id);

    const report = await migrate('0005-candidate-retention-first');
    expect(report.applied).toEqual(['0005-candidate-retention-first']);
    const listed = await due();
    for (const c of [rejected, waiting, withdrawn, other]) expect(listed).toContain(c.id);
    expect(listed).not.toContain(hired.id);
    expect(infos.at(-1)).toEqual({ count: 4 });
    // The keys only: the records are as they were.
    expect(await getCandidate(api.store, rejected.id)).toEqual(rejected);

    infos.length = 0;
    await migrate('0005-candidate-retention-again');
    expect(infos).toEqual([]);
  }, 60_000);
});
