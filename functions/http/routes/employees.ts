import { createRoute, z } from '@hono/zod-openapi';
import { inScope } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { EMPLOYEE_STATUSES, POSTS } from '../../domain/people/model.js';
import { createEmployee, getEmployees, listEmployees } from '../../storage/employees.js';
import { findIdempotent, IdempotentReplay, requestHash } from '../../storage/idempotency.js';
import { actorOf, authorize, newRouter, nowIso } from '../env.js';
import { idempotencyKeyOf } from '../middleware/idempotency.js';
import { requires } from '../middleware/requires.js';
import { IdParam, LimitCursor, json, jsonBody, problemResponses, IDEMPOTENCY_KEY } from '../schemas.js';
import { prepareCreate, preparePatch, writePatch } from './employee-changes.js';
import { CreateEmployeeBody, EmployeeSchema, PatchEmployeeBody } from './employee-schemas.js';
import { present, scopeOf, visibleEmployee } from './employee-scope.js';
import { BatchBody, BatchResult, runBatch } from './employees-batch.js';

/**
 * People (POLICIES.md §1). HR and the administrator (employees:write) hire and change
 * everything; supervisors and CS managers (employees:arrange) arrange the people below them
 * within the org policy's managerEditableFields (employee-changes.ts).
 */
const ListQuery = z.object({
  ...LimitCursor,
  sort: z.enum(['employeeNo', 'name', 'hireDate']).optional().openapi({ description: 'Default: reporting-line order' }),
  order: z.enum(['asc', 'desc']).default('asc'),
  status: z.enum(EMPLOYEE_STATUSES).optional(),
  superiorId: z.string().max(64).optional(),
  teamId: z.string().max(64).optional(),
  post: z.enum(POSTS).optional(),
  q: z.string().trim().min(1).max(50).optional().openapi({ description: 'Name prefix (when it contains Chinese characters), else employee-number prefix' }),
  ids: z
    .string()
    .max(2000)
    .optional()
    .openapi({ description: 'Comma-separated ids (at most 100); other filters are ignored' }),
});

/** How arranging works, in the OpenAPI descriptions of PATCH and batch. */
const ARRANGE_RULES =
  'With `employees:write` (HR, admin) every field may change. With only `employees:arrange` (supervisors, CS managers): ' +
  'the employee must report to you, directly or further down, and not be you (else 403 `EMPLOYEE.NOT_YOURS_TO_ARRANGE`); ' +
  'every field you send must be in the org policy’s `managerEditableFields` (default `teamId`, `superiorId`, `phone`) or repeat the current value ' +
  '(else 403 `EMPLOYEE.FIELD_HR_ONLY`, `errors[]` naming each such field; nothing is written); a new superior must be you or someone below you ' +
  '(else 422 `EMPLOYEE.SUPERIOR_NOT_FOUND`) and a new team one of your own department (else 422 `EMPLOYEE.TEAM_NOT_FOUND`). ' +
  '`GET /users/me` answers `editableEmployeeFields`.';

export function employeesRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listEmployees',
      tags: ['employees'],
      summary: 'List employees in your scope, filtered and sorted from indexes',
      request: { query: ListQuery },
      responses: {
        200: json(z.object({ items: z.array(EmployeeSchema), nextCursor: z.string().nullable() }).openapi('EmployeePage')),
        ...problemResponses(400, 401, 403),
      },
      middleware: [requires('employees:read')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'employees:read');
      const q = c.req.valid('query');
      const { store } = c.get('deps');
      const scopePath = await scopeOf(c, p);
      if (scopePath === undefined) return c.json({ items: [], nextCursor: null }, 200);
      if (q.ids !== undefined) {
        const ids = q.ids.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 100);
        const found = (await getEmployees(store, ids)).filter((e) => inScope(scopePath, e.path));
        return c.json({ items: await present(c, found), nextCursor: null }, 200);
      }
      const page = await listEmployees(store, {
        scopePath,
        status: q.status,
        superiorId: q.superiorId,
        teamId: q.teamId,
        post: q.post,
        q: q.q,
        sort: q.sort ?? 'tree',
        order: q.order,
        limit: q.limit,
        cursor: q.cursor,
      });
      return c.json({ items: await present(c, page.items), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      operationId: 'getEmployee',
      tags: ['employees'],
      summary: 'One employee',
      request: { params: IdParam },
      responses: { 200: json(EmployeeSchema), ...problemResponses(400, 401, 403, 404) },
      middleware: [requires('employees:read')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'employees:read');
      const employee = await visibleEmployee(c, p, c.req.valid('param').id);
      const [shown] = await present(c, [employee]);
      return c.json(shown!, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'createEmployee',
      tags: ['employees'],
      summary: 'Create an employee (HR, admin). Supports Idempotency-Key.',
      request: {
        body: jsonBody(CreateEmployeeBody),
      },
      parameters: [IDEMPOTENCY_KEY],
      responses: { 201: json(EmployeeSchema, 'Created'), ...problemResponses(400, 401, 403, 409, 422) },
      middleware: [requires('employees:write')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'employees:write');
      const { store } = c.get('deps');
      const body = c.req.valid('json');
      const at = nowIso(c);
      const idemKey = idempotencyKeyOf(c);
      const hash = requestHash(body);
      if (idemKey) {
        const earlier = await findIdempotent(store, p.id, idemKey, at);
        if (earlier) return replay(earlier, hash);
      }
      const { employee, superior, team } = await prepareCreate(c, p, body, at);
      const [shown] = await present(c, [employee], { superior, team });
      try {
        await createEmployee(
          store,
          employee,
          { entityType: 'employee', entityId: employee.id, action: 'create', actor: actorOf(p), channel: c.get('channel'), before: null, after: employee as unknown as Record<string, unknown>, at },
          idemKey ? { principalId: p.id, key: idemKey, requestHash: hash, status: 201, body: shown, now: at } : undefined,
        );
      } catch (err) {
        if (err instanceof IdempotentReplay && err.stored) return replay(err.stored, hash);
        throw err;
      }
      c.header('Location', `/api/v1/employees/${employee.id}`);
      return c.json(shown!, 201);

      function replay(earlier: { requestHash: string; status: number; body: unknown }, h: string) {
        if (earlier.requestHash !== h) throw new DomainError('IDEMPOTENCY.KEY_REUSED', 'Idempotency-Key');
        c.header('Idempotent-Replayed', 'true');
        return c.json(earlier.body as z.infer<typeof EmployeeSchema>, 201);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      operationId: 'updateEmployee',
      tags: ['employees'],
      summary: 'Change an employee (HR, admin; supervisors and CS managers arrange their own people); `version` must be the one you read',
      description:
        'Setting `status` to `terminated` (离职) also moves the open approval tasks of their account to their stand-in (policy `approvals.approverLeft`: the nearest superior, or HR); a task that cannot move is logged and stays. ' +
        'A change where every field sent already holds that value writes nothing: the answer is the record as it is, same version, no audit record.\n\n' +
        ARRANGE_RULES,
      request: { params: IdParam, body: jsonBody(PatchEmployeeBody) },
      responses: { 200: json(EmployeeSchema), ...problemResponses(400, 401, 403, 404, 409, 422) },
      middleware: [requires('employees:write', 'employees:arrange')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'employees:write', 'employees:arrange');
      const body = c.req.valid('json');
      const shown = await writePatch(c, p, await preparePatch(c, p, c.req.valid('param').id, body, nowIso(c)));
      return c.json(shown, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/batch',
      operationId: 'batchEmployees',
      tags: ['employees'],
      summary: 'Create and change many employees at once (paste, import); each row is validated and written on its own and reported',
      description:
        'A row with `id` is a change (it needs `version`), without one a new employee. `superiorNo` may name the superior by employee number instead of `superiorId` (also a row earlier in the same batch). ' +
        'Each row is checked like a single POST/PATCH and written in its own transaction with its audit record, so one bad row never stops or undoes the others; ' +
        '`results[i]` says what happened to `items[i]` (`status` 200/201, or the problem’s status, code, message and field errors with paths relative to the row). ' +
        '`dryRun: true` checks every row (including taken employee numbers) and writes nothing: the import preview.\n\n' +
        'HR and the administrator (`employees:write`) may do every row. With only `employees:arrange` (supervisors, CS managers) change rows follow the rules of PATCH /employees/{id} and every new-employee row answers 403 `EMPLOYEE.CREATE_HR_ONLY`.',
      request: { body: jsonBody(BatchBody) },
      responses: { 200: json(BatchResult), ...problemResponses(400, 401, 403) },
      middleware: [requires('employees:write', 'employees:arrange')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'employees:write', 'employees:arrange');
      const { items, dryRun } = c.req.valid('json');
      const results = await runBatch(c, p, items, dryRun);
      return c.json({
        results,
        created: results.filter((r) => r.status === 201).length,
        updated: results.filter((r) => r.status === 200).length,
        failed: results.filter((r) => r.status >= 400).length,
      }, 200);
    },
  );

  return app;
}
