/** Reads the mail catcher's JSON API (maildev: GET /api/email) the way a person reads their inbox. */
import { readFile } from 'node:fs/promises';
import type { MailCatcher } from '../../infra/local/mail-catcher.js';

export interface CaughtMail {
  id: string;
  subject: string;
  html: string;
  text: string;
  to: { address: string }[];
  /** maildev's parsed attachments (download: `attachmentText`). */
  attachments?: { filename: string; generatedFileName: string; contentType: string }[];
}

/**
 * The text of a mail's attachment, read from the message as the catcher stored it (its `.eml`,
 * `source`): the MIME part naming the file, decoded from base64 or quoted-printable.
 */
export async function attachmentText(_mail: MailCatcher, m: CaughtMail, fileName: string): Promise<string> {
  if (!m.attachments?.some((x) => x.filename === fileName)) throw new Error(`mail ${m.subject} has no attachment ${fileName}`);
  const raw = await readFile((m as CaughtMail & { source: string }).source, 'utf8');
  const part = raw.split(/\r?\n--[^\r\n]+/).find((p) => p.includes(`filename=${fileName}`) || p.includes(`filename="${fileName}"`));
  if (!part) throw new Error(`no MIME part for ${fileName}`);
  const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export async function inbox(mail: MailCatcher, to: string): Promise<CaughtMail[]> {
  const res = await fetch(`${mail.webUrl}/api/email`);
  const all = (await res.json()) as CaughtMail[];
  return all.filter((m) => m.to.some((t) => t.address.toLowerCase() === to.toLowerCase()));
}

/** Waits until a mail to `to` whose subject matches arrives (real delivery over SMTP). */
export async function waitForMail(mail: MailCatcher, to: string, subject: RegExp, timeoutMs = 15_000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await inbox(mail, to)).find((m) => subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The approve and reject links of an approval mail (from its text part). */
export function decisionLinks(m: CaughtMail): { approve: string; reject: string } {
  // The mail shows the approve button first, then reject.
  const links = [...new Set([...m.text.matchAll(/https?:\/\/\S+?\/a\/[A-Za-z0-9_.-]+/g)].map((x) => x[0]))];
  if (links.length < 2) throw new Error(`expected two decision links in:\n${m.text}`);
  return { approve: links[0]!, reject: links[1]! };
}

export async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
