import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.js';
import { until } from '../support/mail.js';
import { expectAccessible } from './axe.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { serveConsoleSnapshot, snapshotConsole, type ConsoleSnapshot } from './console-snapshot.js';
import { apiAs, demoLogins, type DemoLogin, type Employee } from './demo-api.js';

/**
 * 处罚记录 (#16; POLICIES.md §4; seed 004 第五条(六)) in Chromium against the local runtime. The
 * issuer (the agent's team lead) records two verbal warnings through the API; then, in the
 * browser: the agent, on a phone, finds the first under 处罚记录, signs it by drawing on the pad
 * with a finger (touch events) and sees 申诉期; refuses the second; the team lead names two
 * witnesses (a pick the API refuses is shown at the picker first); each witness signs with a
 * mouse, and the second signature serves the notice; the agent appeals it with a reason; 待我审批's
 * task for the agent's own step opens the action's page; the print page shows the signature
 * images with their time, channel and the notice hash. Axe on the list, the page with the pad and
 * the appeal dialog.
 *
 * Every page loads the console from a copy taken when the file started (console-snapshot.ts):
 * another test run in the shared checkout may rebuild admin/dist meanwhile.
 */
if (!hasChromium) warnNoChromium('disciplinary actions e2e');

interface Action { id: string; status: string; noticeHash: string; signature: { imageSha256: string } | null; witnesses: Array<{ name: string }> }
interface Task { id: string; requestId: string; stepKey: string }
interface DirectoryEntry { id: string; name: string; employeeId: string | null }

const PHONE = { width: 375, height: 812 };

(hasChromium ? describe : describe.skip)('处罚记录: the 处罚单 signed, refused, witnessed, appealed and printed', () => {
  const harness = useConsoleRuntime('discipline');
  let consoleCopy: ConsoleSnapshot | undefined;
  beforeAll(async () => {
    consoleCopy = await snapshotConsole();
  });
  afterAll(() => consoleCopy?.dispose());

  /**
   * A page in a context of its own, loading the console as built when the file started. Its reads
   * of signature images (object storage, on another loopback port) go through the test: a page
   * answered from the snapshot has no address of its own, so Chromium refuses its requests to a
   * loopback address (Local Network Access), which the console served by the runtime — itself on
   * loopback — or from a public host is not.
   */
  async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await harness.newPage(viewport);
    await serveConsoleSnapshot(page.context(), harness.runtime.url, consoleCopy!);
    await page.context().route(`${harness.runtime.objectStorageEndpoint}/**`, async (route) => route.fulfill({ response: await route.fetch() }));
    return page;
  }

  /** A regular agent of the demo, their team lead (the issuer) and two agents of the same team (the witnesses), all of whom sign in. */
  async function cast(runtime: LocalRuntime): Promise<{ agent: DemoLogin; lead: DemoLogin; witnesses: [DemoLogin, DemoLogin] }> {
    const hr = await apiAs(runtime, demoLogins(runtime, 'hr')[0]!);
    const { items } = await hr<{ items: Array<Employee & { post: string }> }>('/employees?status=regular&limit=200');
    const loginOf = (employeeId: string | null) => runtime.demoLogins.find((l) => l.employeeId === employeeId);
    for (const agent of items.filter((e) => e.post === 'agent')) {
      const lead = loginOf(agent.superiorId);
      if (!lead || lead.role !== 'team_lead' || !loginOf(agent.id)) continue;
      const team = items.filter((e) => e.post === 'agent' && e.id !== agent.id && e.superiorId === agent.superiorId && loginOf(e.id));
      if (team.length >= 2) return { agent: loginOf(agent.id)!, lead, witnesses: [loginOf(team[0]!.id)!, loginOf(team[1]!.id)!] };
    }
    throw new Error('the demo has no agent under a team lead with two colleagues');
  }

  /**
   * A signature written on the pad: three strokes across it, by mouse, or by a finger through
   * Chromium's touch input (CDP), which the page gets as pointer events of type touch — the pad's
   * `touch-action: none` is what keeps the finger from scrolling the page instead.
   */
  async function sign(page: Page, pad: Locator, by: 'mouse' | 'touch'): Promise<void> {
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: Math.round(box.x + box.width * fx), y: Math.round(box.y + box.height * fy) });
    const strokes = [
      [at(0.1, 0.6), at(0.2, 0.3), at(0.3, 0.7), at(0.4, 0.35)],
      [at(0.45, 0.5), at(0.6, 0.5), at(0.55, 0.3), at(0.55, 0.75)],
      [at(0.7, 0.4), at(0.8, 0.65), at(0.9, 0.3)],
    ];
    if (by === 'mouse') {
      for (const [first, ...rest] of strokes) {
        await page.mouse.move(first!.x, first!.y);
        await page.mouse.down();
        for (const p of rest) await page.mouse.move(p.x, p.y, { steps: 6 });
        await page.mouse.up();
      }
      return;
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    for (const [first, ...rest] of strokes) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
      let last = first!;
      for (const p of rest) {
        for (let i = 1; i <= 6; i++) {
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: last.x + ((p.x - last.x) * i) / 6, y: last.y + ((p.y - last.y) * i) / 6 }] });
        }
        last = p;
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    }
    await cdp.detach();
  }

  const status = (page: Page) => page.getByTestId('discipline-status').innerText();
  const showUrl = (runtime: LocalRuntime, id: string) => `${runtime.url}/#/disciplinary-actions/${id}/show`;

  it('the agent signs on a phone by finger and sees 申诉期; refuses a second; the team lead names two witnesses, who sign; the agent appeals; 待我审批 leads to the page; the print shows the signatures and the hash', async () => {
    const runtime = harness.runtime;
    const { agent, lead, witnesses } = await cast(runtime);
    const issuer = await apiAs(runtime, lead);
    const hourAgo = new Date(runtime.now().getTime() - 3_600_000).toISOString();
    const first = await issuer<Action>('/disciplinary-actions', { employeeId: agent.employeeId, violationCode: 'V02', facts: '上班迟到 20 分钟', occurredAt: hourAgo });
    const second = await issuer<Action>('/disciplinary-actions', { employeeId: agent.employeeId, violationCode: 'V03', facts: '本月三次忘记打卡', occurredAt: hourAgo });

    // The agent, on a phone: 处罚记录 in the menu lists both as 待处理, each with its deadline.
    const own = await newPage(PHONE);
    await signIn(own, runtime.url, agent.email, agent.password);
    await own.getByRole('button', { name: '打开菜单' }).click();
    await own.getByRole('menuitem', { name: '处罚记录' }).click();
    await own.waitForURL(/#\/disciplinary-actions(\?.*)?$/);
    await own.getByText(/V03 忘记打卡/).waitFor();
    await expect.poll(() => own.locator('[data-deadline="sign"]').count()).toBe(2);
    await expectAccessible(own, 'the actions list on a phone (employee)', { oneH1: true });
    await own.getByText(/V02 迟到或早退/).click();
    await own.waitForURL(new RegExp(`#/disciplinary-actions/${first.id}/show$`));
    await own.getByRole('heading', { level: 1, name: /处罚单：.*（口头警告）/ }).waitFor();
    expect(await status(own)).toBe('待签收');

    // Above the pad, the notice's own words: signing is receipt, not agreement.
    const signing = own.getByTestId('discipline-sign');
    expect(await signing.getByTestId('signing-words').innerText()).toContain('签字仅表示已收到本处罚单，不代表同意处罚内容');
    const pad = own.getByTestId('acknowledge-pad').getByRole('img', { name: '手写签名（用鼠标或手指在框内签名）' });
    expect(await own.evaluate<string>("getComputedStyle(document.querySelector('[data-testid=acknowledge-pad] canvas')).touchAction")).toBe('none');
    expect((await pad.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await own.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    const confirm = signing.getByRole('button', { name: '确认签名' });
    expect(await confirm.isDisabled()).toBe(true);
    await expectAccessible(own, 'the action with the signature pad on a phone (employee)', { oneH1: true });
    const shot = (page: Page, name: string) => (process.env.DISCIPLINE_SCREENSHOTS ? page.screenshot({ path: `${process.env.DISCIPLINE_SCREENSHOTS}/${name}.png`, fullPage: true }) : undefined);
    // A finger signs (and does not scroll the page while it does).
    await pad.scrollIntoViewIfNeeded();
    const scrolled = await own.evaluate<number>('window.scrollY');
    await sign(own, pad, 'touch');
    expect(await own.evaluate<number>('window.scrollY')).toBe(scrolled);
    await shot(own, 'phone-signing');
    await confirm.click();
    await expect.poll(() => status(own), { timeout: 15_000 }).toBe('申诉期');
    await own.getByTestId('discipline-state').getByText(/可申诉至/).waitFor();
    await own.getByTestId('signature-employee').locator('img[data-signature-image]').waitFor();
    // The appeal window's step opens a moment later: the page reads again until 申诉 is offered.
    await own.getByRole('button', { name: '申诉' }).waitFor({ timeout: 30_000 });
    await shot(own, 'phone-signed');
    const signed = await issuer<Action>(`/disciplinary-actions/${first.id}`);
    expect(signed.status).toBe('appeal_window');

    // 待我审批: the agent's task at the appeal window opens the action's own page, not a decision form.
    const mine = await apiAs(runtime, agent);
    const task = await until(async () => (await mine<{ items: Task[] }>('/approvals?status=pending')).items.find((t) => t.requestId === first.id && t.stepKey === 'appeal'), 'the appeal window task');
    await own.goto(`${runtime.url}/#/approvals/${task.id}/show`);
    await own.waitForURL(new RegExp(`#/disciplinary-actions/${first.id}/show$`));

    // The second notice: the agent refuses, saying why.
    await own.goto(showUrl(runtime, second.id));
    await own.getByTestId('discipline-sign').waitFor();
    await own.getByRole('button', { name: '拒绝签收' }).click();
    const refuse = own.getByRole('dialog');
    await refuse.getByRole('button', { name: '确认拒签' }).click();
    await refuse.getByText('必填').first().waitFor();
    await refuse.getByRole('textbox', { name: '拒签理由' }).fill('当天系统故障，打卡机无记录');
    await refuse.getByRole('button', { name: '确认拒签' }).click();
    await own.getByTestId('discipline-refusal').getByText(/当天系统故障/).waitFor();
    expect(await own.getByRole('button', { name: '拒绝签收' }).count()).toBe(0);
    expect(await status(own)).toBe('待签收');

    // The team lead names the witnesses. An account with no employee record is refused by the API, at the picker.
    const leadPage = await newPage();
    await signIn(leadPage, runtime.url, lead.email, lead.password);
    await leadPage.goto(showUrl(runtime, second.id));
    await leadPage.getByTestId('discipline-refusal').waitFor();
    await leadPage.getByRole('button', { name: '指定见证人' }).click();
    const dialog = leadPage.getByRole('dialog');
    const picker = dialog.getByRole('combobox', { name: '见证人' });
    const pick = async (name: string) => {
      await picker.fill(name);
      await leadPage.getByRole('option', { name: new RegExp(name) }).first().click();
    };
    const directory = await issuer<{ items: DirectoryEntry[] }>('/users/directory?limit=200');
    // The runtime's administrator account has no employee record.
    const noEmployee = directory.items.find((u) => u.employeeId === null);
    expect(noEmployee).toBeDefined();
    await pick(witnesses[0].name);
    {
      await pick(noEmployee!.name);
      const refused = leadPage.waitForResponse((r) => r.url().endsWith(`/disciplinary-actions/${second.id}/witnesses`));
      await dialog.getByRole('button', { name: '保存' }).click();
      expect((await refused).status()).toBe(422);
      await dialog.locator('.MuiFormHelperText-root.Mui-error').first().waitFor();
      await shot(leadPage, 'witnesses-refused');
      await picker.press('Backspace');
    }
    await pick(witnesses[1].name);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await leadPage.getByText(new RegExp(`见证人：.*${witnesses[0].name}`)).waitFor();

    // Each witness signs with a mouse; the second signature serves the notice and the appeal window opens.
    for (const [i, witness] of witnesses.entries()) {
      const page = await newPage();
      await signIn(page, runtime.url, witness.email, witness.password);
      await page.goto(showUrl(runtime, second.id));
      const section = page.getByTestId('discipline-sign');
      await section.getByText(/拒绝签收本处罚单/).waitFor();
      await sign(page, page.getByTestId('witness-pad').getByRole('img', { name: '手写签名（用鼠标或手指在框内签名）' }), 'mouse');
      await section.getByRole('button', { name: '确认签名' }).click();
      await page.getByText('已见证签字。').waitFor();
      if (i === 0) expect(await status(page)).toBe('待签收');
      else await expect.poll(() => status(page), { timeout: 15_000 }).toBe('申诉期');
      await expect.poll(() => page.locator('[data-testid="signature-witness"] img[data-signature-image]').count(), { timeout: 15_000 }).toBe(i + 1);
    }
    const served = await issuer<Action>(`/disciplinary-actions/${second.id}`);
    expect(served.witnesses.map((w) => w.name).sort()).toEqual(witnesses.map((w) => w.name).sort());

    // The agent appeals the second, with a reason, before its last day.
    // (The phone still shows the page as it was when they refused: read afresh.)
    await own.reload();
    await own.getByRole('button', { name: '申诉' }).click({ timeout: 30_000 });
    const appeal = own.getByRole('dialog');
    await appeal.getByTestId('appeal-deadline').getByText(/申诉截止：/).waitFor();
    await expectAccessible(own, 'the appeal dialog on a phone');
    await appeal.getByRole('textbox', { name: '申诉理由' }).fill('当天打卡机故障，有考勤员可以作证');
    await appeal.getByRole('button', { name: '提交申诉' }).click();
    await expect.poll(() => status(own), { timeout: 15_000 }).toBe('申诉处理中');
    await own.getByTestId('discipline-appeal').getByText(/考勤员可以作证/).waitFor();

    // The print page of the first: the employee's signature image, its time and channel, the notice hash, the statement and the appeal right.
    const print = await newPage();
    await signIn(print, runtime.url, lead.email, lead.password);
    await print.goto(`${runtime.url}/#/disciplinary-actions/${first.id}/print`);
    const paper = print.getByTestId('discipline-print');
    const image = paper.locator('[data-signature="employee"] img[data-signature-image]');
    await image.waitFor();
    await expect.poll(() => print.evaluate<boolean>("(() => { const i = document.querySelector('[data-signature=employee] img[data-signature-image]'); return !!i && i.complete && i.naturalWidth > 0; })()")).toBe(true);
    const text = await paper.innerText();
    expect(text).toContain(signed.noticeHash);
    expect(text).toContain(signed.signature!.imageSha256);
    expect(text).toContain('控制台');
    expect(text).toContain('签字仅表示已收到本处罚单，不代表同意处罚内容');
    expect(text).toMatch(/申诉权利：如有异议，可于 .+（含当日）前书面申诉/);
    // The second: both witnesses' images and the refusal.
    await print.goto(`${runtime.url}/#/disciplinary-actions/${second.id}/print`);
    await expect.poll(() => print.locator('[data-signature="witness"] img[data-signature-image]').count(), { timeout: 15_000 }).toBe(2);
    expect(await print.getByTestId('discipline-print').innerText()).toContain('当天系统故障');
    await shot(print, 'print-witnessed');
    await leadPage.reload();
    await leadPage.getByTestId('discipline-appeal').waitFor();
    await shot(leadPage, 'desktop-appealed');
  }, 300_000);
});
