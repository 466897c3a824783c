import { describe, expect, it } from 'vitest';
import { escapeHtml, formatDateTime, oneLine, renderEmail, safeUrl } from '../../../functions/email/render.js';

describe('the mail layout', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('shows times in Asia/Shanghai: a UTC time near midnight is the next day there', () => {
    expect(formatDateTime('2026-11-23T16:30:00Z', 'zh-CN')).toBe('2026年11月24日 00:30');
    expect(formatDateTime('2026-11-24T02:00:00.000Z', 'zh-CN')).toBe('2026年11月24日 10:00');
    expect(formatDateTime('2026-11-23T16:30:00Z', 'en')).toBe('24 Nov 2026, 00:30 (GMT+8)');
    expect(formatDateTime('2026-01-04T23:05:00Z', 'zh-CN')).toBe('2026年1月5日 07:05');
  });

  it('shows an unparseable time as given instead of failing the mail', () => {
    expect(formatDateTime('someday', 'en')).toBe('someday');
  });

  it('keeps a subject on one line so a name cannot inject a header', () => {
    expect(oneLine('a\r\nBcc: x@example.com\t b')).toBe('a Bcc: x@example.com b');
  });

  it('prints only http(s) links in mail', () => {
    expect(safeUrl('https://cs.example.com/a?b=1')).toBe('https://cs.example.com/a?b=1');
    expect(() => safeUrl('javascript:alert(1)')).toThrow(/javascript:/);
    expect(() => safeUrl('/admin')).toThrow(/absolute/);
    expect(safeUrl('/admin', true)).toBe('/admin');
    expect(() => safeUrl('//evil.example.com', true)).toThrow();
  });

  it('has no images, scripts or external styles, and carries the footer in both parts', () => {
    const mail = renderEmail('S', {
      lang: 'en', heading: 'H', greeting: 'Hello', paragraphs: ['line one\nline two'],
      rows: [['K', 'V']], quote: { label: 'Comment', text: 'first\nsecond' },
      buttons: [{ label: 'Go', url: 'https://x.example/a?b=1&c=2', kind: 'primary' }],
    });
    expect(mail.html).not.toMatch(/<(img|script|link|style)\b/i);
    expect(mail.html).toContain('line one<br>line two');
    expect(mail.html).toContain('href="https://x.example/a?b=1&amp;c=2"');
    expect(mail.text).toContain('Go: https://x.example/a?b=1&c=2');
    expect(mail.text).toContain('> first\n> second');
    expect(mail.html).toContain('Sent by the CS Department system');
    expect(mail.text.endsWith('Sent by the CS Department system')).toBe(true);
  });
});
