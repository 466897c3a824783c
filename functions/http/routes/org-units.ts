import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '../../domain/errors.js';
import { ORG_UNIT_KINDS, type OrgUnit } from '../../domain/people/model.js';
import { newId } from '../../storage/ids.js';
import { createOrgUnit, getOrgUnit, listOrgUnits } from '../../storage/org-units.js';
import { actorOf, authorize, newRouter, nowIso } from '../env.js';
import { requires } from '../middleware/requires.js';
import { json, jsonBody, problemResponses, lineText } from '../schemas.js';

export const OrgUnitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORG_UNIT_KINDS),
    parentId: z.string().nullable(),
    departmentId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('OrgUnit');

const CreateOrgUnitBody = z
  .object({
    name: lineText(50),
    kind: z.enum(ORG_UNIT_KINDS),
    parentId: z.string().min(1).max(64).nullable(),
  })
  .strict()
  .openapi('CreateOrgUnitRequest');

export function orgUnitsRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listOrgUnits',
      tags: ['org'],
      summary: 'Departments and teams (departments, centres and teams of POLICIES.md §1)',
      responses: { 200: json(z.object({ items: z.array(OrgUnitSchema) })), ...problemResponses(401, 403) },
      middleware: [requires('org:read')] as const,
    }),
    async (c) => {
      authorize(c, 'org:read');
      const items = await listOrgUnits(c.get('deps').store);
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'createOrgUnit',
      tags: ['org'],
      summary: 'Create a department or team (HR, admin)',
      request: { body: jsonBody(CreateOrgUnitBody) },
      responses: { 201: json(OrgUnitSchema, 'Created'), ...problemResponses(400, 401, 403, 422) },
      middleware: [requires('org:write')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'org:write');
      const { store } = c.get('deps');
      const body = c.req.valid('json');
      const parent = body.parentId ? await getOrgUnit(store, body.parentId) : null;
      if (body.parentId && !parent) throw new DomainError('ORG_UNIT.PARENT_NOT_FOUND', 'parentId');
      const at = nowIso(c);
      const id = newId();
      const unit: OrgUnit = {
        id,
        name: body.name,
        kind: body.kind,
        parentId: parent?.id ?? null,
        departmentId: body.kind === 'department' ? id : body.kind === 'company' ? null : parent?.departmentId ?? null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await createOrgUnit(store, unit, {
        entityType: 'orgUnit', entityId: id, action: 'create', actor: actorOf(p), channel: c.get('channel'), before: null, after: unit as unknown as Record<string, unknown>, at,
      });
      return c.json(unit, 201);
    },
  );

  return app;
}
