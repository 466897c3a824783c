import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie } from 'hono/cookie';
import { DomainError } from '../../domain/errors.js';
import { deleteSession } from '../../storage/sessions.js';
import { getUserByEmail, publicUser } from '../../storage/users.js';
import { newRouter } from '../env.js';
import { SESSION_COOKIE } from '../middleware/authenticate.js';
import { problemResponses, json, jsonBody } from '../schemas.js';
import { clientAddress } from '../client-address.js';
import { DUMMY_HASH, verifyPassword } from '../security/passwords.js';
import { startSession } from '../security/session.js';
import { beginSignIn } from '../security/sign-in-throttle.js';
import { hashToken } from '../security/tokens.js';
import { passwordResetRoutes } from './password-reset.js';
import { UserSchema } from './user-schema.js';

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
    const { store, now } = c.get('deps');
    const { email, password } = c.req.valid('json');
    const nowSeconds = Math.floor(now().getTime() / 1000);
    const attempt = await beginSignIn(store, email, clientAddress(c), nowSeconds);
    const user = await getUserByEmail(store, email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.status !== 'active') throw new DomainError('AUTH.INVALID_CREDENTIALS');
    await attempt.succeeded();
    const session = await startSession(c, user);
    return c.json({ ...session, user: publicUser(user) }, 200);
  });

  app.openapi(logout, async (c) => {
    const { store } = c.get('deps');
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(store, hashToken(token));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.route('/', passwordResetRoutes());

  return app;
}
