/**
 * Issuing a password reset link (#13 item 4): for an administrator's reset and for 忘记密码
 * alike. The link token, the mail (in the outbox) and the audit record are written in one
 * transaction, then the mail is sent; if sending fails, the outbox sends it later.
 */
import type { Context } from 'hono';
import { accountInvitation, passwordReset } from '../../email/templates/index.js';
import { auditPut } from '../../storage/audit.js';
import { passwordResetPut } from '../../storage/password-resets.js';
import { transact } from '../../storage/transact.js';
import { sessionEpochOf, type StoredUser } from '../../storage/users.js';
import { guardMail, sendGuarded, type GuardedMail } from '../../workflow/notify.js';
import type { WorkflowDeps } from '../../workflow/kinds.js';
import type { TxItem } from '../../storage/transact.js';
import type { AppEnv } from '../env.js';
import { hashToken, newToken } from './tokens.js';

/**
 * How long a reset link works. A config constant, not policy data: the policies are the
 * department's HR rules (POLICIES.md), HR edits them, and this is an account-security setting
 * that is the administrator's. One hour is long enough to read the mail, short enough that a
 * forgotten mail in an inbox is no standing key to the account.
 */
export const PASSWORD_RESET_MINUTES = 60;

/** The console's page for a link (a hash route: the token never reaches a server log or a Referer). */
export const resetUrl = (publicUrl: string, token: string) => `${publicUrl}/#/reset-password/${token}`;

export async function issuePasswordReset(
  c: Context<AppEnv>,
  user: StoredUser,
  by: { id: string; name: string } | null,
  opts: { waitForMail: boolean },
): Promise<{ expiresAt: string }> {
  const deps = c.get('deps');
  const now = deps.now();
  const at = now.toISOString();
  const token = newToken();
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + PASSWORD_RESET_MINUTES * 60;
  const expiresAt = new Date(expiresAtSeconds * 1000).toISOString();
  const content = passwordReset({ recipientName: user.name, ...(by ? { byName: by.name } : {}), resetUrl: resetUrl(deps.publicUrl, token), expiresAt }, user.language);
  const mail = guardMail(deps.workflow, { to: user.email, content, ids: { userId: user.id, kind: 'password-reset' } });
  await transact(deps.store, [
    passwordResetPut(deps.store, hashToken(token), { userId: user.id, epoch: sessionEpochOf(user), createdAt: at, expiresAt: expiresAtSeconds, requestedBy: by?.id ?? null }),
    mail.tx,
    { write: auditPut(deps.store, { entityType: 'user', entityId: user.id, action: 'password.reset_sent', actor: by, channel: c.get('channel'), before: null, after: { expiresAt, requestedBy: by ? 'admin' : 'self' }, at }) },
  ]);
  // 忘记密码 answers before the mail goes, so an address with an account takes no longer to
  // answer than one without; the outbox sends it if this process stops first.
  if (opts.waitForMail) await sendGuarded(deps.workflow, mail);
  else void sendGuarded(deps.workflow, mail);
  return { expiresAt };
}

/**
 * How long a new hire's invitation works: they may open it days after reporting (a config
 * constant like the reset link's, for the same reason).
 */
export const INVITATION_DAYS = 7;

/**
 * A new account's invitation (报到): a set-password link of the reset kind that works once and
 * for `INVITATION_DAYS`, and its mail — writes for the caller's transaction, the mail to send
 * after it commits.
 */
export function invitationWrites(deps: WorkflowDeps, user: StoredUser): { writes: TxItem[]; mail: GuardedMail } {
  const now = deps.now();
  const token = newToken();
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + INVITATION_DAYS * 86_400;
  const expiresAt = new Date(expiresAtSeconds * 1000).toISOString();
  const content = accountInvitation({ recipientName: user.name, email: user.email, setPasswordUrl: resetUrl(deps.publicUrl, token), expiresAt }, user.language);
  const mail = guardMail(deps, { to: user.email, content, ids: { userId: user.id, kind: 'invitation' } });
  return {
    writes: [passwordResetPut(deps.store, hashToken(token), { userId: user.id, epoch: sessionEpochOf(user), createdAt: now.toISOString(), expiresAt: expiresAtSeconds, requestedBy: null }), mail.tx],
    mail,
  };
}
