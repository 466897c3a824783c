/**
 * Figure 3's baseline: the smallest Hono app on Lambda, bundled exactly like the API
 * (cold-start.ts). It answers the same request the same way (401 problem+json), so the
 * difference is what our app loads and builds at cold start.
 */
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const app = new Hono();
app.get('/api/v1/approvals', (c) =>
  c.json({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'sign in', code: 'AUTH.REQUIRED' }, 401, { 'content-type': 'application/problem+json' }),
);

export const handler = handle(app);
