import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../domain/auth/roles.js';
import { authorize, type AppEnv } from '../env.js';

/**
 * Declares the permission a route needs. It runs before request validation, so a caller
 * who may not use a route learns nothing about its schema (403 before 400).
 */
export function requires(permission: Permission): MiddlewareHandler<AppEnv> {
  return async function requiresPermission(c, next) {
    authorize(c, permission);
    await next();
  };
}
