import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../functions/domain/people/dates.js';
import { addDays } from '../../functions/domain/probation/eligibility.js';
import { freePort } from '../../infra/local/ports.js';
import { decisionLinks, until, type CaughtMail } from '../support/mail.js';
import { startMain, stopMain, type Started } from '../support/npm-start.js';

/**
 * Durability (approvals issue): a workflow waiting for a human survives a hard kill of the
 * local runtime. After `npm start` again it is still pending, its emailed link still works,
 * and deciding it moves the workflow on.
 */
let dataDir: string;
let env: NodeJS.ProcessEnv;
let base: string;
let mailBase: string;
let running: Started | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cs-durability-'));
  const port = await freePort();
  const mailPort = await freePort();
  env = {
    ...process.env, NODE_ENV: 'production', PORT: String(port), DATA_DIR: dataDir, MAIL_PORT: String(mailPort),
    MAIL_SMTP_PORT: String(await freePort()), ADMIN_EMAIL: 'admin@durable.example', ADMIN_PASSWORD: 'durable-pass-2026',
  };
  base = `http://127.0.0.1:${port}`;
  mailBase = `http://127.0.0.1:${mailPort}`;
});

afterAll(async () => {
  if (running) await stopMain(running, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function mailsTo(address: string): Promise<CaughtMail[]> {
  const all = (await (await fetch(`${mailBase}/api/email`)).json()) as CaughtMail[];
  return all.filter((m) => m.to.some((t) => t.address === address));
}

describe('a waiting approval survives kill -9 of the local runtime', () => {
  it('is still pending after a restart, its link still works, and deciding it completes the step', async () => {
    running = await startMain(env);
    const password = running.output().match(/password for all: ([^;]+);/)![1]!;
    const today = new Date().toISOString().slice(0, 10);
    let supervisorEmail = '';
    let token = '';
    let trainee: { id: string; name: string } | undefined;
    for (const [, email] of running.output().matchAll(/supervisor\s+\S+\s+(\S+@example\.com)/g)) {
      const login = await api<{ token: string }>('POST', '/api/v1/auth/login', undefined, { email, password });
      const trainees = await api<{ items: { id: string; name: string; hireDate: string; probationEndDate: string }[] }>('GET', '/api/v1/employees?status=probation&limit=200', login.body.token);
      // Not one whose end date is near: the daily job has opened a scheduled review for those.
      trainee = trainees.body.items.find((e) => e.hireDate <= addMonths(today, -1) && e.probationEndDate > addDays(today, 14));
      if (trainee) {
        supervisorEmail = email!;
        token = login.body.token;
        break;
      }
    }
    expect(trainee, 'a demo trainee with a month of service and no scheduled review yet').toBeDefined();
    const started = await api<{ id: string }>('POST', '/api/v1/probation-reviews', token, { employeeId: trainee!.id, kind: 'early' });
    expect(started.status).toBe(201);
    const mail = await until(async () => (await mailsTo(supervisorEmail)).find((m) => m.subject.includes(trainee!.name)), 'the approval mail');
    const link = new URL(decisionLinks(mail).approve);

    expect(await stopMain(running, 'SIGKILL')).toBeNull();
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    running = await startMain(env);

    const review = await api<{ status: string; currentStep: string }>('GET', `/api/v1/probation-reviews/${started.body.id}`, token);
    expect(review.body).toMatchObject({ status: 'in_review', currentStep: 'supervisor' });
    const page = await fetch(`${base}${link.pathname}`);
    expect(page.status).toBe(200);
    const form = new URLSearchParams({
      token: link.pathname.slice(3), decision: 'approve', comment: '',
      scores_dailyPerformance: '88', scores_professionalTest: '85', scores_interview: '90',
    });
    const posted = await fetch(`${base}${link.pathname}`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(posted.status).toBe(200);
    const moved = await until(async () => {
      const r = await api<{ currentStep: string; weighted: number }>('GET', `/api/v1/probation-reviews/${started.body.id}`, token);
      return r.body.currentStep === 'cs_manager' ? r.body : undefined;
    }, 'the workflow to move on after the restart', 20_000);
    expect(moved.weighted).toBe(87.7);
    // The review names the next step from inside PlanNextStep, a moment before the execution
    // enters AskApprover: wait for the execution to get there.
    const view = await until(async () => {
      const v = await api<{ execution: { status: string; currentState: string } }>('GET', `/api/v1/probation-reviews/${started.body.id}/execution`, token);
      return v.body.execution?.currentState === 'AskApprover' ? v.body : undefined;
    }, 'the execution to wait for the CS manager');
    expect(view.execution).toMatchObject({ status: 'RUNNING', currentState: 'AskApprover' });
    expect(await stopMain(running)).toBe(0);
    running = undefined;
  }, 180_000);
});
