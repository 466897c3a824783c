import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { putSession } from '../../storage/sessions.js';
import { sessionEpochOf, type StoredUser } from '../../storage/users.js';
import type { AppEnv } from '../env.js';
import { SESSION_COOKIE } from '../middleware/authenticate.js';
import { hashToken, newSessionToken } from './tokens.js';

/**
 * A new session for the user, in their current epoch: the token for scripts and the httpOnly
 * cookie for the console (signing in; changing one's password, which ends every other one).
 */
export async function startSession(c: Context<AppEnv>, user: StoredUser): Promise<{ token: string; expiresAt: string }> {
  const { store, now, sessionHours, publicUrl } = c.get('deps');
  const token = newSessionToken(user.id);
  const expiresAt = Math.floor(now().getTime() / 1000) + sessionHours * 3600;
  await putSession(store, hashToken(token), { userId: user.id, createdAt: now().toISOString(), expiresAt, epoch: sessionEpochOf(user) });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: publicUrl.startsWith('https://'),
    path: '/',
    maxAge: sessionHours * 3600,
  });
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}
