import { createRoute, z } from '@hono/zod-openapi';
import { assertAcceptablePassword } from '../../domain/auth/password-policy.js';
import { can, ROLES } from '../../domain/auth/roles.js';
import { editableEmployeeFields } from '../../domain/people/arrangement.js';
import { DomainError } from '../../domain/errors.js';
import { getEmployee, getEmployees } from '../../storage/employees.js';
import { listOrgUnits } from '../../storage/org-units.js';
import { POSTS } from '../../domain/people/model.js';
import { newId } from '../../storage/ids.js';
import { getPolicy } from '../../storage/policies.js';
import { createUser, findUserByEmployee, getUser, listUsers, publicUser, setUserLanguage } from '../../storage/users.js';
import { actorOf, authorize, newRouter, nowIso, principalOf } from '../env.js';
import { peopleOnly, requires, signedIn } from '../middleware/requires.js';
import { LimitCursor, json, jsonBody, problemResponses, lineText } from '../schemas.js';
import { hashPassword } from '../security/passwords.js';
import { userAccountRoutes } from './user-accounts.js';
import { userDelegationRoutes } from './user-delegation.js';
import { UserSchema } from './user-schema.js';


const MeSchema = UserSchema.extend({
  kind: z.enum(['user', 'apiKey']),
  editableEmployeeFields: z.array(z.string()).openapi({
    description:
      'The employee fields you may change on other people’s records: every field PATCH /employees/{id} takes with `employees:write` (HR, admin, or an API key with that scope); ' +
      'the org policy’s `managerEditableFields` with `employees:arrange` (supervisors, CS managers — for the people below them); otherwise none. ' +
      'An API key with only `employees:arrange` has no place in the reporting tree, so none.',
  }),
}).openapi('Me');

const CreateUserBody = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(256),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
    employeeId: z.string().min(1).max(64).nullable().optional(),
    name: lineText(50).optional().openapi({ description: 'Defaults to the employee’s name' }),
    language: z.enum(['zh-CN', 'en']).default('zh-CN'),
    mustChangePassword: z.boolean().default(false).openapi({ description: 'Ask the person to choose their own password at first sign-in (the password given here is one the administrator knows)' }),
  })
  .strict()
  .openapi('CreateUserRequest');

export function usersRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      operationId: 'getMe',
      tags: ['users'],
      summary: 'The signed-in user, and which employee fields they may change',
      // Any key may ask who it is: the answer is about the key itself (its name), nothing else.
      middleware: [signedIn({ apiKeys: 'any' })] as const,
      responses: { 200: json(MeSchema), ...problemResponses(401) },
    }),
    async (c) => {
      const p = principalOf(c);
      const { store } = c.get('deps');
      // Only an arranger's answer depends on the org policy; everyone else costs no extra read.
      const arranges = !can(p, 'employees:write') && can(p, 'employees:arrange') && !!p.employeeId;
      const [user, org] = await Promise.all([p.kind === 'user' ? getUser(store, p.id) : null, arranges ? getPolicy(store, 'org') : null]);
      const editable = editableEmployeeFields(p, org?.values.managerEditableFields ?? []);
      if (p.kind === 'apiKey') {
        const at = nowIso(c);
        return c.json({ id: p.id, email: '', roles: [], employeeId: null, name: p.name, language: p.language, status: 'active' as const, mustChangePassword: false, version: 1, createdAt: at, updatedAt: at, kind: 'apiKey' as const, editableEmployeeFields: editable }, 200);
      }
      if (!user) throw new DomainError('AUTH.UNAUTHENTICATED');
      return c.json({ ...publicUser(user), kind: 'user' as const, editableEmployeeFields: editable }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/me',
      operationId: 'updateMe',
      tags: ['users'],
      summary: 'Change my preferences (language)',
      middleware: [peopleOnly()] as const,
      request: { body: jsonBody(z.object({ language: z.enum(['zh-CN', 'en']) }).strict()) },
      responses: { 204: { description: 'Saved' }, ...problemResponses(400, 401) },
    }),
    async (c) => {
      const p = principalOf(c);
      if (p.kind !== 'user') throw new DomainError('AUTH.FORBIDDEN');
      await setUserLanguage(c.get('deps').store, p.id, c.req.valid('json').language, nowIso(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'createUser',
      tags: ['users'],
      summary: 'Create a user account (admin)',
      request: { body: jsonBody(CreateUserBody) },
      responses: { 201: json(UserSchema, 'Created'), ...problemResponses(400, 401, 403, 409, 422) },
      middleware: [requires('users:write')] as const,
    }),
    async (c) => {
      const p = authorize(c, 'users:write');
      const { store } = c.get('deps');
      const body = c.req.valid('json');
      await assertAcceptablePassword(body.password, 'password');
      const employee = body.employeeId ? await getEmployee(store, body.employeeId) : null;
      if (body.employeeId && !employee) throw new DomainError('USER.EMPLOYEE_NOT_FOUND', 'employeeId');
      if (employee && (await findUserByEmployee(store, employee.id))) throw new DomainError('USER.EMPLOYEE_LINKED', 'employeeId');
      const at = nowIso(c);
      const user = {
        id: newId(),
        email: body.email,
        roles: body.roles,
        employeeId: employee?.id ?? null,
        name: body.name ?? employee?.name ?? body.email,
        language: body.language,
        status: 'active' as const,
        mustChangePassword: body.mustChangePassword,
        version: 1,
        createdAt: at,
        updatedAt: at,
        passwordHash: await hashPassword(body.password),
      };
      await createUser(store, user, {
        entityType: 'user', entityId: user.id, action: 'create', actor: actorOf(p), channel: c.get('channel'), before: null, after: null, at,
      });
      return c.json(publicUser(user), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/directory',
      operationId: 'listDirectory',
      tags: ['users'],
      summary: 'The company directory: who can be picked as an approver (names only, for transfers)',
      middleware: [requires('approvals:write')] as const,
      request: { query: z.object(LimitCursor) },
      responses: {
        200: json(z.object({
          items: z.array(z.object({
            id: z.string(), name: z.string(), employeeId: z.string().nullable(), roles: z.array(z.enum(ROLES)),
            post: z.enum(POSTS).nullable().openapi({ description: 'The linked employee’s post, shown beside the name in pickers' }),
            teamName: z.string().nullable().openapi({ description: 'The linked employee’s team' }),
          })),
          nextCursor: z.string().nullable(),
        })),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { store } = c.get('deps');
      const page = await listUsers(store, { limit: q.limit, cursor: q.cursor });
      const active = page.items.filter((u) => u.status === 'active');
      // Post and team beside each name (people pickers): two BatchGets of at most 100 and the org units' one Query.
      const ids = active.flatMap((u) => (u.employeeId ? [u.employeeId] : []));
      const [employees, units] = await Promise.all([
        Promise.all([getEmployees(store, ids.slice(0, 100)), getEmployees(store, ids.slice(100, 200))]).then((parts) => parts.flat()),
        ids.length ? listOrgUnits(store) : [],
      ]);
      const employee = new Map(employees.map((e) => [e.id, e]));
      const unit = new Map(units.map((u) => [u.id, u.name]));
      return c.json({
        items: active.map((u) => {
          const e = u.employeeId ? employee.get(u.employeeId) : undefined;
          return { id: u.id, name: u.name, employeeId: u.employeeId, roles: u.roles, post: e?.post ?? null, teamName: e?.teamId ? unit.get(e.teamId) ?? null : null };
        }),
        nextCursor: page.nextCursor,
      }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listUsers',
      tags: ['users'],
      summary: 'List user accounts',
      request: { query: z.object(LimitCursor) },
      responses: { 200: json(z.object({ items: z.array(UserSchema), nextCursor: z.string().nullable() })), ...problemResponses(400, 401, 403) },
      middleware: [requires('users:read')] as const,
    }),
    async (c) => {
      authorize(c, 'users:read');
      const q = c.req.valid('query');
      return c.json(await listUsers(c.get('deps').store, { limit: q.limit, cursor: q.cursor }), 200);
    },
  );

  app.route('/', userDelegationRoutes());
  app.route('/', userAccountRoutes());

  return app;
}
