import { createRoute, z } from '@hono/zod-openapi';
import type { EngineState } from '../deps.js';
import type { Context } from 'hono';
import { newRouter, type AppEnv } from '../env.js';
import { json } from '../schemas.js';

/** How long the anonymous answer is reused: a load balancer polling every second costs one check per engine per window. */
export const HEALTH_CACHE_MS = 15_000;
/** An engine that has not answered by then is down. */
const CHECK_TIMEOUT_MS = 3000;

const EngineSchema = z.object({
  state: z.enum(['up', 'down']),
  detail: z.string().optional().openapi({ description: 'What the check saw (the local runtime names its endpoints); for a failure only its kind (`timeout`, an error name), never the error’s text' }),
});

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    engines: z.record(z.string(), EngineSchema).optional().openapi({ description: 'Each engine the API depends on: for a signed-in administrator only' }),
  })
  .openapi('Health');

type Health = z.infer<typeof HealthSchema>;

/**
 * Liveness of every engine the app depends on; 503 when any is down. Anyone (a load balancer)
 * gets the status alone, answered from a short cache (HEALTH_CACHE_MS, by the injected clock)
 * so anonymous polling costs no engine calls; a signed-in administrator gets each engine's
 * state, checked afresh. A failure is reported by its kind, never its message: an AWS error's
 * text names ARNs and account ids (#13 item 6).
 */
export function healthRoutes() {
  const app = newRouter();
  let cached: { at: number; answer: Promise<Health> } | undefined;

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'getHealth', tags: ['health'],
      summary: 'Whether every engine the API depends on answers (200 ok, 503 degraded); per-engine state for administrators',
      // Anyone may ask; a signed-in administrator gets the details.
      security: [{}, { bearer: [] }, { cookie: [] }],
      responses: { 200: json(HealthSchema, 'Every engine answers'), 503: json(HealthSchema, 'At least one engine does not answer') },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      const p = c.get('principal');
      if (p?.kind === 'user' && p.roles.includes('admin')) {
        const answer = check(c);
        cached = { at: c.get('deps').now().getTime(), answer };
        return reply(c, await answer);
      }
      const now = c.get('deps').now().getTime();
      // The promise is what is cached: callers arriving while a check runs share it.
      if (!cached || now - cached.at >= HEALTH_CACHE_MS || now < cached.at) cached = { at: now, answer: check(c) };
      const { status } = await cached.answer;
      return reply(c, { status });
    },
  );
  return app;
}

function reply(c: Context<AppEnv>, health: Health) {
  return health.status === 'ok' ? c.json(health, 200) : c.json(health, 503);
}

async function check(c: Context<AppEnv>): Promise<Health> {
  const results = await Promise.all(
    Object.entries(c.get('deps').health).map(async ([name, probe]): Promise<[string, EngineState]> => {
      try {
        return [name, await withTimeout(probe(), CHECK_TIMEOUT_MS)];
      } catch (err) {
        return [name, { state: 'down', detail: failureKind(err) }];
      }
    }),
  );
  return { status: results.every(([, r]) => r.state === 'up') ? 'ok' : 'degraded', engines: Object.fromEntries(results) };
}

class CheckTimeout extends Error {}

/** What kind of failure it was, without its text: a timeout, a socket code, or the error's class name. */
export function failureKind(err: unknown): string {
  if (err instanceof CheckTimeout) return `timeout: no answer in ${CHECK_TIMEOUT_MS} ms`;
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && /^E[A-Z]{2,20}$/.test(code)) return code;
  const name = err instanceof Error ? err.name : '';
  return /^[A-Za-z]{1,64}$/.test(name) && name !== 'Error' ? name : 'error';
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new CheckTimeout()), ms).unref())]);
}
