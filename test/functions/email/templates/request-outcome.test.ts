import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../../functions/email/render.js';
import { requestOutcome, type RequestOutcomeData } from '../../../../functions/email/templates/index.js';

const outcomeData = (over: Partial<RequestOutcomeData> = {}): RequestOutcomeData => ({
  recipientName: '张三',
  requestTitle: '转正评审：张三',
  outcome: 'converted',
  details: [['转正日期', '2026-12-01'], ['加权得分', '86.5']],
  openUrl: 'https://cs.example.com/#/probation-reviews/pr_01',
  ...over,
});

describe('the request outcome mail', () => {
  it.each([
    ['approved', '【审批结果】转正评审：张三 — 已通过', '[Decision] 转正评审：张三 — Approved'],
    ['rejected', '【审批结果】转正评审：张三 — 已驳回', '[Decision] 转正评审：张三 — Rejected'],
    ['converted', '【审批结果】转正评审：张三 — 已转正', '[Decision] 转正评审：张三 — Confirmed in post'],
    ['extended', '【审批结果】转正评审：张三 — 试用期已延长', '[Decision] 转正评审：张三 — Probation extended'],
    ['ended', '【审批结果】转正评审：张三 — 已终止', '[Decision] 转正评审：张三 — Ended'],
  ] as const)('names the outcome %s in the subject in both languages', (outcome, zh, en) => {
    expect(requestOutcome(outcomeData({ outcome }), 'zh-CN').subject).toBe(zh);
    expect(requestOutcome(outcomeData({ outcome }), 'en').subject).toBe(en);
  });

  it.each(['zh-CN', 'en'] as Lang[])('in %s, lists the details, the comment and the console link in both parts', (lang) => {
    const d = outcomeData({ comment: '表现优秀' });
    const mail = requestOutcome(d, lang);
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain('2026-12-01');
      expect(part).toContain('表现优秀');
      expect(part).toContain(d.openUrl);
    }
    expect(mail.text).toContain(lang === 'zh-CN' ? '此邮件由客服部管理系统自动发送' : 'Sent by the CS Department system');
  });

  it('escapes the recipient, title, details and comment', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const mail = requestOutcome(outcomeData({ recipientName: evil, requestTitle: evil, details: [[evil, evil]], comment: evil }), 'zh-CN');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.text.split(evil).length - 1).toBeGreaterThanOrEqual(5);
  });
});
