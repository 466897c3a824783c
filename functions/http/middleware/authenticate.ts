import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Principal } from '../../domain/auth/roles.js';
import { getApiKey } from '../../storage/api-keys.js';
import { getSession, getSessionAndUser } from '../../storage/sessions.js';
import { getUser, sessionEpochOf } from '../../storage/users.js';
import type { AppEnv } from '../env.js';
import { hashToken, parseApiKey, sameHash, sessionTokenUser } from '../security/tokens.js';

export const SESSION_COOKIE = 'cs_session';

/**
 * Resolves who is calling from `Authorization: Bearer <session token | API key>` or the
 * console's session cookie. Anonymous requests pass through with `principal = null`; routes
 * decide what needs a principal. One read (session and user together); a key costs two (the
 * key, then its creator's account); a token issued before tokens named their user costs two
 * (session, then user). A disabled account, or a session older than the account's last
 * password change, is no principal.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticateMiddleware(c, next) {
    const { store, now } = c.get('deps');
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    // A key is accepted only as a key (Authorization), and so audited as the key's call: in the
    // session cookie it is no session (#13 item 8).
    const token = bearer ?? (cookie && !parseApiKey(cookie) ? cookie : undefined);
    if (token) {
      const principal = await resolve(store, token, Math.floor(now().getTime() / 1000));
      c.set('principal', principal);
      c.set('channel', bearer ? 'api' : 'console');
      if (principal?.kind === 'user' && !c.req.header('accept-language')) c.set('lang', principal.language);
    }
    await next();
  };
}

async function resolve(store: AppEnv['Variables']['deps']['store'], token: string, nowSeconds: number): Promise<Principal | null> {
  const apiKey = parseApiKey(token);
  if (apiKey) {
    const key = await getApiKey(store, apiKey.id);
    if (!key || key.revokedAt || !sameHash(key.secretHash, hashToken(apiKey.secret))) return null;
    // A key is its creator's: it stops the moment their account is disabled (a leaver's
    // integrations stop with them) and works again when it is enabled. A second read, by id.
    const owner = await getUser(store, key.createdBy);
    if (owner?.status !== 'active') return null;
    return { kind: 'apiKey', id: key.id, name: `API key ${key.name}`, roles: [], scopes: key.scopes, employeeId: null, language: 'zh-CN' };
  }
  const named = sessionTokenUser(token);
  let user;
  if (named) {
    user = (await getSessionAndUser(store, hashToken(token), named, nowSeconds))?.user;
  } else {
    const session = await getSession(store, hashToken(token), nowSeconds);
    if (!session) return null;
    user = await getUser(store, session.userId);
    if (user && (session.epoch ?? 0) !== sessionEpochOf(user)) return null;
  }
  if (!user || user.status !== 'active') return null;
  return { kind: 'user', id: user.id, name: user.name, roles: user.roles, employeeId: user.employeeId, language: user.language };
}
