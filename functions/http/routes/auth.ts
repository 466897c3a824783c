import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DomainError } from '../../domain/errors.js';
import { deleteSession, putSession } from '../../storage/sessions.js';
import { getUserByEmail, publicUser } from '../../storage/users.js';
import { newRouter, nowIso } from '../env.js';
import { SESSION_COOKIE } from '../middleware/authenticate.js';
import { problemResponses, json, jsonBody } from '../schemas.js';
import { clientAddress } from '../client-address.js';
import { DUMMY_HASH, verifyPassword } from '../security/passwords.js';
import { beginSignIn } from '../security/sign-in-throttle.js';
import { hashToken, newSessionToken } from '../security/tokens.js';
import { UserSchema } from './users.js';

const LoginBody = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(256),
  })
  .strict()
  .openapi('LoginRequest');

const login = createRoute({
  method: 'post',
  path: '/login',
  operationId: 'signIn',
  // Anonymous: this is how one gets a session.
  security: [],
  tags: ['auth'],
  summary: 'Sign in: sets the console session cookie and returns a bearer token for scripts',
  request: { body: jsonBody(LoginBody) },
  responses: {
    200: json(z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema }).openapi('LoginResponse')),
    ...problemResponses(400, 401, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  operationId: 'signOut',
  // With or without a session: without one it changes nothing (and still clears the cookie).
  security: [{}, { bearer: [] }, { cookie: [] }],
  tags: ['auth'],
  summary: 'Sign out: ends the session',
  responses: { 204: { description: 'Signed out' }, ...problemResponses(415) },
});

export function authRoutes() {
  const app = newRouter();

  app.openapi(login, async (c) => {
    const { store, now, sessionHours, publicUrl } = c.get('deps');
    const { email, password } = c.req.valid('json');
    const nowSeconds = Math.floor(now().getTime() / 1000);
    const attempt = await beginSignIn(store, email, clientAddress(c), nowSeconds);
    const user = await getUserByEmail(store, email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.status !== 'active') throw new DomainError('AUTH.INVALID_CREDENTIALS');
    await attempt.succeeded();

    const token = newSessionToken(user.id);
    const expiresAt = nowSeconds + sessionHours * 3600;
    await putSession(store, hashToken(token), { userId: user.id, createdAt: nowIso(c), expiresAt });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: publicUrl.startsWith('https://'),
      path: '/',
      maxAge: sessionHours * 3600,
    });
    return c.json({ token, expiresAt: new Date(expiresAt * 1000).toISOString(), user: publicUser(user) }, 200);
  });

  app.openapi(logout, async (c) => {
    const { store } = c.get('deps');
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(store, hashToken(token));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  return app;
}
