import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.js';
import { until } from '../support/mail.js';

/**
 * What the approval browser tests share besides the harness: the API as a demo person (for a
 * scenario's setup, so the browser does only the step under test), the demo's trainees, and
 * opening a task from 待我审批 once the workflow has put it there.
 */

export type DemoLogin = LocalRuntime['demoLogins'][number];
export type Api = <T>(path: string, body?: unknown, method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') => Promise<T>;

export interface Employee {
  id: string;
  name: string;
  status: string;
  hireDate: string;
  superiorId: string | null;
  teamId: string | null;
}

export interface Review {
  id: string;
  status: string;
  currentStep: string | null;
  steps?: Array<{ stepKey: string; status: string; decision: string | null; returnTo?: string | null; tasks?: Array<{ id: string; approverName: string; status: string }> }>;
}

/** The demo logins of a role (several for most roles). */
export function demoLogins(runtime: LocalRuntime, role: string): DemoLogin[] {
  const logins = runtime.demoLogins.filter((l) => l.role === role);
  if (logins.length === 0) throw new Error(`the demo data has no ${role} login`);
  return logins;
}

export function demoLoginNamed(runtime: LocalRuntime, name: string): DemoLogin {
  const login = runtime.demoLogins.find((l) => l.name === name);
  if (!login) throw new Error(`no demo login named ${name}`);
  return login;
}

/** The API as that person, by bearer token (what an integration would do). */
export async function apiAs(runtime: LocalRuntime, login: DemoLogin): Promise<Api> {
  const res = await fetch(`${runtime.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  return async <T>(path: string, body?: unknown, method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'): Promise<T> => {
    const answer = await fetch(`${runtime.url}/api/v1${path}`, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    const json = (text ? JSON.parse(text) : null) as T;
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${text}`);
    return json;
  };
}

/** YYYY-MM-DD `days` from today in company time (Asia/Shanghai). */
export function companyDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
}

/** YYYY-MM-DD a month (and a day, for safety at month ends) before today in company time. */
function monthAgo(): string {
  const [y, m, d] = companyDate().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 2, d - 1)).toISOString().slice(0, 10);
}

let hired = 0;

/**
 * A trainee the caller can see with a month of service and no review yet (§3). The demo has a
 * handful, and the daily job opens scheduled reviews for some of them as the calendar moves
 * (and tests use them up): when none is left, HR hires one, hired 45 days ago, beside a trainee
 * the caller sees (same superior and team, so in the caller's scope and with the same chain).
 */
export async function traineeWithoutReview(api: Api, runtime: LocalRuntime): Promise<Employee> {
  const { items } = await api<{ items: Employee[] }>('/employees?status=probation&limit=200');
  const cutoff = monthAgo();
  for (const e of items.filter((e) => e.hireDate <= cutoff)) {
    const reviews = await api<{ items: Review[] }>(`/probation-reviews?employeeId=${e.id}`);
    if (reviews.items.length === 0) return e;
  }
  const like = items.find((e) => e.superiorId !== null);
  if (!like) throw new Error('the caller sees no trainee to hire another beside');
  const hr = await apiAs(runtime, demoLogins(runtime, 'hr')[0]!);
  const n = `${Date.now().toString().slice(-6)}${(hired += 1)}`;
  return hr<Employee>('/employees', {
    employeeNo: `TR${n}`, name: `试用${n}`, email: `trainee.${n}@example.com`, phone: `139${n.padStart(8, '0').slice(-8)}`,
    post: 'agent', level: 'trainee', status: 'probation', superiorId: like.superiorId, teamId: like.teamId, hireDate: companyDate(-45),
  });
}

/**
 * The title cells of the inbox's rows about `name`: on a screen wider than a phone the inbox is
 * a sheet (AG Grid rows, cells by column id), so this is for desktop-sized pages.
 */
export function inboxTitleCell(page: Page, name: string): Locator {
  return page.locator('.ag-row [role="gridcell"][col-id="title"]', { hasText: name });
}

/** Opens 待我审批 (a desktop page) and waits, re-reading, until the task about `name` is listed, then opens it. */
export async function openFromInbox(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/#/approvals`);
  const row = inboxTitleCell(page, name);
  await expect
    .poll(
      async () => {
        // The workflow fills the inbox a moment after a decision: read it again until then.
        if ((await row.count()) > 0) return 1;
        await page.reload();
        await page.waitForLoadState('networkidle');
        return row.count();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeGreaterThan(0);
  await row.first().click();
  await page.waitForURL(/#\/approvals\/[^/]+\/show$/);
}

interface PendingTask { id: string; requestId: string; stepKey: string }

/**
 * Approves the request's step as whichever demo login of `role` was asked (through the API), with
 * the step's own fields when it has some (an interview round's score and recommendation).
 */
export async function approveAs(runtime: LocalRuntime, role: string, requestId: string, stepKey: string, fields: Record<string, unknown> = {}): Promise<void> {
  const apis = await Promise.all(demoLogins(runtime, role).map((login) => apiAs(runtime, login)));
  const [api, task] = await until(async () => {
    for (const api of apis) {
      const { items } = await api<{ items: PendingTask[] }>('/approvals?status=pending');
      const found = items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
      if (found) return [api, found] as const;
    }
    return undefined;
  }, `${role}'s task at ${stepKey}`, 30_000);
  await api(`/approvals/${task.id}/decision`, { decision: 'approve', comment: '同意', ...fields });
}
