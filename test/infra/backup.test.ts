import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../functions/domain/people/dates.js';
import { addDays } from '../../functions/domain/probation/eligibility.js';
import { freePort } from '../../infra/local/ports.js';
import { until } from '../support/mail.js';
import { startMain, stopMain, type Started } from '../support/npm-start.js';

/**
 * Backups of a one-machine installation (#13), as its administrator takes them: `npm start` on
 * a DATA_DIR, made busy — probation reviews, one approval waiting at the CS manager, a file on
 * a decision, the clock moved a day, and a colleague editing people all through the backup —
 * then `npm run backup -- FILE` while it runs; Ctrl-C; `npm run restore -- FILE` into a new
 * directory; `npm start` there finds everything and the waiting approval is decided to its end.
 * A restore into a directory in use, or of a changed file, is refused and writes nothing.
 */
const START_BUDGET_MS = 120_000;
const ADMIN = { email: 'admin@backup.example', password: 'backup-pass-2026' };
const SCORES = { dailyPerformance: 88, professionalTest: 85, interview: 90 };
const TRANSCRIPT = Buffer.from('%PDF-1.4 成绩单 — 备份测试\n', 'utf8');

interface Person { id: string; name: string; phone: string; post: string; version: number; hireDate: string; probationEndDate: string | null; status: string }
interface Review { id: string; status: string; currentStep: string | null }

let dirs: { live: string; restored: string; damaged: string; backups: string };
let env: NodeJS.ProcessEnv;
let base: string;
let running: Started | undefined;
const file = () => join(dirs.backups, 'cs-backup.jsonl.gz');

beforeAll(async () => {
  const dir = () => mkdtemp(join(tmpdir(), 'cs-backup-'));
  dirs = { live: await dir(), restored: await dir(), damaged: await dir(), backups: await dir() };
  const port = await freePort();
  env = {
    ...process.env, NODE_ENV: 'production', PORT: String(port), DATA_DIR: dirs.live, LOCAL_CLOCK: 'controllable',
    MAIL_PORT: String(await freePort()), MAIL_SMTP_PORT: String(await freePort()), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
  };
  base = `http://127.0.0.1:${port}/api/v1`;
});

afterAll(async () => {
  if (running) await stopMain(running, 'SIGKILL');
  for (const dir of Object.values(dirs ?? {})) await rm(dir, { recursive: true, force: true });
});

async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), accept: 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const signIn = async (email: string, password: string) => (await api<{ token: string }>('POST', '/auth/login', undefined, { email, password })).token;

/** `npm run <script> -- FILE` with DATA_DIR, as an administrator types it. */
function npmRun(script: 'backup' | 'restore', dataDir: string, target: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script, '--', target], { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** The demo accounts printed at start, by role. */
function logins(output: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [, role, email] of output.matchAll(/^\s+(cs_manager|supervisor|gm|hr)\s+\S+\s+(\S+@example\.com)$/gm)) (found[role!] ??= []).push(email!);
  return found;
}

async function taskOf(token: string, requestId: string, stepKey: string): Promise<{ id: string }> {
  return until(async () => {
    const inbox = await api<{ items: { id: string; requestId: string; stepKey: string }[] }>('GET', '/approvals?status=pending', token);
    return inbox.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
  }, `the ${stepKey} task`, 20_000);
}

/** What the installation holds, as people see it through the API (the writer's phone numbers aside). */
async function records(tokens: { manager: string; hr: string }) {
  const people = (await api<{ items: Person[] }>('GET', '/employees?limit=200', tokens.hr)).items;
  const reviews = (await api<{ items: Review[] }>('GET', '/probation-reviews?status=in_review&limit=100', tokens.hr)).items;
  const dashboard = await api<{ pendingApprovals: { stepKey: string; total: number }[] }>('GET', '/dashboard', tokens.hr);
  return {
    people,
    reviews: reviews.map((r) => ({ id: r.id, status: r.status, currentStep: r.currentStep })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    // The counters the writes keep, but the ages of pending steps (they are counted from today).
    dashboard: { ...dashboard, pendingApprovals: dashboard.pendingApprovals.map(({ stepKey, total }) => ({ stepKey, total })) },
  };
}

/** Phone numbers that carry the write's sequence number: 138 and eight digits. */
const phoneOf = (n: number) => `138${String(n).padStart(8, '0')}`;
const seqOf = (phone: string) => (phone.startsWith('138') ? Number(phone.slice(3)) : 0);

/** What the installation held when it was backed up, and what happened around the backup. */
interface Made {
  tokens: { admin: string; manager: string; gm: string; hr: string };
  inFlight: string;
  attachmentId: string;
  before: Awaited<ReturnType<typeof records>>;
  edited: Person[];
  writes: { atBackupStart: number; atBackupEnd: number; after: number };
  backup: { code: number | null; out: string };
  stopped: number | null;
}
let made: Made;

/** `npm start`, made busy, backed up while HR keeps editing, then Ctrl-C. */
async function makeBusyAndBackUp(): Promise<Made> {
  running = await startMain(env);
  const accounts = logins(running.output());
  const password = running.output().match(/password for all: ([^;]+);/)![1]!;
  // A day passes on the installation's clock first (sessions age with it): the backup records
  // the installation's time, and the restored one must not go back before it.
  await api('POST', '/local/clock', await signIn(ADMIN.email, ADMIN.password), { advance: 'P1D' });
  const tokens = {
    admin: await signIn(ADMIN.email, ADMIN.password), manager: await signIn(accounts.cs_manager![0]!, password),
    gm: await signIn(accounts.gm![0]!, password), hr: await signIn(accounts.hr![0]!, password),
  };
  const today = (await api<{ now: string }>('GET', '/local/clock', tokens.admin)).now.slice(0, 10);

  // Early reviews, each started by the trainee's supervisor, beside the scheduled ones the daily
  // job opened: trainees a month in whose probation does not end within 14 days (§3).
  const started: { supervisor: string; review: Review }[] = [];
  for (const email of accounts.supervisor!) {
    const supervisor = await signIn(email, password);
    const mine = (await api<{ items: Person[] }>('GET', '/employees?status=probation&limit=200', supervisor)).items;
    const trainee = mine.find((e) => e.hireDate <= addMonths(today, -1) && e.probationEndDate! > addDays(today, 14));
    if (trainee) started.push({ supervisor, review: await api<Review>('POST', '/probation-reviews', supervisor, { employeeId: trainee.id, kind: 'early' }) });
  }
  expect(started.length, 'a demo trainee a month in with no scheduled review yet').toBeGreaterThan(0);
  const { supervisor, review } = started[0]!;

  // A file on the supervisor's decision; the review then waits at the CS manager.
  const upload = await api<{ id: string; uploadUrl: string; headers: Record<string, string> }>('POST', '/attachments', supervisor, { fileName: '成绩单.pdf', contentType: 'application/pdf', size: TRANSCRIPT.length });
  expect((await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: TRANSCRIPT })).status).toBe(200);
  const task = await taskOf(supervisor, review.id, 'supervisor');
  await api('POST', `/approvals/${task.id}/decision`, supervisor, { decision: 'approve', comment: '成绩单见附件', scores: SCORES, attachments: [upload.id] });
  await taskOf(tokens.manager, review.id, 'cs_manager');
  const before = await records(tokens);

  // HR edits four people's phone numbers, one after another, all through the backup.
  const edited = before.people.filter((p) => p.post === 'agent' && p.status === 'regular').slice(0, 4);
  let acknowledged = 0;
  let writing = true;
  const writer = (async () => {
    const versions = edited.map((p) => p.version);
    for (let n = 1; writing; n++) {
      const i = (n - 1) % edited.length;
      versions[i] = (await api<Person>('PATCH', `/employees/${edited[i]!.id}`, tokens.hr, { phone: phoneOf(n), version: versions[i] })).version;
      acknowledged = n;
    }
  })();
  await until(async () => acknowledged >= 4, 'HR to be editing');
  const atBackupStart = acknowledged;
  const backup = await npmRun('backup', dirs.live, file());
  const atBackupEnd = acknowledged;
  await until(async () => acknowledged > atBackupEnd + 2, 'HR to go on editing after the backup');
  writing = false;
  await writer;

  const stopped = await stopMain(running);
  running = undefined;
  return { tokens, inFlight: review.id, attachmentId: upload.id, before, edited, writes: { atBackupStart, atBackupEnd, after: acknowledged }, backup, stopped };
}

beforeAll(async () => {
  made = await makeBusyAndBackUp();
}, START_BUDGET_MS + 60_000);

describe('npm run backup and npm run restore', () => {
  it('copies a busy installation while it runs; its users wait a moment, none is refused', () => {
    expect(made.backup.code, made.backup.out).toBe(0);
    expect(made.backup.out).toMatch(/Backup written: .*cs-backup\.jsonl\.gz/);
    expect(made.backup.out).toMatch(/[1-9]\d* approval execution\(s\) in flight/);
    expect(made.before.reviews.length).toBeGreaterThanOrEqual(3);
    expect(made.before.reviews.find((r) => r.id === made.inFlight)).toMatchObject({ currentStep: 'cs_manager' });
    expect(made.writes.after).toBeGreaterThan(made.writes.atBackupEnd);
    expect(made.stopped).toBe(0);
  });


  it('refuses to restore into a directory that is not empty, and leaves it as it was', async () => {
    const entries = (await readdir(dirs.live)).sort();
    const refused = await npmRun('restore', dirs.live, file());
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/is not empty .*restore goes into an empty or new directory only/);
    expect((await readdir(dirs.live)).sort()).toEqual(entries);
  });

  it('refuses a file that was changed after it was made, and writes nothing', async () => {
    const lines = gunzipSync(await readFile(file())).toString('utf8').split('\n');
    const at = lines.findIndex((line, i) => i > 0 && line.includes(made.edited[0]!.name));
    lines[at] = lines[at]!.replace(made.edited[0]!.name, `${made.edited[0]!.name}X`);
    const changed = join(dirs.backups, 'changed.jsonl.gz');
    await writeFile(changed, gzipSync(lines.join('\n')));
    const refused = await npmRun('restore', dirs.damaged, changed);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/cannot be restored: part table\/cs-main does not match the manifest .*Nothing was restored/);
    expect(await readdir(dirs.damaged)).toEqual([]);
  });

  it('restores into an empty directory; npm start there serves every record, the file, and the approval in flight to its end', async () => {
    const manifest = JSON.parse(gunzipSync(await readFile(file())).toString('utf8').split('\n')[0]!) as { createdAt: string; summary: Record<string, number> };
    const restored = await npmRun('restore', dirs.restored, file());
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toContain(`Start it with: DATA_DIR=${dirs.restored} npm start`);
    expect(existsSync(join(dirs.restored, 'runtime.json'))).toBe(false);

    running = await startMain({ ...env, DATA_DIR: dirs.restored });
    expect(running.output()).not.toMatch(/Password \(shown once/);
    // The installation's clock kept its lead: it reads no earlier than the backup's time.
    const { tokens, inFlight, attachmentId, before, edited, writes } = made;
    const now = (await api<{ now: string }>('GET', '/local/clock', tokens.admin)).now;
    expect(Date.parse(now)).toBeGreaterThanOrEqual(Date.parse(manifest.createdAt));

    // Every record, as before the backup — but the phone numbers HR was changing meanwhile,
    // which are a cut of HR's edits: every edit acknowledged before the backup started, then
    // edits in HR's order up to one point, none after it.
    const after = await records(tokens);
    const withoutEdits = (r: typeof before) => ({ ...r, people: r.people.map((p) => (edited.some((e) => e.id === p.id) ? { ...p, phone: '', version: 0, updatedAt: '' } : p)) });
    expect(withoutEdits(after)).toEqual(withoutEdits(before));
    const phones = edited.map((e) => after.people.find((p) => p.id === e.id)!.phone);
    const cut = Math.max(...phones.map(seqOf));
    expect(cut).toBeGreaterThanOrEqual(writes.atBackupStart);
    expect(cut).toBeLessThanOrEqual(writes.atBackupEnd + 1);
    expect(phones).toEqual(edited.map((e, i) => {
      const last = cut - ((cut - 1 - i) % edited.length + edited.length) % edited.length;
      return last >= 1 ? phoneOf(last) : e.phone;
    }));

    // The file, byte for byte.
    const link = await api<{ url: string }>('GET', `/attachments/${attachmentId}`, tokens.hr);
    expect(Buffer.from(await (await fetch(link.url)).arrayBuffer()).equals(TRANSCRIPT)).toBe(true);

    // The approval waiting at the CS manager goes on to its end: the manager, the GM, then HR.
    for (const [token, step] of [[tokens.manager, 'cs_manager'], [tokens.gm, 'gm'], [tokens.hr, 'hr']] as const) {
      const task = await taskOf(token, inFlight, step);
      await api('POST', `/approvals/${task.id}/decision`, token, { decision: 'approve', comment: '同意' });
    }
    const ended = await until(async () => {
      const review = await api<Review>('GET', `/probation-reviews/${inFlight}`, tokens.hr);
      return review.currentStep === null && review.status !== 'in_review' ? review : undefined;
    }, 'the restored review to end', 20_000);
    expect(ended.status).toBe('converted');

    expect(await stopMain(running), running.output()).toBe(0);
    running = undefined;
  }, START_BUDGET_MS + 60_000);
});
