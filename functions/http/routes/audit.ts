import { createRoute, z } from '@hono/zod-openapi';
import { seesWholeOrganisation } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { listAudit } from '../../storage/audit.js';
import { DISCIPLINE } from '../../storage/discipline.js';
import { getRequest } from '../../storage/requests.js';
import { authorize, newRouter } from '../env.js';
import { requires } from '../middleware/requires.js';
import { LimitCursor, json, problemResponses } from '../schemas.js';
import { visibleEmployee } from './employee-scope.js';

const AuditSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    channel: z.enum(['console', 'email', 'api', 'system']),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditRecord');

const ENTITY_TYPES = ['employee', 'user', 'orgUnit', 'apiKey', 'policy', 'approvalTask', 'probationReview', 'attachment', 'candidate', 'onboardingChecklist', 'resignation', 'offboarding', 'disciplinaryAction', 'dismissal'] as const;

export function auditRoutes() {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listAuditRecords',
      tags: ['audit'],
      summary: 'The audit trail of one record, newest first',
      request: {
        query: z.object({ ...LimitCursor, entityType: z.enum(ENTITY_TYPES), entityId: z.string().min(1).max(64) }),
      },
      responses: {
        200: json(z.object({ items: z.array(AuditSchema), nextCursor: z.string().nullable() })),
        ...problemResponses(400, 401, 403, 404),
      },
      middleware: [requires('audit:read')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'audit:read');
      const q = c.req.valid('query');
      // Employees' trails follow data scope; everything else is for organisation-wide roles.
      // An onboarding checklist has its employee's id and follows their scope.
      if (q.entityType === 'employee' || q.entityType === 'onboardingChecklist') await visibleEmployee(c, p, q.entityId);
      else if (q.entityType === 'disciplinaryAction' && !seesWholeOrganisation(p)) {
        // A disciplinary action's trail follows its employee's scope (the 处罚单's record, #16).
        const action = await getRequest<{ id: string; version: number; employeeId: string }>(c.get('deps').store, DISCIPLINE, q.entityId);
        if (!action) throw new DomainError('AUTH.OUT_OF_SCOPE', 'entityId');
        await visibleEmployee(c, p, action.employeeId);
      }
      else if (!seesWholeOrganisation(p)) throw new DomainError('AUTH.OUT_OF_SCOPE', 'entityId');
      const page = await listAudit(c.get('deps').store, q);
      return c.json(page, 200);
    },
  );
  return app;
}
