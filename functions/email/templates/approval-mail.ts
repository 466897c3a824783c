/**
 * What every mail about a pending approval step shares: the data, the subject shape
 * (`【tag】title — step`) and the body (request facts, then the buttons). The labels in the
 * data (requestTitle, stepLabel, summary) arrive already in the recipient's language.
 */
import { formatDateTime, type Lang, type MailBody, type MailButton, type Rows } from '../render.js';

export interface ApprovalMailData {
  approverName: string;
  /** e.g. '转正评审：张三' / 'Probation review: 张三' */
  requestTitle: string;
  requestKindLabel: string;
  stepLabel: string;
  requesterName: string;
  /** UTC ISO-8601; shown in the company time zone. */
  dueAt: string;
  /** e.g. [['工号', 'E0012'], ['岗位', '在线客服'], ['加权得分', '86.5']] */
  summary: Rows;
  /** Signed links (security/links.ts) for this approver; they open a confirmation page. */
  approveUrl: string;
  rejectUrl: string;
  /** The request in the console. */
  openUrl: string;
  /** A step decided only when signed in (an irreversible one): the mail links to the console, not to a decision form. */
  signedInOnly?: boolean;
}

export function approvalSubject(tag: Record<Lang, string>, d: { requestTitle: string; stepLabel: string }, lang: Lang): string {
  return lang === 'zh-CN' ? `【${tag[lang]}】${d.requestTitle} — ${d.stepLabel}` : `[${tag[lang]}] ${d.requestTitle} — ${d.stepLabel}`;
}

const WORDS = {
  'zh-CN': {
    hello: (name: string) => `${name}，您好：`,
    kind: '类型', step: '审批环节', requester: '发起人', approver: '当前审批人', due: '处理期限',
    approve: '批准', reject: '驳回', open: '在系统中查看',
    linksNote: '批准、驳回链接仅供您本人使用，请勿转发此邮件。点击后会先打开确认页面，确认提交后才生效。',
    signedInNote: '此环节不可撤销，须登录系统后处理，不能通过邮件决定。',
  },
  en: {
    hello: (name: string) => `Hello ${name},`,
    kind: 'Type', step: 'Step', requester: 'Requested by', approver: 'Current approver', due: 'Due',
    approve: 'Approve', reject: 'Reject', open: 'Open in the console',
    linksNote: 'The Approve and Reject links are for you only; please do not forward this email. Each opens a confirmation page; nothing is decided until you confirm there.',
    signedInNote: 'This step cannot be undone, so it is decided only when signed in to the console, not from this email.',
  },
} as const;

interface BodyOptions {
  greet: string;
  paragraphs: string[];
  /** Omitted for mail to someone the signed links are not bound to (an escalation). */
  decisionLinks: boolean;
  showApprover?: boolean;
  quote?: { label: string; text: string };
}

export function approvalBody(
  d: Omit<ApprovalMailData, 'approveUrl' | 'rejectUrl'> & Partial<Pick<ApprovalMailData, 'approveUrl' | 'rejectUrl'>>,
  lang: Lang,
  o: BodyOptions,
): MailBody {
  const w = WORDS[lang];
  const rows: [string, string][] = [
    [w.kind, d.requestKindLabel],
    [w.step, d.stepLabel],
    [w.requester, d.requesterName],
    ...(o.showApprover ? [[w.approver, d.approverName] as [string, string]] : []),
    [w.due, formatDateTime(d.dueAt, lang)],
    ...d.summary.map(([label, value]) => [label, value] as [string, string]),
  ];
  const buttons: MailButton[] = [];
  const links = o.decisionLinks && !d.signedInOnly;
  if (links) {
    if (!d.approveUrl || !d.rejectUrl) throw new Error('approval mail needs approveUrl and rejectUrl');
    buttons.push({ label: w.approve, url: d.approveUrl, kind: 'primary' }, { label: w.reject, url: d.rejectUrl, kind: 'danger' });
  }
  buttons.push({ label: w.open, url: d.openUrl, kind: 'secondary' });
  return {
    lang,
    heading: `${d.requestTitle} — ${d.stepLabel}`,
    greeting: w.hello(o.greet),
    paragraphs: o.paragraphs,
    rows,
    ...(o.quote ? { quote: o.quote } : {}),
    buttons,
    notes: links ? [w.linksNote] : d.signedInOnly ? [w.signedInNote] : [],
  };
}
