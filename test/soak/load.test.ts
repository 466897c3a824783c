import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';

/**
 * Load (reliability issue; `npm run test:soak`, not part of `npm test`): LOAD_SECONDS of mixed
 * traffic over real HTTP against the local runtime with its demo company, at LOAD_CONCURRENCY
 * clients — people lists and records, inboxes, probation reviews, the dashboard, and the
 * approvals people decide as they appear. The error rate must be 0; p50/p95/p99 are printed.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 16);

let runtime: LocalRuntime;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cs-load-'));
  runtime = await startLocalRuntime({
    dataDir, port: 0, host: '127.0.0.1', demo: true, quiet: true,
    adminEmail: 'admin@load.example', adminPassword: randomBytes(18).toString('base64url'),
  });
}, 180_000);

afterAll(async () => {
  await runtime?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function login(email: string, password: string): Promise<string> {
  const res = await fetch(`${runtime.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return ((await res.json()) as { token: string }).token;
}

describe(`${SECONDS} s of mixed traffic at ${CONCURRENCY} clients`, () => {
  it('answers everything without an error; latency percentiles are reported', async () => {
    const byRole = (role: string) => runtime.demoLogins.filter((l) => l.role === role);
    const people = await Promise.all(runtime.demoLogins.slice(0, 20).map(async (l) => ({ ...l, token: await login(l.email, l.password) })));
    const hr = people.find((p) => p.role === 'hr') ?? { token: await login(byRole('hr')[0]!.email, byRole('hr')[0]!.password) };
    const list = (await (await fetch(`${runtime.url}/api/v1/employees?limit=100`, { headers: { authorization: `Bearer ${hr.token}` } })).json()) as { items: { id: string }[] };
    const ids = list.items.map((e) => e.id);
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

    const latencies: number[] = [];
    const errors: string[] = [];
    let unexpected4xx = 0;
    const call = async (method: string, path: string, token: string, body?: unknown, ok: number[] = [200]) => {
      const t0 = performance.now();
      const res = await fetch(`${runtime.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const text = await res.text();
      latencies.push(performance.now() - t0);
      if (res.status >= 500) errors.push(`${res.status} ${method} ${path}`);
      else if (!ok.includes(res.status)) unexpected4xx += 1;
      return { status: res.status, json: () => JSON.parse(text) as unknown };
    };
    const actions = [
      (p: (typeof people)[number]) => call('GET', '/api/v1/employees?limit=50', p.token),
      (p: (typeof people)[number]) => call('GET', `/api/v1/employees?status=regular&limit=20`, p.token),
      (p: (typeof people)[number]) => call('GET', `/api/v1/employees/${pick(ids)}`, p.token, undefined, [200, 404]),
      (p: (typeof people)[number]) => call('GET', '/api/v1/approvals', p.token),
      (p: (typeof people)[number]) => call('GET', '/api/v1/probation-reviews?limit=20', p.token),
      () => call('GET', '/api/v1/dashboard', hr.token),
      async (p: (typeof people)[number]) => {
        const inbox = (await call('GET', '/api/v1/approvals', p.token)).json() as { items: { id: string; stepKey: string }[] };
        const task = inbox.items.find((t) => t.stepKey !== 'supervisor');
        if (task) await call('POST', `/api/v1/approvals/${task.id}/decision`, p.token, { decision: 'approve' }, [200, 409, 422]);
      },
    ];
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) await pick(actions)(pick(people));
    }));

    const sorted = [...latencies].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
    console.log(`load: ${latencies.length} requests in ${SECONDS} s (${(latencies.length / SECONDS).toFixed(0)}/s) at ${CONCURRENCY} clients; p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms; errors ${errors.length}; other 4xx ${unexpected4xx}`);
    expect(errors).toEqual([]);
    expect(latencies.length).toBeGreaterThan(SECONDS * 10);
  }, (SECONDS + 120) * 1000);
});
