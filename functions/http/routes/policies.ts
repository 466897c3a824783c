import { createRoute, z } from '@hono/zod-openapi';
import { POLICY_GAPS, POLICY_NAMES, type PolicyName } from '../../domain/policy/defaults.js';
import { getPolicy } from '../../storage/policies.js';
import { authorize, newRouter } from '../env.js';
import { requires } from '../middleware/requires.js';
import { json, problemResponses } from '../schemas.js';

const PolicySchema = z
  .object({
    name: z.string(),
    version: z.number().int(),
    values: z.record(z.string(), z.unknown()),
    gaps: z.array(z.string()).openapi({ description: 'Values that fill a gap in the source documents (ours, not theirs)' }),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi('Policy');

export function policiesRoutes() {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{name}',
      tags: ['policies'],
      summary: 'The current version of a policy',
      request: { params: z.object({ name: z.enum(POLICY_NAMES as [PolicyName, ...PolicyName[]]) }) },
      responses: { 200: json(PolicySchema), ...problemResponses(400, 401, 403) },
      middleware: [requires('policies:read')] as const,
    }),
    async (c) => {
      authorize(c, 'policies:read');
      const { name } = c.req.valid('param');
      const policy = await getPolicy(c.get('deps').store, name);
      return c.json({ ...policy, values: policy.values as unknown as Record<string, unknown>, gaps: POLICY_GAPS[name] }, 200);
    },
  );
  return app;
}
