import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { admitApiKey, authorize, signedInPrincipal, type AppEnv } from '../env.js';

/**
 * How a route says who may use it; every route names one. An API key gets past only a route
 * that declares a scope it holds: `principalOf()` refuses a key (403) on any route that did not
 * (env.ts), so a route without a declaration is closed to keys rather than open to all of them.
 */

/**
 * Declares the permission a route needs (any one of several, when the handler decides the
 * rest); for an API key, the scope. It runs before request validation, so a caller who may not
 * use a route learns nothing about its schema (403 before 400).
 */
export function requires(...anyOf: [Permission, ...Permission[]]): MiddlewareHandler<AppEnv> {
  return async function requiresPermission(c, next) {
    authorize(c, ...anyOf);
    await next();
  };
}

/**
 * For routes only a person can use (their inbox, their decisions, their preferences): an
 * anonymous caller gets 401 and an API key 403 before the body is validated, so neither
 * learns anything about the route's schema.
 */
export function peopleOnly(): MiddlewareHandler<AppEnv> {
  return async function peopleOnly(c, next) {
    if (signedInPrincipal(c).kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
    await next();
  };
}

/**
 * For routes any signed-in person may use, the handler deciding the rest: 401 before the body
 * is validated. API keys get 403 unless the route names the scope a key needs (`apiKeys`), or
 * `'any'` for a route that tells a key only about itself.
 */
export function signedIn(opts: { apiKeys?: Permission | 'any' } = {}): MiddlewareHandler<AppEnv> {
  return async function signedIn(c, next) {
    const p = signedInPrincipal(c);
    if (p.kind === 'apiKey') {
      if (!opts.apiKeys) throw new DomainError('AUTH.FORBIDDEN');
      if (opts.apiKeys === 'any') admitApiKey(c);
      else authorize(c, opts.apiKeys);
    }
    await next();
  };
}
