/**
 * The pages behind an emailed approve/reject link. GET renders the confirmation form and
 * changes nothing (mail scanners prefetch links); the form's POST, to the same URL, decides.
 * Fields posted (application/x-www-form-urlencoded): `token`, `decision`, `comment`, and
 * each extra field by name.
 */
import { escapeHtml, safeUrl, type Lang, type Rows } from '../../email/render.js';
import { renderPage, renderRows } from './page-layout.js';

export { renderLinkProblem, linkProblemStatus, type LinkProblem, type LinkProblemReason } from './link-problem.js';
export { LINK_PAGE_HEADERS } from './page-layout.js';

export type DecisionAction = 'approve' | 'reject';
export type DecisionOutcome = 'approved' | 'rejected';

/** The server should refuse longer comments with the same limit. */
export const COMMENT_MAX_LENGTH = 2000;

/** A field of the step's spec (step-spec.ts) as the form shows it. */
export interface DecisionExtraField {
  /** Form field name: letters, digits and `_`; not token, decision or comment. */
  name: string;
  label: string;
  type: 'integer' | 'number' | 'text' | 'date' | 'choice';
  required: boolean;
  min?: number;
  max?: number;
  options?: readonly { value: string; label: string }[];
}

export interface DecisionFormInput {
  lang: Lang;
  /** The signed link, posted back in a hidden field. */
  token: string;
  action: DecisionAction;
  requestTitle: string;
  stepLabel: string;
  summary: Rows;
  approverName: string;
  /** A rejection needs a reason. */
  commentRequired: boolean;
  /** e.g. the three probation scores of the supervisor's step; required number inputs. */
  extraFields?: readonly DecisionExtraField[];
  /** A message to show after a failed POST, already in `lang`. */
  error?: string;
  /** What the approver typed, kept across a failed POST. */
  values?: Readonly<Record<string, string>>;
  /** The request in the console. */
  openUrl: string;
}

const W = {
  'zh-CN': {
    verb: { approve: '批准', reject: '驳回' },
    acting: (name: string, action: DecisionAction) => `您正在以 ${name} 的身份${action === 'approve' ? '批准' : '驳回'}此审批环节。`,
    comment: '审批意见', required: '（必填）', optional: '（选填）',
    final: '提交后不可撤回。', open: '在系统中打开', failed: '提交未成功：',
    doneTitle: { approved: '已批准', rejected: '已驳回' },
    done: (outcome: DecisionOutcome, title: string, step: string) =>
      `您已${outcome === 'approved' ? '批准' : '驳回'}「${title}」的「${step}」环节，可以关闭此页面。`,
  },
  en: {
    verb: { approve: 'Approve', reject: 'Reject' },
    acting: (name: string, action: DecisionAction) => `You are about to ${action} this step as ${name}.`,
    comment: 'Comment', required: '(required)', optional: '(optional)',
    final: 'This cannot be undone once submitted.', open: 'Open in the console', failed: 'Not submitted: ',
    doneTitle: { approved: 'Approved', rejected: 'Rejected' },
    done: (outcome: DecisionOutcome, title: string, step: string) =>
      `You ${outcome} the “${step}” step of “${title}”. You can close this page.`,
  },
} as const;

const RESERVED = new Set(['token', 'decision', 'comment']);

export function renderDecisionForm(f: DecisionFormInput): string {
  const w = W[f.lang];
  const verb = w.verb[f.action];
  const values = f.values ?? {};
  const extra = (f.extraFields ?? []).map((x) => {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(x.name) || RESERVED.has(x.name)) throw new Error(`bad extra field name ${JSON.stringify(x.name)}`);
    const label = `<label for="f-${x.name}">${escapeHtml(x.label)} <span class="req">${escapeHtml(x.required ? w.required : w.optional)}</span></label>`;
    const required = x.required ? ' required' : '';
    const value = escapeHtml(values[x.name] ?? '');
    const range = `${x.min === undefined ? '' : ` min="${escapeHtml(String(x.min))}"`}${x.max === undefined ? '' : ` max="${escapeHtml(String(x.max))}"`}`;
    switch (x.type) {
      case 'integer':
      case 'number':
        return `${label}\n<input type="number" id="f-${x.name}" name="${x.name}"${range} step="${x.type === 'integer' ? '1' : 'any'}" inputmode="decimal"${required} value="${value}">`;
      case 'date':
        return `${label}\n<input type="date" id="f-${x.name}" name="${x.name}"${required} value="${value}">`;
      case 'text':
        return `${label}\n<textarea id="f-${x.name}" name="${x.name}" rows="3" maxlength="${COMMENT_MAX_LENGTH}"${required}>${value}</textarea>`;
      case 'choice':
        return `${label}\n<select id="f-${x.name}" name="${x.name}"${required}><option value=""></option>${(x.options ?? []).map((o) => `<option value="${escapeHtml(o.value)}"${values[x.name] === o.value ? ' selected' : ''}>${escapeHtml(o.label)}</option>`).join('')}</select>`;
    }
  });
  const required = f.commentRequired ? ' required' : '';
  const body = `<h1>${escapeHtml(f.requestTitle)}</h1>
<p class="step">${escapeHtml(f.stepLabel)}</p>
${f.error ? `<div class="error" role="alert"><strong>${escapeHtml(w.failed)}</strong>${escapeHtml(f.error)}</div>` : ''}
<p>${escapeHtml(w.acting(f.approverName, f.action))}</p>
${renderRows(f.summary)}
<form method="post" enctype="application/x-www-form-urlencoded" autocomplete="off">
<input type="hidden" name="token" value="${escapeHtml(f.token)}">
<input type="hidden" name="decision" value="${f.action}">
${extra.join('\n')}
<label for="f-comment">${escapeHtml(w.comment)} <span class="req">${escapeHtml(f.commentRequired ? w.required : w.optional)}</span></label>
<textarea id="f-comment" name="comment" maxlength="${COMMENT_MAX_LENGTH}"${required}>${escapeHtml(values.comment ?? '')}</textarea>
<div class="actions"><button type="submit" class="${f.action}">${escapeHtml(verb)}</button><a href="${escapeHtml(safeUrl(f.openUrl, true))}">${escapeHtml(w.open)}</a></div>
<p class="muted">${escapeHtml(w.final)}</p>
</form>`;
  return renderPage(f.lang, `${verb} · ${f.requestTitle}`, body);
}

export interface DecisionResultInput {
  lang: Lang;
  outcome: DecisionOutcome;
  requestTitle: string;
  stepLabel: string;
  openUrl: string;
}

export function renderDecisionResult(r: DecisionResultInput): string {
  const w = W[r.lang];
  const body = `<h1>${escapeHtml(w.doneTitle[r.outcome])}</h1>
<p class="step">${escapeHtml(r.requestTitle)} — ${escapeHtml(r.stepLabel)}</p>
<p>${escapeHtml(w.done(r.outcome, r.requestTitle, r.stepLabel))}</p>
<p><a href="${escapeHtml(safeUrl(r.openUrl, true))}">${escapeHtml(w.open)}</a></p>`;
  return renderPage(r.lang, w.doneTitle[r.outcome], body);
}
