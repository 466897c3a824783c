/**
 * Figures 4–6: the whole local runtime (`startLocalRuntime`: DynamoDB Local on a temp data
 * directory, the local Step Functions endpoint, the mail catcher, the API and the console)
 * with the demo department, plus the API as a demo person and the mail catcher's JSON API.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { shared } from './context.js';

export const RUNTIME = 'local-runtime';

export interface BenchRuntime {
  runtime: LocalRuntime;
  /** The console build it serves, or null when it was started without one. */
  consoleDir: string | null;
  adminEmail: string;
  adminPassword: string;
}

/**
 * The shared runtime. The first caller decides whether it serves a console build (figure 5
 * runs before 4 and 6 for that reason: the runtime mounts the console at start).
 */
export function localRuntime(log: (m: string) => void, consoleDir: string | null = null): Promise<BenchRuntime> {
  return shared(RUNTIME, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cs-bench-runtime-'));
    const adminEmail = 'admin@bench.example';
    const adminPassword = randomBytes(18).toString('base64url');
    const started = performance.now();
    const runtime = await startLocalRuntime({
      dataDir, port: 0, host: '127.0.0.1', demo: true, adminEmail, adminPassword, quiet: true,
      ...(consoleDir ? { consoleDir } : { consoleDir: join(dataDir, 'no-console') }),
    });
    log(`  local runtime with demo data up in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return {
      value: { runtime, consoleDir, adminEmail, adminPassword },
      stop: async () => {
        await runtime.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
}

export type Api = <T>(path: string, body?: unknown, method?: 'GET' | 'POST') => Promise<T>;

/** Signs in through the API and returns a caller with the bearer token and, for a browser, the session cookie. */
export async function signIn(runtime: LocalRuntime, email: string, password: string): Promise<{ api: Api; cookie: string }> {
  const res = await fetch(`${runtime.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('cs_session=')) ?? '';
  const api: Api = async <T>(path: string, body?: unknown, method?: 'GET' | 'POST'): Promise<T> => {
    const answer = await fetch(`${runtime.url}/api/v1${path}`, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return { api, cookie };
}

export interface MailSummary {
  id: string;
  subject: string;
  to: { address: string }[];
}

/** The newest mails (maildev's body-free summaries), cheap enough to poll every few ms. */
export async function newestMail(runtime: LocalRuntime, limit = 30): Promise<MailSummary[]> {
  if (!runtime.mailUrl) throw new Error('the runtime has no mail catcher');
  const res = await fetch(`${runtime.mailUrl}/api/email/summary?limit=${limit}&sort=desc`);
  return ((await res.json()) as { items: MailSummary[] }).items;
}

export async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
