/**
 * The one place mail HTML is built. Templates describe a message as plain strings (greeting,
 * paragraphs, label/value rows, buttons); this layout escapes every one of them, so a
 * template cannot forget to. Mail clients strip <style> and block images and scripts: inline
 * CSS only, buttons are plain links, and the text part says the same as the HTML part.
 */
import type { OutgoingMail } from './mailer.js';

export type Lang = 'zh-CN' | 'en';
export type MailContent = Omit<OutgoingMail, 'to'>;
export type Rows = readonly (readonly [label: string, value: string])[];

export const COMPANY_TIME_ZONE = 'Asia/Shanghai';

export interface MailButton { label: string; url: string; kind: 'primary' | 'danger' | 'secondary' }

export interface MailBody {
  lang: Lang;
  heading: string;
  greeting: string;
  paragraphs: readonly string[];
  rows?: Rows;
  quote?: { label: string; text: string };
  buttons: readonly MailButton[];
  notes?: readonly string[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return String(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/**
 * An href we are willing to print: absolute http(s), or (pages only) a same-origin path.
 * Anything else (`javascript:`, `data:`, `//evil`) is a bug in the caller, so it throws.
 */
export function safeUrl(url: string, allowPath = false): string {
  if (allowPath && /^\/(?![/\\])/.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not an absolute URL: ${JSON.stringify(url.slice(0, 80))}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`refusing a ${parsed.protocol} link`);
  return url;
}

/** Subjects are one line: a CR/LF from a name must not reach a mail header. */
export function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * "2026年11月24日 10:00" / "24 Nov 2026, 10:00 (GMT+8)" in the company time zone. Times are
 * stored in UTC; people read them in the company's zone (ARCHITECTURE.md). An unparseable
 * value is shown as given rather than failing the whole message.
 */
export function formatDateTime(iso: string, lang: Lang, timeZone = COMPANY_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZoneName: 'shortOffset',
  }).formatToParts(date);
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  const [y, m, d, hm] = [p('year'), Number(p('month')), Number(p('day')), `${p('hour')}:${p('minute')}`];
  if (lang === 'zh-CN') return `${y}年${m}月${d}日 ${hm}`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return `${d} ${month} ${y}, ${hm} (${p('timeZoneName')})`;
}

const FOOTER: Record<Lang, string> = { 'zh-CN': '此邮件由客服部管理系统自动发送', en: 'Sent by the CS Department system' };
const SEP: Record<Lang, string> = { 'zh-CN': '：', en: ': ' };
const BRAND: Record<Lang, string> = { 'zh-CN': '客服部管理系统', en: 'CS Department' };

const FONT = `font-family:-apple-system,'PingFang SC','Microsoft YaHei',Arial,sans-serif`;
const BUTTON_COLOURS: Record<MailButton['kind'], string> = {
  primary: 'background:#1565c0;color:#ffffff;border:1px solid #1565c0',
  danger: 'background:#c62828;color:#ffffff;border:1px solid #c62828',
  secondary: 'background:#ffffff;color:#1565c0;border:1px solid #1565c0',
};

/** Multi-line text (a comment) keeps its line breaks. */
const block = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

export function renderEmail(subject: string, body: MailBody): MailContent {
  const { lang } = body;
  const buttons = body.buttons.map((b) => ({ ...b, url: safeUrl(b.url) }));
  const rows = body.rows ?? [];
  const notes = body.notes ?? [];

  const rowsHtml = rows.length === 0 ? '' :
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin:16px 0;font-size:14px">${rows
      .map(([label, value]) => `<tr><td style="padding:6px 12px 6px 0;color:#57606a;white-space:nowrap;vertical-align:top;border-bottom:1px solid #eaeef2">${escapeHtml(label)}</td><td style="padding:6px 0;color:#1f2328;border-bottom:1px solid #eaeef2">${block(value)}</td></tr>`)
      .join('')}</table>`;
  const quoteHtml = body.quote
    ? `<p style="margin:16px 0 4px;color:#57606a;font-size:14px">${escapeHtml(body.quote.label)}</p><blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d0d7de;background:#f6f8fa;color:#1f2328">${block(body.quote.text)}</blockquote>`
    : '';
  const buttonsHtml = buttons.length === 0 ? '' :
    `<p style="margin:24px 0">${buttons
      .map((b) => `<a href="${escapeHtml(b.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 20px;border-radius:4px;text-decoration:none;font-weight:600;font-size:15px;${BUTTON_COLOURS[b.kind]}">${escapeHtml(b.label)}</a>`)
      .join('')}</p>`;
  const para = (t: string, style = 'margin:0 0 12px') => `<p style="${style}">${block(t)}</p>`;

  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(oneLine(subject))}</title></head>
<body style="margin:0;padding:0;background:#f6f8fa;${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f8fa"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #d0d7de;border-radius:6px">
<tr><td style="background:#1565c0;color:#ffffff;padding:12px 24px;font-size:14px;border-radius:6px 6px 0 0">${escapeHtml(BRAND[lang])}</td></tr>
<tr><td style="padding:24px;color:#1f2328;font-size:15px;line-height:1.6">
<h1 style="margin:0 0 16px;font-size:18px">${escapeHtml(body.heading)}</h1>
${para(body.greeting)}${body.paragraphs.map((t) => para(t)).join('')}${rowsHtml}${quoteHtml}${buttonsHtml}${notes.map((t) => para(t, 'margin:0 0 8px;color:#57606a;font-size:13px')).join('')}
</td></tr>
<tr><td style="padding:12px 24px;border-top:1px solid #eaeef2;color:#8c959f;font-size:12px">${escapeHtml(FOOTER[lang])}</td></tr>
</table></td></tr></table></body></html>`;

  const text = [
    body.heading,
    '',
    body.greeting,
    '',
    ...body.paragraphs.flatMap((t) => [t, '']),
    ...(rows.length ? [...rows.map(([label, value]) => `${label}${SEP[lang]}${value}`), ''] : []),
    ...(body.quote ? [`${body.quote.label}${SEP[lang]}`, ...body.quote.text.split(/\r?\n/).map((l) => `> ${l}`), ''] : []),
    ...(buttons.length ? [...buttons.map((b) => `${b.label}${SEP[lang]}${b.url}`), ''] : []),
    ...(notes.length ? [...notes, ''] : []),
    '-- ',
    FOOTER[lang],
  ].join('\n');

  return { subject: oneLine(subject), html, text };
}
