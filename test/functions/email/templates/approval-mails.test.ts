import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../../functions/email/render.js';
import {
  approvalEscalation, approvalReminder, approvalRequest, approvalTransferred, type ApprovalMailData,
} from '../../../../functions/email/templates/index.js';

const EVIL = '<script>alert("x")</script>';

function approvalData(lang: Lang, over: Partial<ApprovalMailData> = {}): ApprovalMailData {
  const zh = lang === 'zh-CN';
  return {
    approverName: '李四',
    requestTitle: zh ? '转正评审：张三' : 'Probation review: 张三',
    requestKindLabel: zh ? '转正评审' : 'Probation review',
    stepLabel: zh ? '主管评估' : 'Supervisor assessment',
    requesterName: '王五',
    dueAt: '2026-11-23T16:30:00Z',
    summary: zh ? [['工号', 'E0012'], ['岗位', '在线客服'], ['入职日期', '2026-06-01'], ['加权得分', '86.5']]
      : [['Employee no.', 'E0012'], ['Weighted score', '86.5']],
    approveUrl: 'https://cs.example.com/links/approve?t=AAA.bbb',
    rejectUrl: 'https://cs.example.com/links/reject?t=CCC.ddd',
    openUrl: 'https://cs.example.com/#/approvals/task_01',
    ...over,
  };
}

const LANGS: Lang[] = ['zh-CN', 'en'];

describe('the approval request mail', () => {
  it('has the 【待审批】/[Approval needed] subject with title and step', () => {
    expect(approvalRequest(approvalData('zh-CN'), 'zh-CN').subject).toBe('【待审批】转正评审：张三 — 主管评估');
    expect(approvalRequest(approvalData('en'), 'en').subject).toBe('[Approval needed] Probation review: 张三 — Supervisor assessment');
  });

  it.each(LANGS)('in %s, carries approve, reject and console links in both the HTML and the text part', (lang) => {
    const d = approvalData(lang);
    const mail = approvalRequest(d, lang);
    for (const url of [d.approveUrl, d.rejectUrl, d.openUrl]) {
      expect(mail.html).toContain(`href="${url}"`);
      expect(mail.text).toContain(url);
    }
    for (const [label, value] of d.summary) {
      expect(mail.text).toContain(label);
      expect(mail.text).toContain(value);
      expect(mail.html).toContain(value);
    }
  });

  it('shows the due time in Asia/Shanghai: 16:30 UTC is the next morning in China', () => {
    const mail = approvalRequest(approvalData('zh-CN'), 'zh-CN');
    expect(mail.text).toContain('2026年11月24日 00:30');
    expect(mail.html).toContain('2026年11月24日 00:30');
    expect(approvalRequest(approvalData('en'), 'en').text).toContain('24 Nov 2026, 00:30');
  });

  it.each(LANGS)('in %s, escapes every interpolated value in HTML and keeps it intact in text', (lang) => {
    const d = approvalData(lang, {
      approverName: EVIL, requestTitle: EVIL, requestKindLabel: EVIL, stepLabel: EVIL, requesterName: EVIL,
      summary: [[EVIL, EVIL]], approveUrl: 'https://cs.example.com/a?x="><script>',
    });
    const mail = approvalRequest(d, lang);
    expect(mail.html).not.toContain('<script');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.text).toContain(EVIL);
    expect(mail.subject).toContain(EVIL);
  });

  it('refuses a javascript: link rather than mailing it', () => {
    expect(() => approvalRequest(approvalData('zh-CN', { rejectUrl: 'javascript:alert(1)' }), 'zh-CN')).toThrow();
  });
});

describe('a step asked again after 退回', () => {
  const returned = { byName: '王经理', fromStepLabel: '客服经理评估签字', comment: '面试分偏高，请复核' };

  it('says it was returned, by whom, from which step and why (【已退回】)', () => {
    const zh = approvalRequest({ ...approvalData('zh-CN'), returned }, 'zh-CN');
    expect(zh.subject).toBe('【已退回】转正评审：张三 — 主管评估');
    expect(zh.text).toContain('被 王经理 在「客服经理评估签字」环节退回到「主管评估」，需要您重新审批');
    expect(zh.text).toContain('退回原因');
    expect(zh.text).toContain('面试分偏高，请复核');
    const en = approvalRequest({ ...approvalData('en'), returned: { ...returned, fromStepLabel: 'CS manager sign-off' } }, 'en');
    expect(en.subject).toBe('[Returned] Probation review: 张三 — Supervisor assessment');
    expect(en.text).toContain('王经理 returned “Probation review: 张三” at the “CS manager sign-off” step');
  });

  it('to the requester: resubmit in the console, with no approve/reject links', () => {
    const d = approvalData('zh-CN');
    const mail = approvalRequest({ ...d, returned, resubmit: true }, 'zh-CN');
    expect(mail.text).toContain('您发起的「转正评审：张三」被 王经理 在「客服经理评估签字」环节退回，请按意见修改后重新提交');
    expect(mail.text).not.toContain(d.approveUrl);
    expect(mail.text).toContain(d.openUrl);
  });
});

describe('the reminder, escalation and transfer mails', () => {
  const overdueSince = '2026-11-23T16:30:00Z';

  it('a reminder is 【催办】/[Reminder] and says since when the step is overdue (due time reached counts as overdue)', () => {
    const zh = approvalReminder({ ...approvalData('zh-CN'), dueAt: overdueSince, at: overdueSince }, 'zh-CN');
    expect(zh.subject).toBe('【催办】转正评审：张三 — 主管评估');
    expect(zh.text).toContain('自 2026年11月24日 00:30 起已超期');
    const en = approvalReminder({ ...approvalData('en'), dueAt: overdueSince, at: '2026-11-25T08:00:00Z' }, 'en');
    expect(en.subject).toBe('[Reminder] Probation review: 张三 — Supervisor assessment');
    expect(en.text).toContain('overdue since 24 Nov 2026, 00:30');
    expect(en.text).toContain(approvalData('en').approveUrl);
  });

  it('a 催办 before the due time says when the step is due, never “overdue”, and who sent it', () => {
    const dueAt = '2026-11-25T16:30:00Z';
    const early = approvalReminder({ ...approvalData('zh-CN'), dueAt, at: '2026-11-23T16:30:00Z', byName: '王五' }, 'zh-CN');
    expect(early.text).toContain('王五 提醒您');
    expect(early.text).toContain('将于 2 天后到期（2026年11月26日 00:30）');
    expect(early.text).not.toContain('超期');
    const soon = approvalReminder({ ...approvalData('en'), dueAt, at: '2026-11-25T16:00:00Z', byName: 'Wang Wu' }, 'en');
    expect(soon.text).toContain('Wang Wu sent you a reminder');
    expect(soon.text).toContain('due in less than an hour (26 Nov 2026, 00:30');
    expect(soon.text).not.toContain('overdue');
    const hours = approvalReminder({ ...approvalData('zh-CN'), dueAt, at: '2026-11-24T17:00:00Z' }, 'zh-CN');
    expect(hours.text).toContain('将于 23 小时后到期');
  });

  it.each(LANGS)('in %s, an escalation goes to the superior, names the approver and never carries the approver’s signed links', (lang) => {
    const { approveUrl: _a, rejectUrl: _r, ...rest } = approvalData(lang, { approverName: `李四${EVIL}` });
    const mail = approvalEscalation({ ...rest, superiorName: '赵六', overdueSince }, lang);
    expect(mail.subject).toBe(lang === 'zh-CN' ? '【超时上报】转正评审：张三 — 主管评估' : '[Escalation] Probation review: 张三 — Supervisor assessment');
    expect(mail.text).toContain('赵六');
    expect(mail.text).toContain(`李四${EVIL}`);
    expect(mail.html).not.toContain('<script');
    expect(mail.text).toContain(rest.openUrl);
    expect(mail.text).not.toContain('/links/');
    expect(mail.html).not.toContain('/links/');
  });

  it.each(LANGS)('in %s, a transferred approval names who transferred it and quotes their comment', (lang) => {
    const mail = approvalTransferred({ ...approvalData(lang), fromName: '钱七', comment: `出差一周\n${EVIL}` }, lang);
    expect(mail.subject).toMatch(lang === 'zh-CN' ? /^【转交待审批】转正评审：张三 — 主管评估$/ : /^\[Approval transferred to you\] /);
    expect(mail.text).toContain('钱七');
    expect(mail.text).toContain(`> ${EVIL}`);
    expect(mail.html).toContain('出差一周<br>&lt;script&gt;');
    expect(mail.text).toContain(approvalData(lang).approveUrl);
  });

  it('a transfer without a comment has no empty quote', () => {
    const mail = approvalTransferred({ ...approvalData('zh-CN'), fromName: '钱七', comment: '  ' }, 'zh-CN');
    expect(mail.text).not.toContain('的说明');
  });
});
