import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControllableClock } from '../../infra/local/clock.js';
import type { LocalRuntime } from '../../infra/local/runtime.js';
import { inbox, until } from '../support/mail.js';
import { hasChromium, signIn, useConsoleRuntime, warnNoChromium } from './browser.js';
import { serveConsoleSnapshot, snapshotConsole, type ConsoleSnapshot } from './console-snapshot.js';
import { apiAs, demoLogins, openFromInbox, type Api, type DemoLogin, type Employee } from './demo-api.js';
import { mailOf } from './recruitment.js';

/**
 * Discipline from the first warning to dismissal (#16; POLICIES.md §4; seed 004 第五条) in Chromium
 * against the local runtime with the demo department, on a clock the test holds — one journey, as
 * people do it in the console (the API only to find the people, to read what the pages did, and
 * to find which approver the workflow asked):
 *
 * 1. A team lead records two verbal warnings (V02) in 记录违纪 on the agent's file; the agent signs
 *    each on a phone by drawing on the pad with a finger.
 * 2. A third verbal-grade violation: the dialog says before saving that it becomes 书面警告, with
 *    the rule (受3次口头警告等同一次书面警告) and the two counted; saved, its page cites the two.
 * 3. The agent refuses it; the team lead names two witnesses; each signs (their own sign-in).
 * 4. The clock moves to the last day of the appeal window; the agent appeals; the issuer's
 *    superior (the supervisor) upholds it in 待我审批 (同意 = 支持申诉): the action is 已撤销 and
 *    the agent's 违纪记录 shows the two verbal warnings counting again, not 已合并.
 * 5. A final warning (F04) recorded and signed; another violation → the dialog proposes dismissal
 *    (in red, naming the chain); saved, 辞退审批中.
 * 6. The dismissal approved in 待我审批 by the supervisor, the CS manager, HR and the GM, each signed
 *    in; each one's mail asks them to sign in and carries no decision link.
 * 7. The action is 已辞退; 查看离职办理 opens the agent's offboarding, reason 辞退, and the agent's
 *    file lists it.
 *
 * Whoever signs in after the clock moved does it in a new browser context (sessions age with the
 * runtime's clock). Every page loads the console from a copy taken when the file started
 * (console-snapshot.ts): another test run in the shared checkout may rebuild admin/dist meanwhile.
 */
if (!hasChromium) warnNoChromium('discipline journey e2e');

interface Action {
  id: string; status: string; level: string; counted: string[]; rolledUpInto: string | null; restored: { fromActionId: string } | null;
  appealLastDay: string | null; appeal: { reviewerNames: string[] } | null; voided: { reason: string; restored: string[] } | null;
  dismissal: { status: string; offboardingId: string | null } | null;
}
interface Task { id: string; requestId: string; stepKey: string }
interface Offboarding { id: string; reason: string; employeeId: string }

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1400, height: 900 };
const clock = new ControllableClock({ flowing: true });
/** A link in an approval mail that decides without signing in (links.ts: /a/<token>). */
const DECISION_LINK = /\/a\/[A-Za-z0-9_.-]+/;

(hasChromium ? describe : describe.skip)('discipline journey: warnings, the ladder, a refusal and witnesses, an upheld appeal, a final warning and dismissal', () => {
  const harness = useConsoleRuntime('discipline-journey', { clock });
  let consoleCopy: ConsoleSnapshot | undefined;
  beforeAll(async () => {
    consoleCopy = await snapshotConsole();
  });
  afterAll(() => consoleCopy?.dispose());

  /** A page in a context of its own, loading the console as built when the file started; signature images (object storage) fetched through the test (see disciplinary-actions.test.ts). */
  async function newPage(viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
    const page = await harness.newPage(viewport);
    await serveConsoleSnapshot(page.context(), harness.runtime.url, consoleCopy!);
    await page.context().route(`${harness.runtime.objectStorageEndpoint}/**`, async (route) => route.fulfill({ response: await route.fetch() }));
    return page;
  }

  async function signedIn(login: DemoLogin, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await newPage(viewport);
    await signIn(page, harness.runtime.url, login.email, login.password);
    return page;
  }

  /** A regular agent under a team lead who is under a supervisor, and two of the agent's teammates (the witnesses); all sign in. */
  async function cast(runtime: LocalRuntime): Promise<{ agent: DemoLogin; lead: DemoLogin; supervisor: DemoLogin; witnesses: [DemoLogin, DemoLogin] }> {
    const hr = await apiAs(runtime, demoLogins(runtime, 'hr')[0]!);
    const { items } = await hr<{ items: Array<Employee & { post: string }> }>('/employees?limit=200');
    const byId = new Map(items.map((e) => [e.id, e]));
    const loginOf = (employeeId: string | null | undefined) => runtime.demoLogins.find((l) => l.employeeId === employeeId);
    for (const agent of items.filter((e) => e.post === 'agent' && e.status === 'regular')) {
      const lead = loginOf(agent.superiorId);
      if (!lead || lead.role !== 'team_lead' || !loginOf(agent.id)) continue;
      const supervisor = loginOf(byId.get(agent.superiorId!)?.superiorId);
      if (!supervisor || supervisor.role !== 'supervisor') continue;
      const team = items.filter((e) => e.post === 'agent' && e.status !== 'terminated' && e.id !== agent.id && e.superiorId === agent.superiorId && loginOf(e.id));
      if (team.length >= 2) return { agent: loginOf(agent.id)!, lead, supervisor, witnesses: [loginOf(team[0]!.id)!, loginOf(team[1]!.id)!] };
    }
    throw new Error('the demo has no agent under a team lead (under a supervisor) with two colleagues');
  }

  /** Three strokes drawn on the pad, by mouse or by a finger (CDP touch input; see disciplinary-actions.test.ts). */
  async function draw(page: Page, pad: Locator, by: 'mouse' | 'touch'): Promise<void> {
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

  const padOf = (page: Page, which: 'acknowledge' | 'witness') => page.getByTestId(`${which}-pad`).getByRole('img', { name: '手写签名（用鼠标或手指在框内签名）' });
  const status = (page: Page) => page.getByTestId('discipline-status').innerText();
  const showUrl = (id: string) => `${harness.runtime.url}/#/disciplinary-actions/${id}/show`;

  /** Opens the action's page and waits (reading it again) until `locator` shows: the workflow opens a step a moment after the write that asks for it. */
  async function openUntil(page: Page, id: string, locator: Locator): Promise<void> {
    await page.goto(showUrl(id));
    await expect
      .poll(
        async () => {
          if (await locator.isVisible()) return true;
          await page.reload();
          await page.getByTestId('discipline-status').waitFor();
          return locator.isVisible();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
  }

  /** Picks a violation in the dialog's searchable 违纪条款 by its code. */
  async function pickViolation(dialog: Locator, code: string): Promise<void> {
    const input = dialog.getByRole('combobox', { name: '违纪条款' });
    await input.click();
    await input.fill(code);
    await dialog.page().getByRole('option', { name: new RegExp(`^${code} `) }).click();
  }

  /**
   * 记录违纪 on the agent's file: picks the violation, waits for the preview's level and returns
   * what it says, then (unless `keepOpen`) fills the facts, saves and returns the new action's id.
   */
  async function recordInDialog(page: Page, agent: DemoLogin, code: string, level: string, facts: string): Promise<{ id: string; said: string; preview: Locator }> {
    await page.goto(`${harness.runtime.url}/#/employees/${agent.employeeId}/show`);
    await page.getByRole('button', { name: '记录违纪' }).click();
    const dialog = page.getByRole('dialog', { name: `记录违纪：${agent.name}` });
    const preview = dialog.getByTestId('discipline-preview');
    await pickViolation(dialog, code);
    await expect.poll(() => preview.getAttribute('data-level'), { timeout: 15_000 }).toBe(level);
    const said = await preview.innerText();
    await dialog.getByRole('textbox', { name: '违纪事实' }).fill(facts);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/disciplinary-actions\/[^/]+\/show$/);
    const id = decodeURIComponent(/#\/disciplinary-actions\/([^/]+)\/show$/.exec(page.url())![1]!);
    await page.getByTestId('discipline-status').waitFor();
    return { id, said, preview };
  }

  /** The agent signs the notice on their phone by finger; the appeal window opens. */
  async function agentSigns(phone: Page, id: string): Promise<void> {
    const signing = phone.getByTestId('discipline-sign');
    await openUntil(phone, id, signing);
    expect(await status(phone)).toBe('待签收');
    await draw(phone, padOf(phone, 'acknowledge'), 'touch');
    await signing.getByRole('button', { name: '确认签名' }).click();
    await expect.poll(() => status(phone), { timeout: 15_000 }).toBe('申诉期');
    await phone.getByTestId('signature-employee').locator('img[data-signature-image]').waitFor();
  }

  /** Which login of `role` the workflow asked at the request's step, and its task (read through the API: the demo has several of most roles). */
  async function asked(runtime: LocalRuntime, role: string, requestId: string, stepKey: string): Promise<{ login: DemoLogin; task: Task }> {
    const logins = demoLogins(runtime, role);
    const apis = await Promise.all(logins.map((login) => apiAs(runtime, login)));
    return until(async () => {
      for (const [i, api] of apis.entries()) {
        const task = (await api<{ items: Task[] }>('/approvals?status=pending')).items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
        if (task) return { login: logins[i]!, task };
      }
      return undefined;
    }, `${role}'s task at ${stepKey}`, 30_000);
  }

  /** Signs in as the approver, opens the task from 待我审批, writes a comment and presses 同意. */
  async function approveInInbox(login: DemoLogin, task: Task, agentName: string, comment: string, signedInOnly = false): Promise<void> {
    const page = await signedIn(login);
    await openFromInbox(page, harness.runtime.url, agentName);
    expect(page.url()).toMatch(new RegExp(`#/approvals/${task.id}/show$`));
    await page.getByRole('textbox', { name: '审批意见' }).fill(comment);
    // A dismissal's step says on the page that only a signed-in decision counts; an appeal's answer does not.
    if (signedInOnly) expect(await page.getByTestId('signed-in-only').textContent()).toContain('不能通过邮件链接决定');
    else expect(await page.getByTestId('signed-in-only').count()).toBe(0);
    await page.getByRole('button', { name: '同意' }).click();
    await page.waitForURL(/#\/approvals$/);
  }

  const readAs = (api: Api, id: string) => api<Action>(`/disciplinary-actions/${id}`);
  const actionAs = (api: Api, id: string, test: (a: Action) => boolean, what: string) => until(async () => {
    const a = await readAs(api, id);
    return test(a) ? a : undefined;
  }, what, 30_000);

  it('two verbal warnings signed on a phone; a third becomes 书面警告, refused, witnessed, appealed and upheld (the two count again); a final warning, then a dismissal approved by four in 待我审批; the agent is 已辞退 with an offboarding (辞退)', async () => {
    const runtime = harness.runtime;
    const { agent, lead, supervisor, witnesses } = await cast(runtime);

    // 1. The team lead records two verbal warnings in 记录违纪; the agent signs each on a phone, by finger.
    const leadPage = await signedIn(lead);
    const phone = await signedIn(agent, PHONE);
    const first = await recordInDialog(leadPage, agent, 'V02', 'verbal', '上班迟到 20 分钟');
    expect(first.said).toContain('将按 口头警告 处理');
    await agentSigns(phone, first.id);
    const second = await recordInDialog(leadPage, agent, 'V02', 'verbal', '上班迟到 15 分钟，未提前请假');
    expect(second.said).toContain('将按 口头警告 处理');
    await agentSigns(phone, second.id);

    // 2. A third verbal-grade violation: 书面警告 before saving, with the rule and the two counted; its page cites them.
    const written = await recordInDialog(leadPage, agent, 'V05', 'written', '工作时间擅离岗位 30 分钟，经班组长提醒后仍未回到座位');
    expect(written.said).toContain('将按 书面警告 处理：受3次口头警告等同一次书面警告');
    expect(written.said).toContain('合并计算 2 条此前的警告');
    await leadPage.getByRole('heading', { level: 1, name: /处罚单：.*（书面警告）/ }).waitFor();
    expect(await leadPage.getByTestId('discipline-rule').innerText()).toContain('受3次口头警告等同一次书面警告');
    const counted = leadPage.getByTestId('discipline-counted').getByRole('link');
    await expect.poll(() => counted.count()).toBe(2);
    expect((await Promise.all((await counted.all()).map((link) => link.getAttribute('href')))).sort()).toEqual([`#/disciplinary-actions/${first.id}/show`, `#/disciplinary-actions/${second.id}/show`].sort());
    const leadApi = await apiAs(runtime, lead);
    expect(await readAs(leadApi, written.id)).toMatchObject({ level: 'written', counted: [first.id, second.id] });
    expect((await readAs(leadApi, first.id)).rolledUpInto).toBe(written.id);

    // 3. The agent refuses it; the team lead names two witnesses; each signs in and signs.
    await openUntil(phone, written.id, phone.getByRole('button', { name: '拒绝签收' }));
    await phone.getByRole('button', { name: '拒绝签收' }).click();
    const refuse = phone.getByRole('dialog');
    await refuse.getByRole('textbox', { name: '拒签理由' }).fill('我当时是去处理住户的紧急报修');
    await refuse.getByRole('button', { name: '确认拒签' }).click();
    await phone.getByTestId('discipline-refusal').getByText(/紧急报修/).waitFor();
    expect(await status(phone)).toBe('待签收');

    await openUntil(leadPage, written.id, leadPage.getByRole('button', { name: '指定见证人' }));
    await leadPage.getByRole('button', { name: '指定见证人' }).click();
    const naming = leadPage.getByRole('dialog');
    const picker = naming.getByRole('combobox', { name: '见证人' });
    for (const witness of witnesses) {
      await picker.fill(witness.name);
      await leadPage.getByRole('option', { name: new RegExp(witness.name) }).first().click();
    }
    await naming.getByRole('button', { name: '保存' }).click();
    await naming.waitFor({ state: 'detached' });
    await leadPage.getByText(new RegExp(`见证人：.*${witnesses[0].name}`)).waitFor();

    for (const [i, witness] of witnesses.entries()) {
      const page = await signedIn(witness);
      const section = page.getByTestId('discipline-sign');
      await openUntil(page, written.id, page.getByTestId('witness-pad'));
      await section.getByText(/拒绝签收本处罚单/).waitFor();
      await draw(page, padOf(page, 'witness'), 'mouse');
      await section.getByRole('button', { name: '确认签名' }).click();
      await page.getByText('已见证签字。').waitFor();
      if (i === 1) await expect.poll(() => status(page), { timeout: 15_000 }).toBe('申诉期');
    }
    const served = await actionAs(leadApi, written.id, (a) => a.status === 'appeal_window' && !!a.appealLastDay, 'the written warning served by the witnesses');

    // 4. On the last day of the appeal window (the clock moved there, company time) the agent appeals;
    // the issuer's superior upholds it in 待我审批. Everyone signs in again: the sessions have aged.
    await clock.advance(Date.parse(`${served.appealLastDay}T10:00:00+08:00`) - runtime.now().getTime());
    const phone2 = await signedIn(agent, PHONE);
    await openUntil(phone2, written.id, phone2.getByRole('button', { name: '申诉' }));
    await phone2.getByRole('button', { name: '申诉' }).click();
    const appeal = phone2.getByRole('dialog');
    await appeal.getByTestId('appeal-deadline').getByText(new RegExp(`申诉截止：`)).waitFor();
    await appeal.getByRole('textbox', { name: '申诉理由' }).fill('离岗是去处理住户的紧急报修，有工单为证');
    await appeal.getByRole('button', { name: '提交申诉' }).click();
    await expect.poll(() => status(phone2), { timeout: 15_000 }).toBe('申诉处理中');
    await phone2.getByTestId('discipline-appeal').getByText(/有工单为证/).waitFor();

    const hrApi = await apiAs(runtime, demoLogins(runtime, 'hr')[0]!);
    const appealed = await actionAs(hrApi, written.id, (a) => a.status === 'under_appeal', 'under appeal');
    expect(appealed.appeal?.reviewerNames).toEqual([supervisor.name]);
    const review = await asked(runtime, 'supervisor', written.id, 'appeal_review');
    expect(review.login.email).toBe(supervisor.email);
    // 同意 here is 支持申诉（撤销处罚）(docs/console-discipline.md: the appeal's answer is an ordinary approval).
    await approveInInbox(supervisor, review.task, agent.name, '申诉成立：有报修工单为证，撤销处罚');
    const voided = await actionAs(hrApi, written.id, (a) => a.status === 'voided', 'the written warning voided');
    expect(voided.voided?.restored.sort()).toEqual([first.id, second.id].sort());

    const lead2 = await signedIn(lead);
    await lead2.goto(showUrl(written.id));
    await expect.poll(() => status(lead2), { timeout: 15_000 }).toBe('已撤销');
    // The agent's 违纪记录: the two verbal warnings count again (重新计入), neither says 已合并; the written warning is 已撤销.
    await lead2.goto(`${runtime.url}/#/employees/${agent.employeeId}/show`);
    const history = lead2.locator('section[aria-labelledby="discipline-title"]');
    await history.getByRole('heading', { name: '违纪记录' }).waitFor();
    for (const { id } of [first, second]) {
      const row = history.locator(`tr[data-action="${id}"]`);
      await row.getByText(/重新计入/).waitFor();
      expect(await row.innerText()).not.toContain('已合并');
    }
    await history.locator(`tr[data-action="${written.id}"]`).getByText(/已撤销/).first().waitFor();

    // 5. A final warning (F04), which the agent signs; then another violation → a dismissal proposal, before saving.
    const final = await recordInDialog(lead2, agent, 'F04', 'final', '当班期间消极怠工，来电接起率低于 50%');
    expect(final.said).toContain('将按 最后警告 处理');
    await agentSigns(phone2, final.id);
    const dismissal = await recordInDialog(lead2, agent, 'V02', 'dismissal', '最后警告期间再次迟到 40 分钟');
    expect(dismissal.said).toContain('辞退须依次经 主管审批 → 客服经理审批 → 人力资源部审核 → 总经理审批');
    await expect.poll(() => status(lead2), { timeout: 15_000 }).toBe('辞退审批中');
    expect(await readAs(hrApi, dismissal.id)).toMatchObject({ level: 'dismissal', status: 'dismissal_pending', counted: [final.id] });

    // 6. The dismissal's four approvers, each signed in, in 待我审批; each one's mail says to sign in and has no decision link.
    const proposal = `${dismissal.id}d`;
    const catcher = mailOf(runtime);
    for (const [role, step] of [['supervisor', 'supervisor'], ['cs_manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) {
      const { login, task } = await asked(runtime, role, proposal, step);
      const mail = await until(async () => (await inbox(catcher, login.email)).find((m) => /辞退/.test(m.subject) && m.subject.includes(agent.name)), `${role}'s mail about the dismissal`, 30_000);
      expect(mail.text).not.toMatch(DECISION_LINK);
      expect(mail.html).not.toMatch(DECISION_LINK);
      expect(mail.text).toContain('须登录系统后处理，不能通过邮件决定');
      await approveInInbox(login, task, agent.name, `同意辞退（${role}）`, true);
    }

    // 7. 已辞退; 查看离职办理 opens the agent's offboarding, reason 辞退; the agent's file lists it.
    const done = await actionAs(hrApi, dismissal.id, (a) => a.status === 'dismissed' && !!a.dismissal?.offboardingId, 'dismissed with an offboarding');
    const offboarding = await hrApi<Offboarding>(`/offboardings/${done.dismissal!.offboardingId}`);
    expect(offboarding).toMatchObject({ reason: 'dismissal', employeeId: agent.employeeId });
    const hrPage = await signedIn(demoLogins(runtime, 'hr')[0]!);
    await hrPage.goto(showUrl(dismissal.id));
    await expect.poll(() => status(hrPage), { timeout: 15_000 }).toBe('已辞退');
    await hrPage.getByTestId('discipline-state').getByRole('link', { name: '查看离职办理' }).click();
    await hrPage.waitForURL(new RegExp(`#/offboardings/${offboarding.id}/show$`));
    await hrPage.getByRole('heading', { name: `离职办理：${agent.name}` }).waitFor();
    await hrPage.goto(`${runtime.url}/#/employees/${agent.employeeId}/show`);
    const offboardings = hrPage.locator('section[aria-labelledby="offboardings-title"]');
    await offboardings.getByRole('heading', { name: '离职办理' }).waitFor();
    await offboardings.getByRole('row').filter({ hasText: '辞退' }).first().waitFor();
  }, 600_000);
});
