import { QueryCommand, UpdateCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCounts, statsPk, type Metric } from '../../../../functions/storage/counters.js';
import { dashboardRecount } from '../../../../functions/storage/migrations/0001-dashboard-recount.js';
import { loadCheckpoint } from '../../../../functions/storage/migrations/ledger.js';
import { runMigrations } from '../../../../functions/storage/migrations/run.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { until } from '../../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../../support/org.js';

/**
 * Migration 0001: the dashboard counters recounted from the records (employees, probation
 * reviews, approval tasks), for data written before the counters existed or counters that
 * drifted. The records come from the real workflow; the counters its writes kept are the
 * reference the recount must reproduce exactly.
 */
const METRICS: Metric[] = ['approvals.pending', 'approvals.decisions', 'people.headcount', 'probation.reviews'];
let api: TestApi;
let org: TestOrg;
let kept: Record<Metric, Record<string, number>>;

const countsNow = async () => Object.fromEntries(await Promise.all(METRICS.map(async (m) => [m, await readCounts(api.store, m)]))) as Record<Metric, Record<string, number>>;
const silent = () => undefined;
// Small pages, so that the records span many checkpoints.
const pages = { items: 3, users: 2 };

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  const supA = await api.signIn(['supervisor'], org.supA.id, 'r.sup@example.com');
  const lead = await api.signIn(['team_lead'], org.leadA.id, 'r.lead@example.com');
  await api.signIn(['cs_manager'], org.csManager.id, 'r.manager@example.com');
  for (const name of ['甲新人', '乙新人']) {
    const e = await createEmployee(api, org.hr, { name, level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
    const res = await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: e.id, kind: 'early' } });
    expect(res.status).toBe(201);
  }
  // One review scored by the supervisor (a decision; the CS manager's step opens), one still waiting.
  const first = await until(async () => {
    const inbox = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: supA })).json()) as { items: { id: string }[] };
    return inbox.items.length === 2 ? inbox.items[0] : undefined;
  }, 'both supervisor steps');
  const decided = await api.request('POST', `/api/v1/approvals/${first.id}/decision`, { token: supA, body: { decision: 'approve', scores: { dailyPerformance: 90, professionalTest: 85, interview: 80 } } });
  expect(decided.status).toBe(200);
  kept = await until(async () => {
    const c = await countsNow();
    return Object.keys(c['approvals.pending']).some((k) => k.startsWith('probation|cs_manager|')) ? c : undefined;
  }, 'the CS manager step to open');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function shardItems(metric: Metric) {
  const out = await api.store.doc.send(new QueryCommand({ TableName: api.store.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': statsPk(metric) }, ConsistentRead: true }));
  return out.Items ?? [];
}

describe('0001-dashboard-recount', () => {
  it('the data covers every metric (so the checks below mean something)', () => {
    expect(kept['probation.reviews']).toEqual({ in_review: 2 });
    expect(Object.values(kept['approvals.pending'])).toEqual([1, 1]);
    expect(Object.values(kept['approvals.decisions'])).toEqual([1]);
    expect(Object.values(kept['people.headcount']).reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('counts records written before the counters existed', async () => {
    for (const metric of METRICS) {
      for (const shard of await shardItems(metric)) {
        await api.store.doc.send(new DeleteCommand({ TableName: api.store.table, Key: { pk: shard.pk, sk: shard.sk } }));
      }
    }
    expect(await readCounts(api.store, 'people.headcount')).toEqual({});

    const report = await runMigrations(api.store, { now: () => api.clock.now, log: silent, migrations: [dashboardRecount('0901-recount-after-wipe', pages)] });
    expect(report.applied).toEqual(['0901-recount-after-wipe']);
    expect(await countsNow()).toEqual(kept);
  });

  it('corrects counters that drifted, on any shard and in buckets that should not exist, and a repeat gives the same counts', async () => {
    const drift = async (shard: number, bucket: string, n: number) =>
      api.store.doc.send(new UpdateCommand({ TableName: api.store.table, Key: { pk: statsPk('probation.reviews'), sk: `SHARD#${shard}` }, UpdateExpression: 'ADD #b :n', ExpressionAttributeNames: { '#b': bucket }, ExpressionAttributeValues: { ':n': n } }));
    await drift(3, 'in_review', 5);
    await drift(6, 'converted', 2);
    await drift(7, 'in_review', -9);
    expect(await readCounts(api.store, 'probation.reviews')).not.toEqual(kept['probation.reviews']);

    await runMigrations(api.store, { now: () => api.clock.now, log: silent, migrations: [dashboardRecount('0902-recount-after-drift', pages)] });
    expect(await countsNow()).toEqual(kept);
    // The totals sit on one shard; a later ADD on any shard still sums right.
    expect((await shardItems('probation.reviews')).map((s) => s.sk)).toEqual(['SHARD#0']);

    await runMigrations(api.store, { now: () => api.clock.now, log: silent, migrations: [dashboardRecount('0903-recount-again', pages)] });
    expect(await countsNow()).toEqual(kept);
  });

  it('stopped between pages (a Lambda near its timeout), it resumes from its checkpoint and counts each record once', async () => {
    for (const shard of await shardItems('people.headcount')) {
      await api.store.doc.send(new DeleteCommand({ TableName: api.store.table, Key: { pk: shard.pk, sk: shard.sk } }));
    }
    const recount = dashboardRecount('0904-recount-in-parts', pages);
    let checks = 0;
    let pauses = 0;
    for (;;) {
      const report = await runMigrations(api.store, { now: () => api.clock.now, log: silent, migrations: [recount], shouldPause: () => ++checks % 4 === 0 });
      if (report.paused === null) break;
      pauses += 1;
      expect(await loadCheckpoint(api.store, recount.id)).toMatchObject({ source: expect.any(Number) });
    }
    expect(pauses).toBeGreaterThan(2);
    expect(await loadCheckpoint(api.store, recount.id)).toBeNull();
    expect(await countsNow()).toEqual(kept);
  });
});
