import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../functions/domain/people/dates.js';
import { addDays } from '../../functions/domain/probation/eligibility.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { decisionLinks, until, type CaughtMail } from '../support/mail.js';

/**
 * The approvals issue's "done when", as a person would do it on `npm start` with the demo
 * department: a demo trainee goes through an early conversion with every approver deciding
 * from the link in their email in the mail catcher, and the outcome is applied.
 */
let runtime: LocalRuntime;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cs-email-conversion-'));
  runtime = await startLocalRuntime({ dataDir, port: 0, host: '127.0.0.1', demo: true, adminEmail: 'admin@conv.example', adminPassword: 'conversion-pass-1', quiet: true });
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${runtime.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function mailFor(subjectPart: string, seen: Set<string>): Promise<CaughtMail> {
  return until(async () => {
    const all = (await (await fetch(`${runtime.mailUrl}/api/email`)).json()) as CaughtMail[];
    return all.find((m) => m.subject.includes('【待审批】') && m.subject.includes(subjectPart) && !seen.has(m.id));
  }, `an approval mail about ${subjectPart}`);
}

describe('early conversion decided entirely from emailed links (npm start, demo data)', () => {
  it('supervisor, CS manager, GM and HR each approve from their mail; the trainee becomes a junior', async () => {
    const manager = runtime.demoLogins.find((l) => l.role === 'cs_manager')!;
    const { token } = await call<{ token: string }>('POST', '/api/v1/auth/login', undefined, { email: manager.email, password: manager.password });
    const today = new Date().toISOString().slice(0, 10);
    const trainees = await call<{ items: { id: string; name: string; hireDate: string; probationEndDate: string }[] }>('GET', '/api/v1/employees?status=probation&limit=200', token);
    const trainee = trainees.items.find((e) => e.hireDate <= addMonths(today, -1) && e.probationEndDate > addDays(today, 14))!;
    expect(trainee).toBeDefined();
    const review = await call<{ id: string }>('POST', '/api/v1/probation-reviews', token, { employeeId: trainee.id, kind: 'early' });

    const seen = new Set<string>();
    const steps: string[] = [];
    for (let step = 0; step < 4; step++) {
      const mail = await mailFor(trainee.name, seen);
      seen.add(mail.id);
      // HR is "any HR member": both HR members are mailed; one decision is enough.
      for (const m of (await (await fetch(`${runtime.mailUrl}/api/email`)).json()) as CaughtMail[]) if (m.subject === mail.subject) seen.add(m.id);
      steps.push(mail.subject.split('—').pop()!.trim());
      const link = new URL(decisionLinks(mail).approve);
      const page = await fetch(`${runtime.url}${link.pathname}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const form = new URLSearchParams({ token: link.pathname.slice(3), decision: 'approve', comment: '同意' });
      if (html.includes('name="scores_interview"')) {
        for (const n of ['dailyPerformance', 'professionalTest', 'interview']) form.set(`scores_${n}`, '92');
      }
      const done = await fetch(`${runtime.url}${link.pathname}`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(done.status, await done.clone().text()).toBe(200);
    }
    expect(steps).toHaveLength(4);

    const final = await until(async () => {
      const r = await call<{ status: string; steps: { channel: string }[] }>('GET', `/api/v1/probation-reviews/${review.id}`, token);
      return r.status === 'converted' ? r : undefined;
    }, 'the conversion');
    expect(final.steps.map((s) => s.channel)).toEqual(['email', 'email', 'email', 'email']);
    const employee = await call<{ status: string; level: string; baseSalary: number }>('GET', `/api/v1/employees/${trainee.id}`, token);
    expect(employee).toMatchObject({ status: 'regular', level: 'junior', baseSalary: 2200 });
  }, 120_000);
});
