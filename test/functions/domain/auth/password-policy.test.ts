import { describe, expect, it } from 'vitest';
import list from '../../../../functions/domain/auth/common-passwords.json' with { type: 'json' };
import { passwordProblems } from '../../../../functions/domain/auth/password-policy.js';

describe('the password policy', () => {
  it('refuses the well-known passwords, whatever their case', async () => {
    for (const p of ['password', '12345678', 'qwerty123', 'admin123', 'Passw0rd!', 'woaini1314', 'a123456789', 'PASSWORD', '5201314', 'cs-demo-2026']) {
      expect(await passwordProblems(p), p).toBe('common');
    }
  });

  it('refuses a listed word with only digits or symbols added, or written with the usual swaps', async () => {
    for (const p of ['Dragon2026!', 'Summer2026', 'P@ssw0rd2026!', 'iloveyou!!!', 'W0aini1314520']) expect(await passwordProblems(p), p).toBe('common');
  });

  it('accepts a long password that is not on the list, even one that starts with a short listed word', async () => {
    for (const p of ['correct-horse-battery', 'Kf7#mq2LxP', 'test-pass-2026', 'love-the-yangtze-88', 'abc-department-7']) expect(await passwordProblems(p), p).toBeNull();
  });

  it('still asks for ten characters of two kinds', async () => {
    expect(await passwordProblems('Xk2#p9')).toBe('too_short');
    expect(await passwordProblems('zhqxwkmvrtpl')).toBe('too_simple');
  });

  it('ships a list of a few thousand, lower-case and without duplicates', () => {
    expect(list.passwords.length).toBeGreaterThan(3000);
    expect(new Set(list.passwords).size).toBe(list.passwords.length);
    expect(list.passwords.every((p) => p === p.toLowerCase())).toBe(true);
  });
});
