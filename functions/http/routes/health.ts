import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { EngineState } from '../deps.js';

/** Liveness of every engine the app depends on; 503 when any is down. Public: no data in it. */
export function healthRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const checks = Object.entries(c.get('deps').health);
    const results = await Promise.all(
      checks.map(async ([name, check]): Promise<[string, EngineState]> => {
        try {
          return [name, await withTimeout(check(), 3000)];
        } catch (err) {
          return [name, { state: 'down', detail: err instanceof Error ? err.message : String(err) }];
        }
      }),
    );
    const engines = Object.fromEntries(results);
    const ok = results.every(([, r]) => r.state === 'up');
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ok ? 'ok' : 'degraded', engines }, ok ? 200 : 503);
  });
  return app;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);
}
