/**
 * First-start setup shared by the local runtime and `npm run admin:create` (cloud): the
 * policy defaults as version 1, and the first administrator.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_POLICIES, POLICY_NAMES } from '../../functions/domain/policy/defaults.js';
import { passwordProblems } from '../../functions/domain/auth/password-policy.js';
import { hashPassword } from '../../functions/http/security/passwords.js';
import type { Store } from '../../functions/storage/client.js';
import { newId } from '../../functions/storage/ids.js';
import { getPolicy, savePolicy } from '../../functions/storage/policies.js';
import { anyUserExists, createUser, getUserByEmail } from '../../functions/storage/users.js';

export async function seedPolicies(store: Store, now: string): Promise<void> {
  for (const name of POLICY_NAMES) {
    const current = await getPolicy(store, name);
    if (current.version === 0) {
      await savePolicy(store, name, DEFAULT_POLICIES[name], 0, null, now, { channel: 'system' }, null);
    }
  }
}

export interface AdminResult {
  email: string;
  /** Set only when the password was generated here: it is printed once and never stored in clear. */
  generatedPassword?: string;
  created: boolean;
}

/**
 * Creates the first administrator when no user exists yet. With an email and password given,
 * those are used; otherwise a random password is generated and returned to be shown once.
 */
export async function ensureAdmin(
  store: Store,
  opts: { email?: string | undefined; password?: string | undefined; now: string; force?: boolean },
): Promise<AdminResult | null> {
  if (!opts.force && (await anyUserExists(store))) return null;
  const email = (opts.email ?? 'admin@example.com').toLowerCase();
  if (await getUserByEmail(store, email)) return { email, created: false };
  const generated = opts.password ? undefined : randomPassword();
  const password = opts.password ?? generated!;
  const weak = await passwordProblems(password);
  if (weak) throw new Error(`ADMIN_PASSWORD is ${weak === 'common' ? 'a common password' : `too weak (${weak})`}: use at least 10 characters of two kinds, not a well-known password`);
  const id = newId();
  await createUser(
    store,
    {
      id,
      email,
      roles: ['admin'],
      employeeId: null,
      name: '系统管理员',
      language: 'zh-CN',
      status: 'active',
      version: 1,
      createdAt: opts.now,
      updatedAt: opts.now,
      passwordHash: await hashPassword(password),
    },
    { entityType: 'user', entityId: id, action: 'create', actor: null, channel: 'system', before: null, after: null, at: opts.now },
  );
  return { email, created: true, ...(generated ? { generatedPassword: generated } : {}) };
}

function randomPassword(): string {
  // 18 url-safe characters plus a digit and a symbol: always passes the password policy.
  return `${randomBytes(14).toString('base64url')}7!`;
}
