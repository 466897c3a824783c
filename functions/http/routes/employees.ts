import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { inScope, seesWholeOrganisation, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { changeEmployee, newEmployee } from '../../domain/people/employee-rules.js';
import { EMPLOYEE_STATUSES, LEVELS, POSTS } from '../../domain/people/model.js';
import {
  createEmployee,
  getDescendants,
  getEmployee,
  getEmployees,
  listEmployees,
  updateEmployee,
  type StoredEmployee,
  employeeIdByNumber,
} from '../../storage/employees.js';
import { findIdempotent, IdempotentReplay, requestHash } from '../../storage/idempotency.js';
import { newId } from '../../storage/ids.js';
import { getOrgUnit, listOrgUnits } from '../../storage/org-units.js';
import { getPolicy } from '../../storage/policies.js';
import { reassignTasksOfLeaver } from '../../workflow/leavers.js';
import { actorOf, authorize, newRouter, nowIso, type AppEnv } from '../env.js';
import { requires } from '../middleware/requires.js';
import { message, type MessageCode } from '../messages.js';
import { fieldErrors, statusOf, type FieldError } from '../problem.js';
import { DateString, IdParam, LimitCursor, json, jsonBody, problemResponses } from '../schemas.js';

/** A transaction holds 100 items; moving a subtree writes the employee, the audit and everyone below. */
const MAX_MOVED_SUBTREE = 95;

export const EmployeeSchema = z
  .object({
    id: z.string(),
    employeeNo: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    post: z.enum(POSTS),
    level: z.enum(LEVELS),
    status: z.enum(EMPLOYEE_STATUSES),
    superiorId: z.string().nullable(),
    superiorName: z.string().nullable(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    departmentId: z.string().nullable(),
    hireDate: z.string(),
    probationEndDate: z.string().nullable(),
    baseSalary: z.number(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Employee');

const fields = {
  employeeNo: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, { message: 'format.employeeNo' }),
  name: z.string().trim().min(1).max(50),
  email: z.string().trim().toLowerCase().email().max(254),
  phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{5,19}$/, { message: 'format.phone' }),
  post: z.enum(POSTS),
  level: z.enum(LEVELS),
  superiorId: z.string().min(1).max(64).nullable(),
  teamId: z.string().min(1).max(64).nullable().optional(),
  hireDate: DateString,
  probationEndDate: DateString.nullable().optional(),
  status: z.enum(EMPLOYEE_STATUSES).optional(),
};

const CreateEmployeeBody = z.object(fields).strict().openapi('CreateEmployeeRequest');

const PatchEmployeeBody = z
  .object({
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
    version: z.number().int().min(1).openapi({ description: 'The version you read; a stale one gets 409' }),
  } as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> } & { version: z.ZodNumber })
  .strict()
  .openapi('PatchEmployeeRequest');

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

export function employeesRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
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
      tags: ['employees'],
      summary: 'One employee',
      request: { params: IdParam },
      responses: { 200: json(EmployeeSchema), ...problemResponses(401, 403, 404) },
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
      tags: ['employees'],
      summary: 'Create an employee (HR, admin). Supports Idempotency-Key.',
      request: {
        body: jsonBody(CreateEmployeeBody),
        headers: z.object({ 'idempotency-key': z.string().min(8).max(128).optional() }),
      },
      responses: { 201: json(EmployeeSchema, 'Created'), ...problemResponses(400, 401, 403, 409, 422) },
      middleware: [requires('employees:write')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'employees:write');
      const { store } = c.get('deps');
      const body = c.req.valid('json');
      const at = nowIso(c);
      const idemKey = c.req.valid('header')['idempotency-key'];
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
      tags: ['employees'],
      summary: 'Change an employee (HR, admin); `version` must be the one you read',
      description: 'Setting `status` to `terminated` (离职) also moves the open approval tasks of their account to their stand-in (policy `approvals.approverLeft`: the nearest superior, or HR); a task that cannot move is logged and stays.',
      request: { params: IdParam, body: jsonBody(PatchEmployeeBody) },
      responses: { 200: json(EmployeeSchema), ...problemResponses(400, 401, 403, 404, 409, 422) },
      middleware: [requires('employees:write')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'employees:write');
      const body = c.req.valid('json');
      const shown = await writePatch(c, p, await preparePatch(c, p, c.req.valid('param').id, body, nowIso(c)));
      return c.json(shown, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/batch',
      tags: ['employees'],
      summary: 'Create and change many employees at once (paste, import); each row is validated and written on its own and reported',
      description:
        'A row with `id` is a change (it needs `version`), without one a new employee. `superiorNo` may name the superior by employee number instead of `superiorId` (also a row earlier in the same batch). ' +
        'Each row is checked like a single POST/PATCH and written in its own transaction with its audit record, so one bad row never stops or undoes the others; ' +
        '`results[i]` says what happened to `items[i]` (`status` 200/201, or the problem’s status, code, message and field errors with paths relative to the row). ' +
        '`dryRun: true` checks every row (including taken employee numbers) and writes nothing: the import preview.',
      request: { body: jsonBody(BatchBody) },
      responses: { 200: json(BatchResult), ...problemResponses(400, 401, 403) },
      middleware: [requires('employees:write')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'employees:write');
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

type Ctx = Context<AppEnv>;
type CreateBody = z.infer<typeof CreateEmployeeBody>;
type PatchBody = z.infer<typeof PatchEmployeeBody>;
interface PreparedPatch {
  current: StoredEmployee;
  next: StoredEmployee;
  moved: StoredEmployee[];
  superior: StoredEmployee | null;
  team: Awaited<ReturnType<typeof getOrgUnit>>;
  at: string;
}

/** Every check of a new employee, no write: the record to create and what it refers to. */
async function prepareCreate(c: Ctx, p: Principal, body: CreateBody, at: string) {
  const { store } = c.get('deps');
  const [superior, team, org, probation] = await Promise.all([
    body.superiorId ? getEmployee(store, body.superiorId) : null,
    body.teamId ? getOrgUnit(store, body.teamId) : null,
    getPolicy(store, 'org'),
    getPolicy(store, 'probation'),
  ]);
  const employee = newEmployee(newId(), body, { superior, team, org: org.values, probation: probation.values, now: at });
  const scopePath = await scopeOf(c, p);
  if (superior && (scopePath === undefined || !inScope(scopePath, superior.path))) throw new DomainError('EMPLOYEE.SUPERIOR_NOT_FOUND', 'superiorId');
  return { employee, superior, team };
}

/** Every check of a change, no write: the changed record and, when the line moved, everyone below. */
async function preparePatch(c: Ctx, p: Principal, id: string, body: PatchBody, at: string): Promise<PreparedPatch> {
  const { store } = c.get('deps');
  const { version, ...patch } = body;
  const current = await visibleEmployee(c, p, id);
  if (current.version !== version) {
    throw new DomainError('RECORD.VERSION_CONFLICT', undefined, { version }, { current: (await present(c, [current]))[0] });
  }
  const superiorId = patch.superiorId === undefined ? current.superiorId : patch.superiorId;
  const teamId = patch.teamId === undefined ? current.teamId : patch.teamId;
  const [superior, team, org, probation] = await Promise.all([
    superiorId ? getEmployee(store, superiorId) : null,
    teamId ? getOrgUnit(store, teamId) : null,
    getPolicy(store, 'org'),
    getPolicy(store, 'probation'),
  ]);
  const next = changeEmployee(current, patch, { superior, team, org: org.values, probation: probation.values, now: at });
  let moved: StoredEmployee[] = [];
  if (next.path !== current.path) {
    const below = await getDescendants(store, current.path, MAX_MOVED_SUBTREE);
    moved = below.map((d) => ({ ...d, path: next.path + d.path.slice(current.path.length), version: d.version + 1, updatedAt: at }));
  }
  return { current, next, moved, superior, team, at };
}

async function writePatch(c: Ctx, p: Principal, r: PreparedPatch): Promise<z.infer<typeof EmployeeSchema>> {
  const { current, next, moved, at } = r;
  await updateEmployee(
    c.get('deps').store,
    current,
    next,
    { entityType: 'employee', entityId: current.id, action: 'update', actor: actorOf(p), channel: c.get('channel'), before: current as unknown as Record<string, unknown>, after: next as unknown as Record<string, unknown>, at },
    moved,
  );
  if (next.status === 'terminated' && current.status !== 'terminated') await handOverTasks(c, current.id, actorOf(p));
  const [shown] = await present(c, [next], { superior: r.superior, team: r.team });
  return shown!;
}

const MAX_BATCH = 500;
const BatchRow = z.record(z.string(), z.unknown());
const BatchBody = z
  .object({ items: z.array(BatchRow).min(1).max(MAX_BATCH), dryRun: z.boolean().default(false) })
  .strict()
  .openapi('EmployeeBatchRequest');
const BatchRowResult = z.object({
  index: z.number().int(),
  status: z.number().int(),
  id: z.string().nullable(),
  item: EmployeeSchema.nullable(),
  code: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })).optional(),
});
const BatchResult = z
  .object({ results: z.array(BatchRowResult), created: z.number().int(), updated: z.number().int(), failed: z.number().int() })
  .openapi('EmployeeBatchResult');

/**
 * Rows one by one, in order (a row may name a superior created by an earlier row). A row's
 * failure is its own result; only a fault of the system (5xx) stops the batch.
 */
async function runBatch(c: Ctx, p: Principal, rows: Record<string, unknown>[], dryRun: boolean): Promise<z.infer<typeof BatchRowResult>[]> {
  const { store } = c.get('deps');
  const lang = c.get('lang');
  const at = nowIso(c);
  const numbers = new Map<string, string>(); // employeeNo → id, for rows of this batch
  const numbersSeen = new Set<string>();
  const results: z.infer<typeof BatchRowResult>[] = [];
  for (const [index, raw] of rows.entries()) {
    const fail = (status: number, code: MessageCode, detail: string, errors?: FieldError[]) => results.push({ index, status, id: typeof raw.id === 'string' ? raw.id : null, item: null, code, detail, ...(errors ? { errors } : {}) });
    try {
      const { superiorNo, ...row } = raw;
      if (superiorNo !== undefined) {
        if (typeof superiorNo !== 'string' || !superiorNo.trim()) throw new DomainError('EMPLOYEE.SUPERIOR_NOT_FOUND', 'superiorNo');
        row.superiorId = numbers.get(superiorNo.trim()) ?? (await employeeIdByNumber(store, superiorNo.trim()));
        if (!row.superiorId) throw new DomainError('EMPLOYEE.SUPERIOR_NOT_FOUND', 'superiorNo');
      }
      if (typeof row.id === 'string') {
        const { id, ...rest } = row;
        const parsed = PatchEmployeeBody.safeParse(rest);
        if (!parsed.success) {
          fail(400, 'REQUEST.INVALID', message(lang, 'REQUEST.INVALID'), fieldErrors(lang, parsed.error.issues));
          continue;
        }
        const prepared = await preparePatch(c, p, id, parsed.data, at);
        const shown = dryRun ? (await present(c, [prepared.next], { superior: prepared.superior, team: prepared.team }))[0]! : await writePatch(c, p, prepared);
        results.push({ index, status: 200, id, item: shown });
        continue;
      }
      const parsed = CreateEmployeeBody.safeParse(row);
      if (!parsed.success) {
        fail(400, 'REQUEST.INVALID', message(lang, 'REQUEST.INVALID'), fieldErrors(lang, parsed.error.issues));
        continue;
      }
      const { employee, superior, team } = await prepareCreate(c, p, parsed.data, at);
      if (numbersSeen.has(employee.employeeNo) || (dryRun && (await employeeIdByNumber(store, employee.employeeNo)))) {
        throw new DomainError('EMPLOYEE.NUMBER_TAKEN', 'employeeNo', { employeeNo: employee.employeeNo });
      }
      if (!dryRun) {
        await createEmployee(store, employee, {
          entityType: 'employee', entityId: employee.id, action: 'create', actor: actorOf(p), channel: c.get('channel'), before: null, after: employee as unknown as Record<string, unknown>, at,
        });
      }
      numbersSeen.add(employee.employeeNo);
      numbers.set(employee.employeeNo, employee.id);
      const [shown] = await present(c, [employee], { superior, team });
      results.push({ index, status: 201, id: dryRun ? null : employee.id, item: shown! });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const detail = message(lang, err.code, err.params);
      fail(statusOf(err.code), err.code, detail, err.field ? [{ path: err.field, message: detail, code: err.code }] : undefined);
    }
  }
  return results;
}

/**
 * 离职: the leaver's open approval tasks go to their stand-in (policy approvals.approverLeft).
 * The employee change is already saved; a task that cannot move is logged, never an error here.
 */
async function handOverTasks(c: Context<AppEnv>, employeeId: string, actor: { id: string; name: string }): Promise<void> {
  const deps = c.get('deps');
  try {
    await reassignTasksOfLeaver(deps.workflow, employeeId, actor, c.get('channel'));
  } catch (err) {
    deps.log('error', 'tasks of an approver who left not moved', { requestId: c.get('requestId'), employeeId, error: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * The reporting path whose subtree the principal may see: null = everyone, undefined =
 * no one (a user with a scoped role but no employee record).
 */
export async function scopeOf(c: Context<AppEnv>, p: Principal): Promise<string | null | undefined> {
  if (seesWholeOrganisation(p)) return null;
  if (!p.employeeId) return undefined;
  const self = await getEmployee(c.get('deps').store, p.employeeId);
  return self?.path;
}

/** An employee the principal may see, or 404 (out-of-scope records are not revealed to exist). */
export async function visibleEmployee(c: Context<AppEnv>, p: Principal, id: string): Promise<StoredEmployee> {
  const [employee, scopePath] = await Promise.all([getEmployee(c.get('deps').store, id), scopeOf(c, p)]);
  if (!employee || scopePath === undefined || !inScope(scopePath, employee.path)) {
    throw new DomainError('EMPLOYEE.NOT_FOUND', 'id');
  }
  return employee;
}

/** Adds superior and team names: one batch read and one org-unit query per page, whatever its size. */
async function present(
  c: Context<AppEnv>,
  employees: StoredEmployee[],
  known: { superior?: StoredEmployee | null; team?: { id: string; name: string } | null } = {},
): Promise<z.infer<typeof EmployeeSchema>[]> {
  const { store } = c.get('deps');
  const superiorIds = [...new Set(employees.map((e) => e.superiorId).filter((id): id is string => !!id))];
  const needSuperiors = superiorIds.filter((id) => id !== known.superior?.id);
  const needUnits = employees.some((e) => e.teamId && e.teamId !== known.team?.id);
  const [superiors, units] = await Promise.all([
    needSuperiors.length ? getEmployees(store, needSuperiors) : Promise.resolve([]),
    needUnits ? listOrgUnits(store) : Promise.resolve([]),
  ]);
  const names = new Map(superiors.map((s) => [s.id, s.name]));
  if (known.superior) names.set(known.superior.id, known.superior.name);
  const teams = new Map(units.map((u) => [u.id, u.name]));
  if (known.team) teams.set(known.team.id, known.team.name);
  return employees.map((e) => ({
    id: e.id,
    employeeNo: e.employeeNo,
    name: e.name,
    email: e.email,
    phone: e.phone,
    post: e.post,
    level: e.level,
    status: e.status,
    superiorId: e.superiorId,
    superiorName: e.superiorId ? names.get(e.superiorId) ?? null : null,
    teamId: e.teamId,
    teamName: e.teamId ? teams.get(e.teamId) ?? null : null,
    departmentId: e.departmentId,
    hireDate: e.hireDate,
    probationEndDate: e.probationEndDate,
    baseSalary: e.baseSalary,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  }));
}
