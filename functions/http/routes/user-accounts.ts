/**
 * Accounts people expect (#13 item 4), mounted under /api/v1/users: changing one's own
 * password, an administrator's password reset (a mailed, single-use, expiring link), and
 * disabling or enabling an account. Each change is audited; a new password and a disabled
 * account end every session of the account (storage/user-accounts.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { assertAcceptablePassword } from '../../domain/auth/password-policy.js';
import { DomainError } from '../../domain/errors.js';
import { getEmployee } from '../../storage/employees.js';
import { deleteSession } from '../../storage/sessions.js';
import { setPassword, setUserStatus } from '../../storage/user-accounts.js';
import { getUser, publicUser, type StoredUser } from '../../storage/users.js';
import { actorOf, authorize, newRouter, nowIso, principalOf } from '../env.js';
import { SESSION_COOKIE } from '../middleware/authenticate.js';
import { peopleOnly, requires } from '../middleware/requires.js';
import { IdParam, json, jsonBody, problemResponses } from '../schemas.js';
import { hashPassword, verifyPassword } from '../security/passwords.js';
import { PASSWORD_RESET_MINUTES, issuePasswordReset } from '../security/password-reset.js';
import { startSession } from '../security/session.js';
import { clientAddress } from '../client-address.js';
import { beginSignIn } from '../security/sign-in-throttle.js';
import { hashToken } from '../security/tokens.js';
import { UserSchema } from './user-schema.js';

const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256).openapi({ description: 'At least 10 characters of two kinds, not a common password, not the current one' }),
  })
  .strict()
  .openapi('ChangePasswordRequest');

async function accountOf(store: Parameters<typeof getUser>[0], id: string): Promise<StoredUser> {
  const user = await getUser(store, id);
  if (!user) throw new DomainError('USER.NOT_FOUND', 'id');
  return user;
}

export function userAccountRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/password',
      tags: ['users'],
      operationId: 'changeOwnPassword',
      summary: '修改密码: change my password; every other session and token of mine ends',
      description:
        'A wrong `currentPassword` is a 422 naming it and counts as a failed sign-in (the same limit as POST /auth/login: 429 after 10 in 15 minutes). ' +
        'On success this session is replaced by a new one: the answer carries its token (and, for the console, a new cookie); every other session and bearer token of the account ends.',
      middleware: [peopleOnly()] as const,
      request: { body: jsonBody(ChangePasswordBody) },
      responses: {
        200: json(z.object({ token: z.string(), expiresAt: z.string() }).openapi('ChangePasswordResponse'), 'Changed: the new session'),
        ...problemResponses(400, 401, 403, 409, 422, 429),
      },
    }),
    async (c) => {
      const p = principalOf(c);
      const { store } = c.get('deps');
      const { currentPassword, newPassword } = c.req.valid('json');
      const user = await accountOf(store, p.id);
      // The same attempts as signing in: the form is no way around the sign-in limit, nor an oracle.
      const attempt = await beginSignIn(store, user.email, clientAddress(c), Math.floor(c.get('deps').now().getTime() / 1000));
      if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new DomainError('USER.CURRENT_PASSWORD_WRONG', 'currentPassword');
      await attempt.succeeded();
      await assertAcceptablePassword(newPassword, 'newPassword');
      if (newPassword === currentPassword) throw new DomainError('USER.PASSWORD_SAME', 'newPassword');
      const changed = await setPassword(store, user, await hashPassword(newPassword), 'password.change', { actor: actorOf(p), channel: c.get('channel'), at: nowIso(c) });
      // The old session is dead by its epoch already; removing it keeps the table tidy.
      const old = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? getCookie(c, SESSION_COOKIE);
      if (old) await deleteSession(store, hashToken(old));
      return c.json(await startSession(c, changed), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/password-reset',
      tags: ['users'],
      operationId: 'sendPasswordReset',
      summary: '重置密码 (admin): mails the account a link to set a new password',
      description: `The link works once and for ${PASSWORD_RESET_MINUTES} minutes; setting the password with it ends every session of the account. The current password keeps working until then.`,
      middleware: [requires('users:write')] as const,
      request: { params: IdParam },
      responses: {
        202: json(z.object({ expiresAt: z.string() }).openapi('PasswordResetSent'), 'The mail is on its way'),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const p = authorize(c, 'users:write');
      const user = await accountOf(c.get('deps').store, c.req.valid('param').id);
      if (user.status !== 'active') throw new DomainError('USER.DISABLED', 'id');
      return c.json(await issuePasswordReset(c, user, actorOf(p), { waitForMail: true }), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/disable',
      tags: ['users'],
      operationId: 'disableUser',
      summary: '停用 (admin): the account can no longer sign in; its sessions, tokens and the API keys it created stop at once',
      description: 'Its sessions end for good; the API keys it created stop until it is enabled again. An administrator cannot disable their own account. Disabling a disabled account changes nothing.',
      middleware: [requires('users:write')] as const,
      request: { params: IdParam },
      responses: { 200: json(UserSchema, 'The account, disabled'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = authorize(c, 'users:write');
      const user = await accountOf(c.get('deps').store, c.req.valid('param').id);
      if (p.kind === 'user' && user.id === p.id) throw new DomainError('USER.DISABLE_SELF', 'id');
      if (user.status === 'disabled') return c.json(publicUser(user), 200);
      const next = await setUserStatus(c.get('deps').store, user, 'disabled', { actor: actorOf(p), channel: c.get('channel'), at: nowIso(c) });
      return c.json(publicUser(next), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/enable',
      tags: ['users'],
      operationId: 'enableUser',
      summary: '启用 (admin): the account may sign in again, and the API keys it created work again',
      description: 'Sessions ended by disabling stay ended: the person signs in again. The account of an employee who has left (离职) cannot be enabled (409) until HR changes the record.',
      middleware: [requires('users:write')] as const,
      request: { params: IdParam },
      responses: { 200: json(UserSchema, 'The account, enabled'), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = authorize(c, 'users:write');
      const { store } = c.get('deps');
      const user = await accountOf(store, c.req.valid('param').id);
      if (user.status === 'active') return c.json(publicUser(user), 200);
      const employee = user.employeeId ? await getEmployee(store, user.employeeId) : null;
      if (employee?.status === 'terminated') throw new DomainError('USER.EMPLOYEE_LEFT', 'id');
      const next = await setUserStatus(store, user, 'active', { actor: actorOf(p), channel: c.get('channel'), at: nowIso(c) });
      return c.json(publicUser(next), 200);
    },
  );

  return app;
}
