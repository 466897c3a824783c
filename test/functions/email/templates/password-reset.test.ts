import { describe, expect, it } from 'vitest';
import { passwordReset } from '../../../../functions/email/templates/index.js';

const data = { recipientName: '张三', resetUrl: 'https://cs.example.com/#/reset-password/abc', expiresAt: '2026-11-02T03:00:00.000Z' };

describe('the password reset mail', () => {
  it('says who asked, until when the link works (company time) and that it works once, in both parts and both languages', () => {
    const zh = passwordReset({ ...data, byName: '系统管理员甲' }, 'zh-CN');
    expect(zh.subject).toBe('【重置密码】请设置新密码');
    for (const part of [zh.html, zh.text]) {
      expect(part).toContain('系统管理员甲');
      expect(part).toContain('2026年11月2日 11:00');
      expect(part).toContain('https://cs.example.com/#/reset-password/abc');
      expect(part).toContain('只能使用一次');
    }
    const en = passwordReset(data, 'en');
    expect(en.subject).toBe('[Password reset] Set a new password');
    expect(en.text).toContain('Forgot password');
    expect(en.text).toContain('The link works once');
  });
});
