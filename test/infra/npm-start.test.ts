import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports.js';
import { startMain as start, stopMain as stop, type Started } from '../support/npm-start.js';

/**
 * `npm start`'s entry (infra/local/main.ts) as a user runs it: a temp DATA_DIR and free
 * ports, then health, sign-in and the people list; Ctrl-C; a second start on the same data.
 */
/**
 * A start runs DynamoDB Local (a JVM), the Step Functions endpoint, s3rver, the mail catcher,
 * migrations and the demo data; beside the rest of the suite on two cores it can take well over
 * half a minute. The budget is for a loaded CI machine, not the time a user waits.
 */
const START_BUDGET_MS = 120_000;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let base: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cs-npm-start-'));
  const port = await freePort();
  env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATA_DIR: dataDir,
    MAIL_PORT: String(await freePort()),
    MAIL_SMTP_PORT: String(await freePort()),
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
  };
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(email: string, password: string): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(login.status).toBe(200);
  return ((await login.json()) as { token: string }).token;
}

async function engines(token: string) {
  const res = await fetch(`${base}/api/health`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as { engines: Record<string, { state: string; detail?: string }> };
}

describe('npm start', () => {
  let first: Started;
  let adminPassword: string;

  it('starts every engine, prints the URLs, a one-time admin password and the demo logins', async () => {
    first = await start(env);
    const out = first.output();
    expect(out).toContain(`Console          ${base}/`);
    expect(out).toMatch(/Mail catcher\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/Password \(shown once/);
    expect(out).toMatch(/cs_manager\s+\S+\s+\S+@example\.com/);
    // Anyone gets the status alone; the administrator each engine (#13 item 6).
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    adminPassword = out.match(/Password \(shown once[^:]*: (\S+)/)![1]!;
    const body = await engines(await signIn('admin@example.com', adminPassword));
    expect(Object.keys(body.engines).sort()).toEqual(['dynamodb', 'mail', 'objectStorage', 'stepFunctions']);
    for (const e of Object.values(body.engines)) expect(e.state).toBe('up');
  }, START_BUDGET_MS);

  it('serves the console at / and lets a demo manager sign in and list the department in Chinese', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    const manager = first.output().match(/cs_manager\s+\S+\s+(\S+@example\.com)/)![1]!;
    const password = first.output().match(/password for all: ([^;]+);/)![1]!;
    const token = await signIn(manager, password);
    const people = (await (await fetch(`${base}/api/v1/employees?limit=200`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { name: string; post: string }[] };
    // The CS manager's subtree: themselves, 3 supervisors, 6 team leads, 40 agents.
    expect(people.items).toHaveLength(50);
    expect(people.items.filter((p) => p.post === 'supervisor')).toHaveLength(3);
    expect(people.items.every((p) => /^\p{Script=Han}{2,3}$/u.test(p.name))).toBe(true);
  });

  it('stops cleanly on Ctrl-C, and a second start reuses the data', async () => {
    expect(await stop(first), first.output()).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    const second = await start(env);
    try {
      expect(second.output()).not.toMatch(/Password \(shown once/);
      expect(second.output()).toMatch(/Demo logins/);
      const health = await engines(await signIn('admin@example.com', adminPassword));
      expect(health.engines.dynamodb!.detail).toBe('table reused');
    } finally {
      expect(await stop(second), second.output()).toBe(0);
    }
  }, START_BUDGET_MS);
});
