import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { authorize, principalOf, type AppEnv } from '../env.js';

/**
 * Declares the permission a route needs (any one of several, when the handler decides the
 * rest). It runs before request validation, so a caller who may not use a route learns
 * nothing about its schema (403 before 400).
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
    if (principalOf(c).kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
    await next();
  };
}

/** For routes any signed-in caller may use: 401 before the body is validated. */
export function signedIn(): MiddlewareHandler<AppEnv> {
  return async function signedIn(c, next) {
    principalOf(c);
    await next();
  };
}
