import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../functions/storage/client.js';
import { MIGRATIONS } from '../../functions/storage/migrations/index.js';
import { appliedMigrations } from '../../functions/storage/migrations/ledger.js';
import { ControllableClock } from '../../infra/local/clock.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { until } from '../support/mail.js';

/**
 * Upgrades keep what is in flight. `test/fixtures/v0.1.0/data.tar.gz` is a data directory the
 * previous release (tag v0.1.0) wrote with its own code (make-fixture.ts, README.md there):
 * three probation reviews waiting at the supervisor, the CS manager (scored) and HR. This
 * release's local runtime starts on it, migrates the storage before serving, and every review
 * is then decided to its outcome through the HTTP API; a restart migrates nothing again.
 * The clock is injected (just after the fixture was made), so the date the suite runs on
 * does not matter.
 */
interface Fixture {
  madeAt: string;
  password: string;
  accounts: { hr: string; supervisor: string; csManager: string; gm: string };
  reviews: { id: string; employeeId: string; employeeName: string; waitsAt: string }[];
}
interface Review { status: string; currentStep: string | null; weighted: number | null; steps: { stepKey: string; decision: string | null }[] }
interface Dashboard {
  pendingApprovals: { stepKey: string; total: number }[];
  probation: Record<string, number>;
  headcount: { count: number }[];
  decisions: { month: string; channel: string; count: number }[];
}

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/v0.1.0/', import.meta.url));
const CHAIN = ['supervisor', 'cs_manager', 'gm', 'hr'];
const MINUTE = 60_000;
const EMPLOYEES_IN_FIXTURE = 6;
/** Scores for the review still at the supervisor: weighted 67.9, the "extend" band (§3). */
const EXTEND_SCORES = { dailyPerformance: 70, professionalTest: 65, interview: 68 };

let fixture: Fixture;
let dataDir: string;
let noConsole: string;
let runtime: LocalRuntime | undefined;

beforeAll(async () => {
  fixture = JSON.parse(await readFile(join(FIXTURE_DIR, 'fixture.json'), 'utf8')) as Fixture;
  dataDir = await mkdtemp(join(tmpdir(), 'cs-upgrade-'));
  noConsole = await mkdtemp(join(tmpdir(), 'cs-upgrade-no-console-'));
  const untar = spawnSync('tar', ['-xzf', join(FIXTURE_DIR, 'data.tar.gz'), '-C', dataDir], { encoding: 'utf8' });
  expect(untar.status, untar.stderr).toBe(0);
});

afterAll(async () => {
  await runtime?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(noConsole, { recursive: true, force: true });
});

const start = (minutesAfterFixture: number) =>
  startLocalRuntime({
    dataDir, port: 0, host: '127.0.0.1', demo: false, quiet: true, consoleDir: noConsole,
    clock: new ControllableClock({ flowing: false, start: new Date(Date.parse(fixture.madeAt) + minutesAfterFixture * MINUTE) }),
  });

async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${runtime!.url}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const signIn = async (email: string) => (await api<{ token: string }>('POST', '/auth/login', undefined, { email, password: fixture.password })).token;
const storeOf = (r: LocalRuntime): Store => createStore({ table: r.tableName, endpoint: r.dynamoEndpoint });
const pendingByStep = (d: Dashboard) => Object.fromEntries(d.pendingApprovals.map((p) => [p.stepKey, p.total]));
const decisionsIn = (d: Dashboard) => d.decisions.reduce((n, x) => n + x.count, 0);

describe('upgrading a data directory written by v0.1.0', () => {
  it('migrates the storage before serving, finishes the reviews that were waiting, and does not migrate again on restart', async () => {
    runtime = await start(10);

    // 1. The migrations ran at start (not merely recorded as for a new table).
    const applied = await appliedMigrations(storeOf(runtime));
    expect(applied.map((a) => a.id)).toEqual(MIGRATIONS.map((m) => m.id));
    for (const a of applied) expect(a.appliedBy).not.toBe('table-created');

    // 2. The dashboard counters (recounted by 0001) match the records as v0.1.0 left them.
    const hr = await signIn(fixture.accounts.hr);
    const before = await api<Dashboard>('GET', '/dashboard', hr);
    expect(before.probation).toEqual({ in_review: fixture.reviews.length });
    expect(pendingByStep(before)).toEqual(Object.fromEntries(fixture.reviews.map((r) => [r.waitsAt, 1])));
    const decidedInV010 = fixture.reviews.reduce((n, r) => n + CHAIN.indexOf(r.waitsAt), 0);
    expect(before.decisions).toEqual([{ month: fixture.madeAt.slice(0, 7), channel: 'api', count: decidedInV010 }]);
    expect(before.headcount.reduce((n, h) => n + h.count, 0)).toBe(EMPLOYEES_IN_FIXTURE);

    // 2b. 我发起的 lists the reviews the supervisor started in v0.1.0 (indexed by 0003).
    const supervisor = await signIn(fixture.accounts.supervisor);
    const started = await api<{ items: { id: string; status: string }[] }>('GET', '/requests?startedBy=me&limit=50', supervisor);
    expect(started.items.map((i) => i.id).sort()).toEqual(fixture.reviews.map((r) => r.id).sort());
    expect(new Set(started.items.map((i) => i.status))).toEqual(new Set(['in_review']));

    // 3. Each review is decided, step by step, to its outcome.
    const deciders: Record<string, string> = {
      supervisor,
      cs_manager: await signIn(fixture.accounts.csManager),
      gm: await signIn(fixture.accounts.gm),
      hr,
    };
    for (const review of fixture.reviews) {
      for (const step of CHAIN.slice(CHAIN.indexOf(review.waitsAt))) {
        const task = await until(async () => {
          const inbox = await api<{ items: { id: string; requestId: string; stepKey: string }[] }>('GET', '/approvals?status=pending', deciders[step]);
          return inbox.items.find((t) => t.requestId === review.id && t.stepKey === step);
        }, `${review.employeeName}'s ${step} task`, 20_000);
        await api('POST', `/approvals/${task.id}/decision`, deciders[step], { decision: 'approve', comment: '同意', ...(step === 'supervisor' ? { scores: EXTEND_SCORES } : {}) });
      }
    }
    const outcomes = await Promise.all(fixture.reviews.map((r) =>
      until(async () => {
        const now = await api<Review>('GET', `/probation-reviews/${r.id}`, hr);
        return now.currentStep === null && now.status !== 'in_review' ? now : undefined;
      }, `${r.employeeName}'s outcome`, 20_000)));
    // Scored 67.9 after the upgrade → extended; scored 86.3 in v0.1.0 → converted.
    expect(outcomes.map((o) => o.status)).toEqual(['extended', 'converted', 'converted']);
    for (const o of outcomes) expect(o.steps.map((s) => [s.stepKey, s.decision])).toEqual(CHAIN.map((k) => [k, 'approve']));
    const converted = await api<{ status: string; level: string }>('GET', `/employees/${fixture.reviews[1]!.employeeId}`, hr);
    expect(converted).toMatchObject({ status: 'regular', level: 'junior' });

    const after = await api<Dashboard>('GET', '/dashboard', hr);
    expect(after.probation).toEqual({ extended: 1, converted: 2 });
    expect(after.pendingApprovals).toEqual([]);
    expect(decisionsIn(after)).toBe(fixture.reviews.length * CHAIN.length);

    // 4. A restart an hour later finds nothing pending: the ledger and the counters are unchanged.
    await runtime.stop();
    runtime = await start(70);
    expect(await appliedMigrations(storeOf(runtime))).toEqual(applied);
    expect(await api<Dashboard>('GET', '/dashboard', await signIn(fixture.accounts.hr))).toEqual(after);
  }, 180_000);
});
