import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import { SESSION_COOKIE } from './authenticate.js';

/** The header the console sends on every call; a cross-site form cannot set one. */
export const CONSOLE_HEADER = 'x-requested-with';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Request forgery (#13 item 1). A browser attaches the session cookie to a form another page
 * submits, and SameSite=Lax lets it through from any page of the same *site*: another port of
 * the same host, or a sibling subdomain. So a state-changing call that would be authenticated
 * by the cookie must prove it comes from the console:
 * - the browser's own word about where it comes from: `Origin` (sent on every non-GET by every
 *   current browser) must be the console's origin (`PUBLIC_URL`, or the origin the request was
 *   addressed to), and `Sec-Fetch-Site`, when sent, must be `same-origin`;
 * - and something a form cannot send: a JSON body, or the console's `X-Requested-With` header
 *   (the console sends it on every call, so logout and 催办 without a body pass too).
 * A caller without the cookie (bearer token, API key, sign-in) has nothing a forger could ride
 * on; only a browser that says it is somewhere else is refused, so another site cannot sign a
 * victim in as someone else either.
 */
export function sameOrigin(publicUrl: string): MiddlewareHandler<AppEnv> {
  const publicOrigin = originOf(publicUrl);
  return async function sameOriginMiddleware(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const bearer = /^Bearer\s+\S+$/i.test(c.req.header('authorization') ?? '');
    if (bearer) return next();

    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site')?.toLowerCase();
    const ownOrigin = originOf(c.req.url);
    const fromElsewhere =
      (origin !== undefined && origin !== publicOrigin && origin !== ownOrigin) || (site !== undefined && site !== 'same-origin' && site !== 'none');
    if (fromElsewhere) throw new DomainError('REQUEST.CROSS_ORIGIN', 'Origin', { origin: origin ?? site ?? '' });

    if (getCookie(c, SESSION_COOKIE) !== undefined) {
      const json = /^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '');
      if (!json && !c.req.header(CONSOLE_HEADER)) throw new DomainError('REQUEST.CONSOLE_HEADER_REQUIRED', 'X-Requested-With', { header: 'X-Requested-With' });
    }
    return next();
  };
}

function originOf(url: string): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
