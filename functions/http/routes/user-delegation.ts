/**
 * 代理 Delegation (approval verbs issue): a person away for a date range names a delegate;
 * while it is in force new tasks go to the delegate (`assign`), and existing ones can be
 * moved now. Who may set it: the person, anyone above them in the org tree, HR (also for
 * someone who left or whose account is disabled) and admins. Mounted under /api/v1/users.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { peopleOnly, signedIn } from '../middleware/requires.js';
import type { Context } from 'hono';
import { can, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { getEmployee } from '../../storage/employees.js';
import { getUser, publicUser, setDelegation, type Delegation, type StoredUser } from '../../storage/users.js';
import { hasLeft } from '../../workflow/assignees.js';
import { moveOpenTasks, type MoveReport } from '../../workflow/move-tasks.js';
import { actorOf, authorize, newRouter, nowIso, principalOf, type AppEnv } from '../env.js';
import { DateString, IdParam, json, jsonBody, problemResponses } from '../schemas.js';

/** Longest delegation, in days including both ends: a leap year. */
const MAX_DAYS = 366;

export const DelegationSchema = z
  .object({
    delegateId: z.string(),
    delegateName: z.string(),
    from: z.string().openapi({ format: 'date', description: 'First day, company time (Asia/Shanghai), inclusive' }),
    to: z.string().openapi({ format: 'date', description: 'Last day, company time, inclusive' }),
    setById: z.string(),
    setByName: z.string(),
    setAt: z.string(),
  })
  .openapi('Delegation');

const SetDelegationBody = z
  .object({
    delegateId: z.string().min(1).max(64).openapi({ description: 'The user who acts for this person: an active account of someone who has not left; not the person themself' }),
    from: DateString.openapi({ description: 'First day (YYYY-MM-DD, company time, inclusive)' }),
    to: DateString.openapi({ description: `Last day (inclusive); not before \`from\`, at most ${MAX_DAYS} days in all` }),
    movePending: z.boolean().optional().openapi({ description: 'Also move the tasks this person holds now (pending, or waiting in a later stage) to the delegate' }),
  })
  .strict()
  .openapi('SetDelegationRequest');

const MoveResult = {
  moved: z.array(z.string()).openapi({ description: 'Ids of the tasks moved to the delegate (each now `transferred`; its links answer 410)' }),
  failed: z.array(z.object({ id: z.string(), code: z.string() })).openapi({ description: 'Tasks that stayed, with the reason (e.g. the delegate is the request’s subject or already asked at that step)' }),
};

const WHO = 'The person themself, anyone above them in the org tree, HR (also for someone who left or whose account is disabled) and admins. API keys may read with the `users:read` scope and never change a delegation (`users:write` is not a key scope).';

export function userDelegationRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}/delegation', operationId: 'getDelegation', tags: ['users'], summary: '代理: the user’s delegation (null when none)',
      middleware: [signedIn({ apiKeys: 'users:read' })] as const,
      description: `${WHO} Roles that may read user accounts (\`users:read\`) may read it too.`,
      request: { params: IdParam },
      responses: { 200: json(z.object({ delegation: DelegationSchema.nullable() })), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { target } = await access(c, c.req.valid('param').id, 'read');
      return c.json({ delegation: target.delegation ?? null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/{id}/delegation', operationId: 'setDelegation', tags: ['users'],
      middleware: [peopleOnly()] as const,
      summary: '代理: set the user’s out-of-office delegate for a date range',
      description: `While today (company time) is within [from, to], new approval tasks for this person go to the delegate, marked "on behalf of" them; one hop only (the delegate’s own delegation is not followed). With \`movePending\` their current tasks move too, each on its own (audited; the old email links answer 410 transferred). Replaces any earlier delegation. ${WHO}`,
      request: { params: IdParam, body: jsonBody(SetDelegationBody) },
      responses: {
        200: json(z.object({ delegation: DelegationSchema, ...MoveResult }).openapi('SetDelegationResult')),
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { target, principal } = await access(c, c.req.valid('param').id, 'write');
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const days = (Date.parse(body.to) - Date.parse(body.from)) / 86_400_000 + 1;
      if (days < 1 || days > MAX_DAYS) throw new DomainError('USER.DELEGATION_RANGE', 'to', { maxDays: MAX_DAYS });
      if (body.delegateId === target.id) throw new DomainError('USER.DELEGATE_SELF', 'delegateId');
      const found = await getUser(deps.store, body.delegateId);
      const delegate = found ? publicUser(found) : null;
      if (!delegate || (await hasLeft(deps.workflow, delegate))) throw new DomainError('USER.DELEGATE_UNAVAILABLE', 'delegateId');
      const actor = actorOf(principal);
      const at = nowIso(c);
      const delegation: Delegation = { delegateId: delegate.id, delegateName: delegate.name, from: body.from, to: body.to, setById: actor.id, setByName: actor.name, setAt: at };
      await setDelegation(deps.store, target, delegation, { action: 'delegate', actor, channel: c.get('channel'), at });
      let report: MoveReport = { moved: [], failed: [] };
      if (body.movePending) {
        report = await moveOpenTasks(deps.workflow, {
          userId: target.id, states: ['pending', 'waiting'], reason: 'delegated', actor, channel: c.get('channel'),
          candidates: [{ user: delegate, onBehalfOf: { id: target.id, name: target.name }, reason: 'delegated' }],
        });
      }
      return c.json({ delegation, ...report }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/{id}/delegation', operationId: 'endDelegation', tags: ['users'], summary: '代理: end the user’s delegation now',
      middleware: [peopleOnly()] as const,
      description: `New tasks go to the person again. Tasks already with the delegate stay there (transfer them back if needed). ${WHO}`,
      request: { params: IdParam },
      responses: { 204: { description: 'Cleared (also when there was none)' }, ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { target, principal } = await access(c, c.req.valid('param').id, 'write');
      if (target.delegation) {
        await setDelegation(c.get('deps').store, target, null, { action: 'undelegate', actor: actorOf(principal), channel: c.get('channel'), at: nowIso(c) });
      }
      return c.body(null, 204);
    },
  );

  return app;
}

/** The user whose delegation is read or changed, if the caller may; else 403 (404 when there is no such user). */
async function access(c: Context<AppEnv>, id: string, mode: 'read' | 'write'): Promise<{ target: StoredUser; principal: Principal }> {
  const p = principalOf(c);
  // API keys act only within their scopes (the pattern of the other user routes).
  if (p.kind === 'apiKey') authorize(c, mode === 'read' ? 'users:read' : 'users:write');
  const { store } = c.get('deps');
  const target = await getUser(store, id);
  if (!target) throw new DomainError('USER.NOT_FOUND', 'id');
  if (p.kind === 'apiKey' || p.roles.includes('hr') || p.roles.includes('admin')) return { target, principal: p };
  if (mode === 'read' && can(p, 'users:read')) return { target, principal: p };
  const [targetEmployee, actorEmployee] = await Promise.all([
    target.employeeId ? getEmployee(store, target.employeeId) : null,
    p.employeeId ? getEmployee(store, p.employeeId) : null,
  ]);
  const self = p.id === target.id;
  const above = !!targetEmployee && !!actorEmployee && targetEmployee.id !== actorEmployee.id && targetEmployee.path.startsWith(actorEmployee.path);
  if (!self && !above) throw new DomainError('AUTH.FORBIDDEN');
  // Only HR acts for someone who has left or whose account is disabled.
  const left = target.status !== 'active' || targetEmployee?.status === 'terminated';
  if (mode === 'write' && left) throw new DomainError('AUTH.FORBIDDEN');
  return { target, principal: p };
}
