import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DomainError } from '../../domain/errors.js';
import { hit, peek } from '../../storage/rate-limit.js';
import { deleteSession, putSession } from '../../storage/sessions.js';
import { getUserByEmail, publicUser } from '../../storage/users.js';
import { newRouter, nowIso } from '../env.js';
import { SESSION_COOKIE } from '../middleware/authenticate.js';
import { problemResponses, json, jsonBody } from '../schemas.js';
import { DUMMY_HASH, verifyPassword } from '../security/passwords.js';
import { hashToken, newSessionToken } from '../security/tokens.js';
import { UserSchema } from './users.js';

/** Failed sign-ins allowed per email and per client address in one window; then 429 until it ends. */
const LOGIN_WINDOW_SECONDS = 15 * 60;
const LOGIN_LIMIT_PER_EMAIL = 10;
const LOGIN_LIMIT_PER_ADDRESS = 100;

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
    const address = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'local';
    const buckets = [`login:${hashToken(email)}`, `login-ip:${hashToken(address)}`];
    const [perEmail = 0, perAddress = 0] = await peek(store, buckets, LOGIN_WINDOW_SECONDS, nowSeconds);
    if (perEmail >= LOGIN_LIMIT_PER_EMAIL || perAddress >= LOGIN_LIMIT_PER_ADDRESS) {
      const retryAfter = LOGIN_WINDOW_SECONDS - (nowSeconds % LOGIN_WINDOW_SECONDS);
      c.header('Retry-After', String(retryAfter));
      throw new DomainError('AUTH.RATE_LIMITED', undefined, { retryAfter });
    }
    const user = await getUserByEmail(store, email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.status !== 'active') {
      // Only failures count, so a whole office signing in at 9:00 behind one address is fine.
      await Promise.all(buckets.map((b) => hit(store, b, LOGIN_WINDOW_SECONDS, nowSeconds)));
      throw new DomainError('AUTH.INVALID_CREDENTIALS');
    }

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
