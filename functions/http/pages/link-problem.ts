/**
 * Why an approval link no longer works, in words the approver can act on — and, when the
 * task was already decided, who decided it and when.
 */
import { escapeHtml, formatDateTime, safeUrl, type Lang } from '../../email/render.js';
import { renderPage } from './page-layout.js';

export type LinkProblemReason = 'tampered' | 'malformed' | 'expired' | 'used' | 'superseded' | 'withdrawn' | 'returned' | 'waiting' | 'not_found' | 'signed_in_only';

export interface LinkProblem {
  lang: Lang;
  reason: LinkProblemReason;
  /** For 'used': the decider's display name. */
  decidedBy?: string;
  /** For 'used': UTC ISO-8601, shown in the company time zone. */
  decidedAt?: string;
  decision?: 'approve' | 'reject';
  openUrl?: string;
}

/** A status for each reason; the page explains itself either way. */
export function linkProblemStatus(reason: LinkProblemReason): 400 | 403 | 404 | 409 | 410 {
  switch (reason) {
    case 'signed_in_only':
      return 403;
    case 'tampered':
    case 'malformed':
      return 400;
    case 'not_found':
      return 404;
    case 'used':
    case 'waiting':
      return 409;
    default:
      return 410;
  }
}

type Words = Record<Exclude<LinkProblemReason, 'used' | 'returned'>, { title: string; text: string }> & {
  used: { title: string; text: (p: LinkProblem) => string };
  returned: { title: string; text: (p: LinkProblem) => string };
  open: string;
};

const W: Record<Lang, Words> = {
  'zh-CN': {
    tampered: { title: '链接无效', text: '此链接不完整或已被改动，无法使用。请从原邮件重新打开，或登录系统处理。' },
    malformed: { title: '链接无法识别', text: '此链接格式不正确，可能在复制或转发时被截断。请从原邮件重新打开，或登录系统处理。' },
    expired: { title: '链接已过期', text: '此审批链接已过期。如审批仍待处理，请登录系统处理。' },
    used: {
      title: '此审批已处理',
      text: (p) => {
        const verb = p.decision === 'approve' ? '通过' : p.decision === 'reject' ? '驳回' : '处理';
        const by = p.decidedBy ? `由 ${p.decidedBy} ` : '';
        const at = p.decidedAt ? `于 ${formatDateTime(p.decidedAt, 'zh-CN')} ` : '';
        return `此审批已${by}${at}${verb}，此链接不能再次使用。`;
      },
    },
    superseded: { title: '审批已转交', text: '此审批已转交给其他审批人，您收到的链接已失效，无需再处理。' },
    withdrawn: { title: '申请已撤回', text: '申请人已撤回此申请，无需再审批。' },
    returned: {
      title: '申请已退回',
      text: (p) => `此申请已${p.decidedBy ? `由 ${p.decidedBy} ` : ''}${p.decidedAt ? `于 ${formatDateTime(p.decidedAt, 'zh-CN')} ` : ''}退回，此链接已失效。重新轮到您时会另发邮件。`,
    },
    waiting: { title: '请稍候', text: '您已加签其他人先审批，他们处理后会再发邮件通知您，届时请使用新邮件中的链接。' },
    not_found: { title: '找不到此审批', text: '找不到此链接对应的审批，它可能已被删除。' },
    signed_in_only: { title: '请登录系统处理', text: '此环节不可撤销，只能在登录系统后决定，不能通过邮件链接处理。请点击下方链接登录后处理。' },
    open: '在系统中打开',
  },
  en: {
    tampered: { title: 'Invalid link', text: 'This link is incomplete or has been altered, so it cannot be used. Open it again from the original email, or sign in to the console.' },
    malformed: { title: 'Unrecognised link', text: 'This link is not in the expected format; it may have been cut off when copied or forwarded. Open it again from the original email, or sign in to the console.' },
    expired: { title: 'Link expired', text: 'This approval link has expired. If the approval is still pending, sign in to the console to decide.' },
    used: {
      title: 'Already decided',
      text: (p) => {
        const verb = p.decision === 'approve' ? 'approved' : p.decision === 'reject' ? 'rejected' : 'decided';
        const by = p.decidedBy ? ` by ${p.decidedBy}` : '';
        const at = p.decidedAt ? ` on ${formatDateTime(p.decidedAt, 'en')}` : '';
        return `Already ${verb}${by}${at}. This link cannot be used again.`;
      },
    },
    superseded: { title: 'Approval transferred', text: 'This approval was transferred to another approver, so your link no longer works and nothing more is needed from you.' },
    withdrawn: { title: 'Request withdrawn', text: 'The request was withdrawn, so there is nothing to decide.' },
    returned: {
      title: 'Request returned',
      text: (p) => `The request was returned${p.decidedBy ? ` by ${p.decidedBy}` : ''}${p.decidedAt ? ` on ${formatDateTime(p.decidedAt, 'en')}` : ''}, so this link no longer works. If it comes back to you, you will get a new email.`,
    },
    waiting: { title: 'Not your turn yet', text: 'People were added to decide before you. You will get a new email when it is your turn; use the link in that email.' },
    not_found: { title: 'Approval not found', text: 'No approval matches this link; it may have been deleted.' },
    signed_in_only: { title: 'Sign in to decide', text: 'This step cannot be undone, so it is decided only when signed in to the console, not from an emailed link. Use the link below to sign in and decide.' },
    open: 'Open in the console',
  },
};

export function renderLinkProblem(p: LinkProblem): string {
  const w = W[p.lang];
  const { title, text } = p.reason === 'used' || p.reason === 'returned' ? { title: w[p.reason].title, text: w[p.reason].text(p) } : w[p.reason];
  const open = p.openUrl ? `<p><a href="${escapeHtml(safeUrl(p.openUrl, true))}">${escapeHtml(w.open)}</a></p>` : '';
  return renderPage(p.lang, title, `<h1>${escapeHtml(title)}</h1>
<p data-reason="${p.reason}">${escapeHtml(text)}</p>
${open}`);
}
