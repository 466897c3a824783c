import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DomainError } from '../domain/errors.js';
import { can, type Permission, type Principal } from '../domain/auth/roles.js';
import type { AppDeps } from './deps.js';
import type { Language } from './messages.js';
import { fieldErrors, problem, sendProblem } from './problem.js';
import type { Channel } from '../storage/audit.js';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    lang: Language;
    requestId: string;
    principal: Principal | null;
    /** How the caller reached us: the console (session cookie) or the API (bearer token / key). */
    channel: Channel;
    /** Set when the route declared a scope the calling API key holds (middleware/requires.ts). */
    apiKeyAdmitted: boolean;
  };
}

/** One router per resource, each answering schema failures with the same problem+json. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const lang = c.get('lang');
        return sendProblem(c, problem(lang, 400, 'REQUEST.INVALID', {}, { errors: fieldErrors(lang, result.error.issues) }));
      }
      return undefined;
    },
  });
}

/** Whoever is signed in (a person or an API key), or a 401. */
export function signedInPrincipal(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new DomainError('AUTH.UNAUTHENTICATED');
  return p;
}

/**
 * The signed-in principal, or a 401. An API key only where the route admitted it by a declared
 * scope (`requires`, `signedIn({ apiKeys })`), else 403: a route that forgot to declare one is
 * closed to keys, never open to every key (#13 item 7).
 */
export function principalOf(c: Context<AppEnv>): Principal {
  const p = signedInPrincipal(c);
  if (p.kind === 'apiKey' && !c.get('apiKeyAdmitted')) throw new DomainError('AUTH.FORBIDDEN');
  return p;
}

/** The principal if allowed to do `permission` (or any of the alternatives: for a key, a scope it holds), else 401/403. */
export function authorize(c: Context<AppEnv>, ...anyOf: [Permission, ...Permission[]]): Principal {
  const p = signedInPrincipal(c);
  if (!anyOf.some((permission) => can(p, permission))) throw new DomainError('AUTH.FORBIDDEN', undefined, { permission: anyOf.join(' | ') });
  if (p.kind === 'apiKey') admitApiKey(c);
  return p;
}

/** Lets the calling API key through `principalOf()`: only for a route that declared what a key needs. */
export function admitApiKey(c: Context<AppEnv>): void {
  c.set('apiKeyAdmitted', true);
}

export function actorOf(p: Principal): { id: string; name: string } {
  return { id: p.kind === 'apiKey' ? `apiKey:${p.id}` : p.id, name: p.name };
}

export function nowIso(c: Context<AppEnv>): string {
  return c.get('deps').now().toISOString();
}
