/**
 * A password a company would accept: not a common one (common-passwords.json, with the usual
 * endings and letter-for-symbol swaps taken off), long enough, and not just one kind of
 * character. Applied wherever a password is set: creating an account, changing one's own,
 * a reset, and the create-admin script.
 */
import { DomainError } from '../errors.js';

export type PasswordProblem = 'common' | 'too_short' | 'too_simple';

let common: Promise<ReadonlySet<string>> | undefined;

/**
 * The list (~65 kB minified) is loaded on the first check, then kept: few requests set a password, and
 * an API cold start need not compile it (docs/benchmarks.md, figure 3). A failed load is not kept.
 */
function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('./common-passwords.json', { with: { type: 'json' } }).then(
    (m) => new Set(m.default.passwords),
    (err: unknown) => {
      common = undefined;
      throw err;
    },
  );
  return common;
}

/** The shortest base word a password is refused for when only digits or symbols follow it. */
const MIN_BASE = 4;
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '3': 'e', '$': 's', '5': 's', '7': 't', '!': 'i' };

export async function passwordProblems(password: string): Promise<PasswordProblem | null> {
  if (await isCommon(password)) return 'common';
  if (password.length < 10) return 'too_short';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  return kinds < 2 ? 'too_simple' : null;
}

/**
 * In the list as written, or a listed word with digits or symbols added at the end
 * ("Dragon2026!"), or written with the usual swaps ("P@ssw0rd!" is "password").
 */
export async function isCommon(password: string): Promise<boolean> {
  const listed = await commonPasswords();
  const lower = password.normalize('NFKC').trim().toLowerCase();
  if (listed.has(lower)) return true;
  const base = lower.replace(/[^a-z]+$/, '');
  if (base.length >= MIN_BASE && /[a-z]/.test(base) && listed.has(base)) return true;
  // Swaps only inside the word: a trailing "123" or "!" is an ending, not a letter.
  const swapped = base.replace(/[@4013$57!]/g, (ch) => LEET[ch] ?? ch);
  return swapped !== base && swapped.length >= MIN_BASE && listed.has(swapped.replace(/[^a-z]+$/, ''));
}

/** The refusal of a password problem, naming the request field that holds it. */
export async function assertAcceptablePassword(password: string, field: string): Promise<void> {
  const problem = await passwordProblems(password);
  if (problem === 'common') throw new DomainError('USER.PASSWORD_COMMON', field);
  if (problem) throw new DomainError('USER.PASSWORD_WEAK', field);
}
