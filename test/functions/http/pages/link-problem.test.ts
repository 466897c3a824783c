import { describe, expect, it } from 'vitest';
import { linkProblemStatus, renderLinkProblem, type LinkProblemReason } from '../../../../functions/http/pages/decision-page.js';

const REASONS: LinkProblemReason[] = ['tampered', 'malformed', 'expired', 'used', 'superseded', 'withdrawn', 'not_found'];
const message = (html: string) => html.match(/<p data-reason="[a-z_]+">([^<]*)<\/p>/)?.[1] ?? '';

describe('the page for a link that no longer works', () => {
  it.each(['zh-CN', 'en'] as const)('in %s, each reason has its own title and message', (lang) => {
    const pages = REASONS.map((reason) => renderLinkProblem({ lang, reason }));
    const messages = pages.map(message);
    const titles = pages.map((html) => html.match(/<h1>([^<]*)<\/h1>/)?.[1]);
    expect(messages.every((m) => m.length > 10)).toBe(true);
    expect(new Set(messages).size).toBe(REASONS.length);
    expect(new Set(titles).size).toBe(REASONS.length);
    for (const html of pages) {
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).not.toMatch(/<script|<form/i);
    }
  });

  it('says a superseded link belongs to a transferred approval', () => {
    expect(message(renderLinkProblem({ lang: 'zh-CN', reason: 'superseded' }))).toContain('已转交给其他审批人');
    expect(message(renderLinkProblem({ lang: 'en', reason: 'superseded' }))).toContain('transferred to another approver');
  });

  it('says who decided and when, in the company time zone', () => {
    const used = { reason: 'used', decidedBy: '李四', decidedAt: '2026-11-24T02:05:00Z' } as const;
    expect(message(renderLinkProblem({ ...used, lang: 'zh-CN', decision: 'approve' }))).toContain('此审批已由 李四 于 2026年11月24日 10:05 通过');
    expect(message(renderLinkProblem({ ...used, lang: 'zh-CN', decision: 'reject' }))).toContain('此审批已由 李四 于 2026年11月24日 10:05 驳回');
    expect(message(renderLinkProblem({ ...used, lang: 'en', decision: 'approve' }))).toContain('Already approved by 李四 on 24 Nov 2026, 10:05 (GMT+8).');
    expect(message(renderLinkProblem({ lang: 'en', reason: 'used' }))).toContain('Already decided.');
    expect(message(renderLinkProblem({ lang: 'zh-CN', reason: 'used' }))).toContain('此审批已处理');
  });

  it('escapes the decider’s name and links to the console only when given a URL', () => {
    const html = renderLinkProblem({ lang: 'zh-CN', reason: 'used', decidedBy: '<script>x</script>', openUrl: 'https://cs.example.com/#/a/1' });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('href="https://cs.example.com/#/a/1"');
    expect(renderLinkProblem({ lang: 'zh-CN', reason: 'expired' })).not.toContain('<a ');
  });

  it('answers with a status that fits the reason', () => {
    expect(REASONS.map(linkProblemStatus)).toEqual([400, 400, 410, 409, 410, 410, 404]);
  });
});
