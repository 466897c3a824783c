/**
 * The local runtime's controllable clock (`LOCAL_CLOCK=controllable npm start`), for demos and
 * acceptance tests: "what happens when the 10 days pass". Mounted only when the runtime has
 * such a clock; never in the cloud stack. Administrators only: moving time decides overdue
 * steps, lapsed offers and penalties that take effect.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '../../domain/errors.js';
import type { LocalClockControl } from '../deps.js';
import { authorize, newRouter } from '../env.js';
import { requires } from '../middleware/requires.js';
import { json, problemResponses } from '../schemas.js';

const ClockSchema = z.object({ now: z.string().openapi({ format: 'date-time', example: '2026-12-11T02:00:00.000Z' }) }).openapi('LocalClock');

export function localClockRoutes(clock: LocalClockControl) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'getLocalClock',
      tags: ['local'],
      summary: 'The local runtime’s time (LOCAL_CLOCK=controllable only)',
      responses: { 200: json(ClockSchema), ...problemResponses(401, 403) },
      middleware: [requires('users:write')] as const,
    }),
    async (c) => {
      authorize(c, 'users:write');
      return c.json({ now: clock.now().toISOString() }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'advanceLocalClock',
      tags: ['local'],
      summary: 'Move the local runtime’s time forward; every timer, step time limit and job due on the way fires in order',
      request: {
        body: { required: true, content: { 'application/json': { schema: z.object({ advance: z.string().max(40).openapi({ example: 'P10D', description: 'ISO-8601 duration (weeks, days, hours, minutes, seconds)' }) }) } } },
      },
      responses: { 200: json(ClockSchema), ...problemResponses(400, 401, 403) },
      middleware: [requires('users:write')] as const,
    }),
    async (c) => {
      authorize(c, 'users:write');
      const { advance } = c.req.valid('json');
      const ms = clock.parseDuration(advance);
      if (ms === undefined || ms <= 0) throw new DomainError('CLOCK.INVALID_ADVANCE', 'advance');
      const now = await clock.advance(ms);
      c.get('deps').log('info', 'local clock advanced', { advance, now: now.toISOString() });
      return c.json({ now: now.toISOString() }, 200);
    },
  );
  return app;
}
