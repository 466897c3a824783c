/**
 * Onboarding checklists (入职清单, POLICIES.md §2 step 6; 000 第三章第二节): opened when a hire
 * reports (the offer's report route writes it, storage/onboarding.ts `checklistWrites`); read
 * on the employee's file, and listed by status for HR (every checklist) and managers with
 * recruitment:write (those in their part of the organisation); each item ticked by its owner
 * (the employee id of the signed-in person), HR, or a manager with recruitment:write whose part
 * of the organisation holds the new hire. Every tick is audited; the checklist is done when
 * every item is.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { can, inScope, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { companyToday } from '../../domain/people/dates.js';
import { ONBOARDING_OWNERS, type OnboardingOwner } from '../../domain/policy/defaults.js';
import { changeMentor, isOverdue, markItem, type OnboardingChecklist, type OnboardingItem } from '../../domain/recruitment/onboarding.js';
import { auditPut } from '../../storage/audit.js';
import { getEmployee, getEmployees, type StoredEmployee } from '../../storage/employees.js';
import { getChecklist, listChecklists, onboardingChecklistPut } from '../../storage/onboarding.js';
import { transact } from '../../storage/transact.js';
import { actorOf, newRouter, nowIso, principalOf, type AppEnv } from '../env.js';
import { requires, signedIn } from '../middleware/requires.js';
import { json, jsonBody, LimitCursor, problemResponses } from '../schemas.js';
import { scopeOf } from './employee-scope.js';

type Lang = 'zh-CN' | 'en';
type Ctx = Context<AppEnv>;

export const OWNER_LABELS: Record<OnboardingOwner, Record<Lang, string>> = {
  supervisor: { 'zh-CN': '直属上级', en: 'the supervisor' },
  hr: { 'zh-CN': '人力资源部', en: 'HR' },
  mentor: { 'zh-CN': '导师', en: 'the mentor' },
  new_hire: { 'zh-CN': '新员工本人', en: 'the new hire' },
};

const ItemSchema = z
  .object({
    key: z.string(),
    label: z.string().openapi({ description: 'The item’s name in the caller’s language' }),
    labels: z.object({ 'zh-CN': z.string(), en: z.string() }),
    owner: z.enum(ONBOARDING_OWNERS as [OnboardingOwner, ...OnboardingOwner[]]),
    ownerLabel: z.string(),
    ownerId: z.string().nullable().openapi({ description: 'The owner’s employee id; null for HR (any HR member)' }),
    ownerName: z.string().nullable(),
    dueDate: z.string().openapi({ format: 'date', description: 'The report date plus the policy’s due days (company time)' }),
    overdue: z.boolean(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    doneByName: z.string().nullable(),
    canMark: z.boolean().openapi({ description: 'Whether the caller may tick or untick this item' }),
  })
  .openapi('OnboardingItem');

const ChecklistSchema = z
  .object({
    id: z.string(), employeeId: z.string(), employeeName: z.string(), offerId: z.string().nullable(),
    reportDate: z.string(), mentorEmployeeId: z.string().nullable(), status: z.enum(['open', 'done']),
    items: z.array(ItemSchema), policyVersion: z.number().int(), createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
    canSetMentor: z.boolean().openapi({ description: 'Whether the caller may name the mentor (PUT /onboarding-checklists/{id}/mentor): HR or a manager over the new hire' }),
    counts: z
      .object({ done: z.number().int(), total: z.number().int(), overdue: z.number().int() })
      .openapi({ description: 'Items done, all items, and items overdue (company date today)' }),
  })
  .openapi('OnboardingChecklist');

/** What the caller may do with one checklist: see it, and tick which items. */
interface Access {
  visible: boolean;
  /** HR, or a manager with recruitment:write whose part of the organisation holds the new hire: may name the mentor. */
  manages: boolean;
  mayMark(item: OnboardingItem): boolean;
}

const HR_WIDE = (p: Principal) => can(p, 'recruitment:manage');
const isOwner = (p: Principal, item: OnboardingItem) => p.kind === 'user' && !!p.employeeId && item.ownerId === p.employeeId;

async function accessTo(c: Ctx, p: Principal, checklist: OnboardingChecklist): Promise<Access> {
  if (HR_WIDE(p)) return { visible: true, manages: true, mayMark: () => true };
  const [scope, employee] = await Promise.all([scopeOf(c, p), getEmployee(c.get('deps').store, checklist.employeeId)]);
  return accessWith(p, scope, employee, checklist);
}

/** The same, from the caller's scope (scope.ts: null everyone, undefined no one) and the new hire's record, already read. */
function accessWith(p: Principal, scope: string | null | undefined, employee: StoredEmployee | null, checklist: OnboardingChecklist): Access {
  if (HR_WIDE(p)) return { visible: true, manages: true, mayMark: () => true };
  const covers = scope !== undefined && !!employee && inScope(scope, employee.path);
  const manages = covers && can(p, 'recruitment:write');
  const owns = checklist.items.some((i) => isOwner(p, i));
  return { visible: covers || owns, manages, mayMark: (item) => manages || isOwner(p, item) };
}

/**
 * GET / serves two questions: with `employeeId`, one file's checklist, for whoever reads people
 * (the handler decides per checklist, as on the file); without, the list, for HR and managers with
 * recruitment:write (others 403). Decided before validation, as `requires` does (403 before 400).
 */
function requiresChecklistReader(): MiddlewareHandler<AppEnv> {
  const ofEmployee = requires('employees:read');
  const list = requires('recruitment:manage', 'recruitment:write');
  return async function requiresChecklistReader(c, next) {
    await (c.req.query('employeeId') === undefined ? list : ofEmployee)(c, next);
  };
}

/** The new hires of a page of checklists, in BatchGets of 100 (a page holds at most 200). */
async function newHiresOf(c: Ctx, checklists: OnboardingChecklist[]): Promise<Map<string, StoredEmployee>> {
  const ids = [...new Set(checklists.map((l) => l.employeeId))];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 100) chunks.push(ids.slice(i, i + 100));
  const found = await Promise.all(chunks.map((chunk) => getEmployees(c.get('deps').store, chunk)));
  return new Map(found.flat().map((e) => [e.id, e]));
}

function present(c: OnboardingChecklist, access: Access, lang: Lang, today: string): z.infer<typeof ChecklistSchema> {
  return {
    id: c.id, employeeId: c.employeeId, employeeName: c.employeeName, offerId: c.offerId, reportDate: c.reportDate, mentorEmployeeId: c.mentorEmployeeId,
    status: c.status, policyVersion: c.policyVersion, createdAt: c.createdAt, updatedAt: c.updatedAt, version: c.version, canSetMentor: access.manages,
    items: c.items.map((i) => ({
      key: i.key, label: i.label[lang], labels: i.label, owner: i.owner, ownerLabel: OWNER_LABELS[i.owner][lang], ownerId: i.ownerId, ownerName: i.ownerName,
      dueDate: i.dueDate, overdue: isOverdue(i, today), done: i.done, doneAt: i.doneAt, doneByName: i.doneByName, canMark: access.mayMark(i),
    })),
    counts: { done: c.items.filter((i) => i.done).length, total: c.items.length, overdue: c.items.filter((i) => isOverdue(i, today)).length },
  };
}

/** A stale version is a concurrent tick of another item: read again and apply ours on top (a few times). */
const ATTEMPTS = 3;

/**
 * Writes the changed checklist with its audit record, if it is still the version read. False
 * when another change came first and attempts remain: the caller reads again and reapplies.
 */
async function saved(
  c: Ctx, p: Principal, next: OnboardingChecklist, previous: OnboardingChecklist,
  change: { action: string; before: Record<string, unknown>; after: Record<string, unknown> }, attempt: number,
): Promise<boolean> {
  const { store } = c.get('deps');
  const audit = auditPut(store, { entityType: 'onboardingChecklist', entityId: previous.id, actor: actorOf(p), channel: c.get('channel'), at: next.updatedAt, ...change });
  try {
    await transact(store, [onboardingChecklistPut(store, next, previous), { write: audit }]);
    return true;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'RECORD.VERSION_CONFLICT' && attempt < ATTEMPTS) return false;
    throw err;
  }
}

export function onboardingRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listOnboardingChecklists', tags: ['recruitment'],
      summary: 'Onboarding checklists (入职清单): of one employee (`employeeId`), or the list by status, newest report first (HR; a manager, those in their part of the organisation)',
      description:
        'With `employeeId`: that employee’s checklist, for whoever reads people; empty when there is none or it is not the caller’s to see (`status`, `limit` and `cursor` are not used). ' +
        'Without: the checklists in `status` (default `open`), newest report date first, for HR and managers with recruitment:write, others 403. ' +
        'A manager’s page is read from all checklists and filtered to their part of the organisation, so it may hold fewer than `limit`; follow `nextCursor`.',
      middleware: [requiresChecklistReader()] as const,
      request: {
        query: z.object({
          employeeId: z.string().min(1).max(64).optional(),
          status: z.enum(['open', 'done']).default('open').openapi({ description: 'The list’s status: open (进行中, the default) or done (已完成)' }),
          ...LimitCursor,
        }),
      },
      responses: { 200: json(z.object({ items: z.array(ChecklistSchema), nextCursor: z.string().nullable() }).openapi('OnboardingChecklistList')), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const q = c.req.valid('query');
      const lang = c.get('lang');
      const today = companyToday(deps.now());
      if (q.employeeId !== undefined) {
        const checklist = await getChecklist(deps.store, q.employeeId);
        if (!checklist) return c.json({ items: [], nextCursor: null }, 200);
        const access = await accessTo(c, p, checklist);
        return c.json({ items: access.visible ? [present(checklist, access, lang, today)] : [], nextCursor: null }, 200);
      }
      const page = await listChecklists(deps.store, { status: q.status, limit: q.limit, cursor: q.cursor });
      if (HR_WIDE(p)) return c.json({ items: page.items.map((l) => present(l, accessWith(p, null, null, l), lang, today)), nextCursor: page.nextCursor }, 200);
      // A manager: the page (at most `limit` checklists) filtered to their part of the organisation.
      // An item's owner outside it (a mentor) finds theirs on the new hire's file, not in this list.
      const [scope, hires] = await Promise.all([scopeOf(c, p), newHiresOf(c, page.items)]);
      const items = page.items.flatMap((l) => {
        const hire = hires.get(l.employeeId) ?? null;
        const covers = scope !== undefined && !!hire && inScope(scope, hire.path);
        return covers ? [present(l, accessWith(p, scope, hire, l), lang, today)] : [];
      });
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/items/{key}', operationId: 'markOnboardingItem', tags: ['recruitment'],
      summary: 'Ticks (or unticks) one item of a checklist: its owner, HR, or a manager over the new hire; the checklist is done when every item is',
      middleware: [signedIn({ apiKeys: 'recruitment:manage' })] as const,
      request: {
        params: z.object({
          id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, description: 'The checklist’s id (the employee’s)' }),
          key: z.string().min(1).max(64).openapi({ param: { name: 'key', in: 'path' }, description: 'The item’s key (recruitment policy `onboardingItems`)' }),
        }),
        body: jsonBody(z.object({ done: z.boolean() }).strict().openapi('OnboardingItemMark')),
      },
      responses: { 200: json(ChecklistSchema), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const { id, key } = c.req.valid('param');
      const { done } = c.req.valid('json');
      const lang = c.get('lang');
      for (let attempt = 1; ; attempt++) {
        const checklist = await getChecklist(deps.store, id);
        const access = checklist ? await accessTo(c, p, checklist) : null;
        // One the caller may not see is as good as none (it names someone's new hire).
        if (!checklist || !access?.visible) throw new DomainError('ONBOARDING.NOT_FOUND', 'id');
        const item = checklist.items.find((i) => i.key === key);
        if (!item) throw new DomainError('ONBOARDING.ITEM_NOT_FOUND', 'key', { key });
        if (!access.mayMark(item)) throw new DomainError('ONBOARDING.NOT_YOURS', 'key', { owner: item.ownerName ?? OWNER_LABELS[item.owner][lang] });
        const at = nowIso(c);
        const next = markItem(checklist, key, done, actorOf(p), at);
        const today = companyToday(deps.now());
        if (!next) return c.json(present(checklist, access, lang, today), 200);
        // Only what changed is kept (storage/audit.ts): the item by its key, and the checklist's status.
        const change = { action: done ? 'item_done' : 'item_undone', before: { [`items.${key}.done`]: item.done, status: checklist.status }, after: { [`items.${key}.done`]: done, status: next.status } };
        if (!(await saved(c, p, next, checklist, change, attempt))) continue;
        return c.json(present(next, access, lang, today), 200);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/{id}/mentor', operationId: 'setOnboardingMentor', tags: ['recruitment'],
      summary: 'Names (or changes, or clears) the new hire’s mentor (带教导师, 000: a senior colleague): HR or a manager over the new hire; the mentor’s items still to do move to them',
      description: 'A mentor must be a current employee other than the new hire (422 naming `mentorEmployeeId`); null: none, so the superior sees to the mentor’s items. Items already done stay with whoever did them. Audited (`mentor`).',
      middleware: [signedIn({ apiKeys: 'recruitment:manage' })] as const,
      request: {
        params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, description: 'The checklist’s id (the employee’s)' }) }),
        body: jsonBody(z.object({ mentorEmployeeId: z.string().min(1).max(64).nullable() }).strict().openapi('OnboardingMentor')),
      },
      responses: { 200: json(ChecklistSchema), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const { id } = c.req.valid('param');
      const { mentorEmployeeId } = c.req.valid('json');
      const lang = c.get('lang');
      for (let attempt = 1; ; attempt++) {
        const checklist = await getChecklist(deps.store, id);
        const access = checklist ? await accessTo(c, p, checklist) : null;
        if (!checklist || !access?.visible) throw new DomainError('ONBOARDING.NOT_FOUND', 'id');
        if (!access.manages) throw new DomainError('ONBOARDING.MANAGERS_ONLY');
        if (mentorEmployeeId === checklist.employeeId) throw new DomainError('ONBOARDING.MENTOR_SELF', 'mentorEmployeeId');
        const [hire, mentor] = await Promise.all([
          getEmployee(deps.store, checklist.employeeId),
          mentorEmployeeId ? getEmployee(deps.store, mentorEmployeeId) : null,
        ]);
        if (mentorEmployeeId && (!mentor || (mentor.status !== 'regular' && mentor.status !== 'probation'))) throw new DomainError('ONBOARDING.MENTOR_UNKNOWN', 'mentorEmployeeId');
        const superior = hire?.superiorId ? await getEmployee(deps.store, hire.superiorId) : null;
        const at = nowIso(c);
        const today = companyToday(deps.now());
        const next = changeMentor(checklist, mentor ? { id: mentor.id, name: mentor.name } : null, superior ? { id: superior.id, name: superior.name } : null, at);
        if (!next) return c.json(present(checklist, access, lang, today), 200);
        const change = { action: 'mentor', before: { mentorEmployeeId: checklist.mentorEmployeeId }, after: { mentorEmployeeId: next.mentorEmployeeId } };
        if (!(await saved(c, p, next, checklist, change, attempt))) continue;
        return c.json(present(next, access, lang, today), 200);
      }
    },
  );

  return app;
}
