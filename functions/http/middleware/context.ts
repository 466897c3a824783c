import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { pickLanguage } from '../messages.js';

/** Puts the dependencies, the caller's language and a request id on the context; logs one line per request. */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const started = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('lang', pickLanguage(c.req.header('accept-language')));
    c.set('principal', null);
    c.set('channel', 'api');
    c.set('apiKeyAdmitted', false);
    await next();
    c.header('X-Request-Id', requestId);
    // Ids and timings only: no bodies, no names, no tokens.
    deps.log('info', 'request', {
      requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      principal: c.get('principal')?.id,
    });
  };
}
