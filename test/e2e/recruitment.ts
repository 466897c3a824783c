import type { Page } from 'playwright-core';
import type { MailCatcher } from '../../infra/local/mail-catcher.js';
import type { LocalRuntime } from '../../infra/local/runtime.js';

/** What the recruitment browser tests share: the runtime's mail catcher, and 添加候选人 on an opening. */

/** The runtime's mail catcher, as test/support/mail.ts reads it (maildev's JSON API). */
export function mailOf(runtime: LocalRuntime): MailCatcher {
  if (!runtime.mailUrl) throw new Error('the runtime has no mail catcher (it was given an SMTP server)');
  return { webUrl: runtime.mailUrl } as MailCatcher;
}

export interface CandidateInput {
  name: string;
  phone: string;
  email?: string;
  /** The source's zh-CN label (the recruitment policy's). */
  source?: string;
}

/**
 * 添加候选人 on a requisition's page with its opening open: fills the dialog and presses 添加.
 * The caller waits for what follows (the dialog closing, or an input's error).
 */
export async function addCandidate(page: Page, candidate: CandidateInput): Promise<void> {
  await page.getByRole('button', { name: '添加候选人' }).click();
  const form = page.getByRole('dialog', { name: '添加候选人' });
  await form.getByRole('textbox', { name: '姓名' }).fill(candidate.name);
  await form.getByRole('textbox', { name: '手机' }).fill(candidate.phone);
  if (candidate.email) await form.getByRole('textbox', { name: '邮箱' }).fill(candidate.email);
  await form.getByRole('combobox', { name: '来源' }).click();
  await page.getByRole('option', { name: candidate.source ?? 'BOSS直聘' }).click();
  await form.getByRole('button', { name: '添加', exact: true }).click();
}
