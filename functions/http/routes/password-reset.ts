/**
 * 忘记密码 (#13 item 4): anyone may ask for a reset link for an address, and the answer is
 * always 202, whether or not an account has that address, so the route tells no one who has
 * an account. Both paths make the same round trips (a counter, two reads, one transaction) and
 * neither waits for the mail. A reset link sets a new password once.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { assertAcceptablePassword } from '../../domain/auth/password-policy.js';
import { DomainError } from '../../domain/errors.js';
import { auditPut } from '../../storage/audit.js';
import { consumePasswordReset, getPasswordReset } from '../../storage/password-resets.js';
import { hit } from '../../storage/rate-limit.js';
import { transact } from '../../storage/transact.js';
import { setPassword } from '../../storage/user-accounts.js';
import { getUser, getUserByEmail, sessionEpochOf } from '../../storage/users.js';
import { newRouter, nowIso } from '../env.js';
import { jsonBody, problemResponses } from '../schemas.js';
import { hashPassword } from '../security/passwords.js';
import { issuePasswordReset } from '../security/password-reset.js';
import { clientAddress } from '../client-address.js';
import { hashToken } from '../security/tokens.js';

/** Mails per address in one window: more requests still answer 202 and send nothing. */
const RESET_WINDOW_SECONDS = 3600;
const RESET_MAILS_PER_EMAIL = 3;
/** Requests per client address in one window (any addresses): then 429, whatever was asked. */
const RESET_REQUESTS_PER_CLIENT = 30;

export function passwordResetRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/password-reset',
      tags: ['auth'],
      operationId: 'requestPasswordReset',
      security: [],
      summary: '忘记密码: mails a reset link if an active account has this address; always 202',
      description:
        'Answers 202 whether or not the address belongs to an account (no account enumeration), and sends the reset mail only for an active one. ' +
        `At most ${RESET_MAILS_PER_EMAIL} mails per address an hour (later requests answer 202 and send nothing); ` +
        `${RESET_REQUESTS_PER_CLIENT} requests per client address an hour, then 429. The link works once, for a limited time.`,
      request: { body: jsonBody(z.object({ email: z.string().trim().toLowerCase().email().max(254) }).strict().openapi('PasswordResetRequest')) },
      responses: { 202: { description: 'Accepted: a mail is on its way if the address has an active account' }, ...problemResponses(400, 429) },
    }),
    async (c) => {
      const { store, now } = c.get('deps');
      const { email } = c.req.valid('json');
      const nowSeconds = Math.floor(now().getTime() / 1000);
      const [perEmail, perClient] = await Promise.all([
        hit(store, `pwreset:${hashToken(email)}`, RESET_WINDOW_SECONDS, nowSeconds),
        hit(store, `pwreset-ip:${hashToken(clientAddress(c))}`, RESET_WINDOW_SECONDS, nowSeconds),
      ]);
      if (perClient > RESET_REQUESTS_PER_CLIENT) {
        const retryAfter = RESET_WINDOW_SECONDS - (nowSeconds % RESET_WINDOW_SECONDS);
        throw new DomainError('AUTH.RATE_LIMITED', undefined, { retryAfter });
      }
      // The address's guard, then the account (or a key no account has): two reads either way.
      const user = (await getUserByEmail(store, email)) ?? (await getUser(store, 'none'));
      if (user?.status === 'active' && perEmail <= RESET_MAILS_PER_EMAIL) {
        await issuePasswordReset(c, user, null, { waitForMail: false });
      } else {
        // Recorded under the address's hash, not the address; not readable through /audit.
        await transact(store, [{ write: auditPut(store, { entityType: 'passwordResetRequest', entityId: hashToken(email).slice(0, 22), action: 'ignored', actor: null, channel: c.get('channel'), before: null, after: null, at: nowIso(c) }) }]);
      }
      return c.body(null, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/password-reset/confirm',
      tags: ['auth'],
      operationId: 'confirmPasswordReset',
      security: [],
      summary: 'Sets a new password with the token of a reset link (once); every session of the account ends',
      request: {
        body: jsonBody(z.object({
          token: z.string().min(1).max(128).openapi({ description: 'The token of the mailed link (`…/#/reset-password/<token>`)' }),
          newPassword: z.string().min(1).max(256),
        }).strict().openapi('PasswordResetConfirmation')),
      },
      responses: {
        204: { description: 'The password is set; sign in with it' },
        ...problemResponses(400, 404, 410, 422),
      },
    }),
    async (c) => {
      const { store, now } = c.get('deps');
      const { token, newPassword } = c.req.valid('json');
      const tokenHash = hashToken(token);
      const nowSeconds = Math.floor(now().getTime() / 1000);
      const reset = await getPasswordReset(store, tokenHash);
      if (!reset) throw new DomainError('AUTH.RESET_LINK_INVALID', 'token');
      if (reset.usedAt) throw new DomainError('AUTH.RESET_LINK_USED', 'token');
      if (reset.expiresAt <= nowSeconds) throw new DomainError('AUTH.RESET_LINK_EXPIRED', 'token');
      const user = await getUser(store, reset.userId);
      if (!user || user.status !== 'active') throw new DomainError('AUTH.RESET_LINK_INVALID', 'token');
      // The password changed since the link was sent: it was meant for a password that is gone.
      if (sessionEpochOf(user) !== reset.epoch) throw new DomainError('AUTH.RESET_LINK_USED', 'token');
      await assertAcceptablePassword(newPassword, 'newPassword');
      const at = nowIso(c);
      await setPassword(store, user, await hashPassword(newPassword), 'password.reset', { actor: { id: user.id, name: user.name }, channel: 'email', at }, [
        consumePasswordReset(store, tokenHash, at, nowSeconds),
      ]);
      return c.body(null, 204);
    },
  );

  return app;
}
