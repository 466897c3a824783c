import { describe, expect, it } from 'vitest';
import {
  LINK_PAGE_HEADERS, renderDecisionForm, renderDecisionResult, type DecisionFormInput,
} from '../../../../functions/http/pages/decision-page.js';

const EVIL = '<script>alert("x")</script>';

const form = (over: Partial<DecisionFormInput> = {}): DecisionFormInput => ({
  lang: 'zh-CN',
  token: 'eyJ2IjoxfQ.c2lnbmF0dXJl',
  action: 'approve',
  requestTitle: '转正评审：张三',
  stepLabel: '主管评估',
  summary: [['工号', 'E0012'], ['加权得分', '86.5']],
  approverName: '李四',
  commentRequired: false,
  openUrl: 'https://cs.example.com/#/approvals/task_01',
  ...over,
});

/** The opening tag of the element with this name attribute. */
const tag = (html: string, name: string) => html.match(new RegExp(`<(?:input|textarea|select)[^>]*name="${name}"[^>]*>`))?.[0] ?? '';

describe('the decision confirmation page', () => {
  it('is a full, mobile-friendly document with no script at all and nothing that submits by itself', () => {
    const html = renderDecisionForm(form({ extraFields: [{ name: 'attitude', label: '工作态度', type: 'number', required: true, min: 0, max: 100 }] }));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/http-equiv="refresh"|autofocus|<(img|link|iframe)\b/i);
    expect(html).not.toMatch(/src=|url\(/);
  });

  it('posts the token and the decision back in hidden fields to the same URL', () => {
    const html = renderDecisionForm(form({ action: 'reject', commentRequired: true }));
    expect(html).toMatch(/<form method="post" enctype="application\/x-www-form-urlencoded"/);
    expect(html).not.toMatch(/<form[^>]*action=/);
    expect(tag(html, 'token')).toBe('<input type="hidden" name="token" value="eyJ2IjoxfQ.c2lnbmF0dXJl">');
    expect(tag(html, 'decision')).toBe('<input type="hidden" name="decision" value="reject">');
    expect(html).toMatch(/<button type="submit" class="reject">驳回<\/button>/);
    expect(html).toContain('href="https://cs.example.com/#/approvals/task_01"');
  });

  it('requires a comment when rejecting, and not when approving', () => {
    expect(tag(renderDecisionForm(form({ action: 'reject', commentRequired: true })), 'comment')).toMatch(/\srequired[\s>]/);
    expect(tag(renderDecisionForm(form()), 'comment')).not.toMatch(/required/);
  });

  it('renders each field of the step by its type: numbers with their bounds, whole numbers, dates, choices, text; required ones marked', () => {
    const html = renderDecisionForm(form({
      extraFields: [
        { name: 'attitude', label: '工作态度', type: 'number', required: true, min: 0, max: 100 },
        { name: 'skill', label: '业务能力', type: 'number', required: true, min: 0, max: 100 },
        { name: 'days', label: '天数', type: 'integer', required: false, min: 1, max: 5 },
        { name: 'from', label: '起始日期', type: 'date', required: true },
        { name: 'outcome', label: '结果', type: 'choice', required: false, options: [{ value: 'convert', label: '转正' }, { value: 'end', label: '不予录用' }] },
        { name: 'reason', label: '理由', type: 'text', required: false },
      ],
      values: { skill: '88', outcome: 'end' },
    }));
    for (const name of ['attitude', 'skill']) expect(tag(html, name)).toMatch(/type="number".*step="any".*\srequired/);
    expect(tag(html, 'attitude')).toContain('min="0" max="100"');
    expect(tag(html, 'days')).toMatch(/min="1" max="5" step="1"/);
    expect(tag(html, 'days')).not.toMatch(/required/);
    expect(tag(html, 'skill')).toContain('value="88"');
    expect(tag(html, 'from')).toMatch(/type="date".*required/);
    expect(tag(html, 'outcome')).toMatch(/^<select/);
    expect(html).toContain('<option value="end" selected>不予录用</option>');
    expect(tag(html, 'reason')).toMatch(/^<textarea/);
    expect(html).toContain('<label for="f-days">天数 <span class="req">（选填）</span>');
    expect(html).toContain('<label for="f-attitude">工作态度 <span class="req">（必填）</span>');
  });

  it('refuses an extra field that would shadow token, decision or comment', () => {
    expect(() => renderDecisionForm(form({ extraFields: [{ name: 'token', label: 'x', type: 'number', required: true }] }))).toThrow();
    expect(() => renderDecisionForm(form({ extraFields: [{ name: 'a"b', label: 'x', type: 'number', required: true }] }))).toThrow();
  });

  it('after a failed POST, shows the error and keeps what the approver typed', () => {
    const html = renderDecisionForm(form({ action: 'reject', commentRequired: true, error: '请填写驳回理由', values: { comment: '第一行\n第二行' } }));
    expect(html).toMatch(/<div class="error" role="alert">.*请填写驳回理由/);
    expect(html).toContain('>第一行\n第二行</textarea>');
  });

  it('escapes every value it shows, including the token, the prefilled values and the error', () => {
    const html = renderDecisionForm(form({
      token: `"><script>x</script>`, requestTitle: EVIL, stepLabel: EVIL, approverName: EVIL, summary: [[EVIL, EVIL]],
      error: EVIL, values: { comment: `</textarea>${EVIL}`, score: `"><script>` },
      extraFields: [{ name: 'score', label: EVIL, type: 'number', required: true, min: 0, max: 100 }],
    }));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('speaks English when asked', () => {
    const html = renderDecisionForm(form({ lang: 'en', action: 'approve' }));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('You are about to approve this step as 李四.');
    expect(html).toMatch(/<button type="submit" class="approve">Approve<\/button>/);
    expect(html).toContain('Open in the console');
  });

  it('refuses a console link that is not http(s) or a same-site path', () => {
    expect(() => renderDecisionForm(form({ openUrl: 'javascript:alert(1)' }))).toThrow();
    expect(renderDecisionForm(form({ openUrl: '/#/approvals/task_01' }))).toContain('href="/#/approvals/task_01"');
  });
});

describe('the decision result page', () => {
  it.each([
    ['zh-CN', 'approved', '已批准', '您已批准「转正评审：张三」的「主管评估」环节'],
    ['zh-CN', 'rejected', '已驳回', '您已驳回「转正评审：张三」的「主管评估」环节'],
    ['en', 'approved', 'Approved', 'You approved the “主管评估” step of “转正评审：张三”.'],
    ['en', 'rejected', 'Rejected', 'You rejected the “主管评估” step of “转正评审：张三”.'],
  ] as const)('in %s, says the step was %s', (lang, outcome, title, text) => {
    const html = renderDecisionResult({ lang, outcome, requestTitle: '转正评审：张三', stepLabel: '主管评估', openUrl: 'https://cs.example.com/#/a/1' });
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain(text);
    expect(html).toContain('href="https://cs.example.com/#/a/1"');
    expect(html).not.toMatch(/<script|<form/i);
  });

  it('escapes the title and step', () => {
    const html = renderDecisionResult({ lang: 'en', outcome: 'approved', requestTitle: EVIL, stepLabel: EVIL, openUrl: '/a' });
    expect(html).not.toMatch(/<script/i);
  });
});

describe('the headers the link pages are served with', () => {
  it('forbid caching, referrers, framing and every script', () => {
    expect(LINK_PAGE_HEADERS['Cache-Control']).toBe('no-store');
    expect(LINK_PAGE_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(LINK_PAGE_HEADERS['Content-Security-Policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'/);
  });
});
