import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, pasteText, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { apiAs, demoLogins, type Api } from './demo-api.js';

/**
 * The people sheet's reference columns in a real browser, as HR (docs/console-sheet.md): a block
 * pasted from Excel names a superior and a team by name and a hire date as Excel's serial
 * number; the preview shows names before and after, and one batch saves ids, audited. A team is
 * also picked in its cell from the pick list. Each test works on its own demo agent.
 */
if (!hasChromium) warnNoChromium('sheet reference e2e');

interface Person {
  id: string;
  employeeNo: string;
  name: string;
  post: string;
  status: string;
  superiorId: string | null;
  superiorName: string | null;
  teamId: string | null;
  teamName: string | null;
  hireDate: string;
  version: number;
}

interface OrgUnit {
  id: string;
  name: string;
  kind: string;
}

interface AuditEntry {
  action: string;
  channel: string;
  after: Record<string, unknown> | null;
}

const WAIT = { timeout: 20_000, interval: 200 };

(hasChromium ? describe : describe.skip)('the people sheet’s superior and team columns', () => {
  const harness = useConsoleRuntime('sheet-refs');
  const url = () => harness.runtime.url;

  /** HR's API, everyone in the sheet's first order (by employee number), and the teams. */
  async function hrData(): Promise<{ api: Api; all: Person[]; teams: OrgUnit[] }> {
    const api = await apiAs(harness.runtime, demoLogins(harness.runtime, 'hr')[0]!);
    const all = (await api<{ items: Person[] }>('/employees?sort=employeeNo&order=asc&limit=200')).items;
    const teams = (await api<{ items: OrgUnit[] }>('/org-units')).items.filter((u) => u.kind === 'team');
    return { api, all, teams };
  }

  /** A regular agent (none shared between tests), a team lead who is not their superior, and a team that is not theirs. */
  async function move(which: number) {
    const { api, all, teams } = await hrData();
    const rows = all.map((p, row) => ({ ...p, row }));
    const agent = rows.filter((p) => p.post === 'agent' && p.status === 'regular' && p.teamId)[which];
    if (!agent) throw new Error('the demo department has too few regular agents');
    const lead = all.find((p) => p.post === 'team_lead' && p.id !== agent.superiorId)!;
    const team = teams.find((t) => t.id !== agent.teamId)!;
    return { api, agent, lead, team };
  }

  async function sheetAsHr(): Promise<Page> {
    const page = await harness.newPage({ width: 1600, height: 900 });
    const hr = demoLogins(harness.runtime, 'hr')[0]!;
    await signIn(page, url(), hr.email, hr.password);
    await page.goto(`${url()}/#/employees`);
    await page.locator('.ag-row[row-index="0"]').waitFor();
    return page;
  }

  async function shown(page: Page, row: number, field: string): Promise<Locator> {
    await page.evaluate(`document.querySelector('.ag-grid-viewport').scrollTop = ${Math.max(0, row * 36 - 100)}`);
    const target = page.locator(`.ag-row[row-index="${row}"] [role="gridcell"][col-id="${field}"]`);
    await target.waitFor();
    // The pick lists are read once the sheet opens; until then the columns are read-only.
    await expect.poll(() => target.getAttribute('class'), WAIT).toContain('sheet-cell-editable');
    return target;
  }


  async function audited(api: Api, id: string, field: string, value: unknown): Promise<AuditEntry | undefined> {
    const audit = await api<{ items: AuditEntry[] }>(`/audit?entityType=employee&entityId=${id}`);
    return audit.items.find((e) => e.action === 'update' && e.after?.[field] === value);
  }

  it('HR pastes a superior and a team by name and a hire date as an Excel serial: previewed as names, saved as ids, audited', async () => {
    const { api, agent, lead, team } = await move(0);
    const page = await sheetAsHr();
    await (await shown(page, agent.row, 'superiorName')).click();
    const batches: string[] = [];
    page.on('request', (r) => r.url().endsWith('/api/v1/employees/batch') && batches.push(r.postData() ?? ''));

    // 直属上级, 团队, 入职日期 as Excel puts them on the clipboard: 45678 is 2025-01-21.
    await pasteText(page, `${lead.name}\t${team.name}\t45678\r\n`);
    const preview = page.getByTestId('sheet-preview');
    await preview.waitFor();
    const superiorRow = preview.locator(`tr[data-row-id="${agent.id}"][data-field="superiorId"]`);
    const teamRow = preview.locator(`tr[data-row-id="${agent.id}"][data-field="teamId"]`);
    expect(await superiorRow.innerText()).toContain(agent.superiorName!);
    expect(await superiorRow.innerText()).toContain(lead.name);
    expect(await teamRow.innerText()).toContain(agent.teamName!);
    expect(await teamRow.innerText()).toContain(team.name);
    expect(await preview.locator(`tr[data-row-id="${agent.id}"][data-field="hireDate"]`).innerText()).toContain('2025年1月21日');
    // The server's dry run found nothing wrong with the row.
    await expect.poll(() => page.getByRole('button', { name: '保存 1 行' }).isEnabled(), WAIT).toBe(true);
    expect(await preview.getByTestId('sheet-check-failed').count()).toBe(0);
    await page.screenshot({ path: '/tmp/sheet-refs-e2e-preview.png' });

    await page.getByRole('button', { name: '保存 1 行' }).click();
    await expect.poll(() => page.getByTestId('sheet-results').innerText(), WAIT).toContain('已保存 1 行，失败 0 行');
    const writes = batches.map((b) => JSON.parse(b) as { dryRun: boolean; items: Array<Record<string, unknown>> }).filter((b) => !b.dryRun);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.items).toEqual([{ id: agent.id, version: agent.version, superiorId: lead.id, teamId: team.id, hireDate: '2025-01-21' }]);
    await page.getByRole('button', { name: '关闭' }).click();

    expect(await api<Person>(`/employees/${agent.id}`)).toMatchObject({ superiorId: lead.id, superiorName: lead.name, teamId: team.id, hireDate: '2025-01-21' });
    expect(await audited(api, agent.id, 'superiorId', lead.id)).toMatchObject({ channel: 'console', after: { teamId: team.id, hireDate: '2025-01-21' } });
    await expect.poll(() => page.locator(`.ag-row[row-index="${agent.row}"] [col-id="superiorName"]`).innerText(), WAIT).toBe(lead.name);
    expect(await page.locator(`.ag-row[row-index="${agent.row}"] [col-id="teamName"]`).innerText()).toBe(team.name);
  }, 90_000);

  it('HR picks a new team from the cell’s pick list: it is saved and shown by name', async () => {
    const { api, agent, team } = await move(1);
    const page = await sheetAsHr();
    const cell = await shown(page, agent.row, 'teamName');
    expect(await cell.innerText()).toBe(agent.teamName);

    await cell.click();
    await page.keyboard.press('Enter'); // starts editing and opens the list
    await page.locator('.ag-select-list').waitFor();
    await page.screenshot({ path: '/tmp/sheet-refs-e2e-pick-list.png' });
    await page.locator('.ag-select-list').getByText(team.name, { exact: true }).click();

    await expect.poll(async () => (await api<Person>(`/employees/${agent.id}`)).teamId, WAIT).toBe(team.id);
    await expect.poll(() => cell.innerText(), WAIT).toBe(team.name);
    await expect.poll(() => cell.getAttribute('class'), WAIT).not.toMatch(/sheet-cell-(saving|error)/);
    expect(await audited(api, agent.id, 'teamId', team.id)).toMatchObject({ channel: 'console' });
  }, 90_000);
});
