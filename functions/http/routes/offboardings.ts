/**
 * 离职办理 (offboarding, POLICIES.md §9; seed 001 六; #15): the record every leaver gets. Read by
 * the leaver, those whose part of the organisation holds them, HR, and whoever a handover item is
 * addressed to. The receiver signs a handover item; HR or a manager over the leaver checks the
 * inventory; HR fills the exit form and closes the record once everything is signed and the last
 * day has passed. The last day's work and the reminder before it are the daily job's
 * (workflow/offboarding.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { can, inScope, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import {
  amountOwed, checkInventory, closeBlockers, HANDOVER_SOURCES, OFFBOARDING_REASONS, OFFBOARDING_STATUSES, payDate, type HandoverItem, type Offboarding,
} from '../../domain/offboarding/record.js';
import { companyToday } from '../../domain/people/dates.js';
import { auditPut } from '../../storage/audit.js';
import { getEmployee } from '../../storage/employees.js';
import { getLeavingGuard, getOffboarding, leavingGuardDelete, listOffboardings, offboardingPut, offboardingsOfEmployee } from '../../storage/offboardings.js';
import { requestPolicy } from '../request-memo.js';
import { transact, type TxItem } from '../../storage/transact.js';
import { moveReport, offboardingPath, REASON_LABELS } from '../../workflow/offboarding.js';
import { actorOf, newRouter, principalOf, type AppEnv } from '../env.js';
import { requires } from '../middleware/requires.js';
import { DateString, IdParam, LimitCursor, json, jsonBody, lineText, paragraphText, problemResponses, reasonText } from '../schemas.js';
import { scopeOf } from './employee-scope.js';

type Ctx = Context<AppEnv>;
type Lang = 'zh-CN' | 'en';

const STATUS_LABELS: Record<Offboarding['status'], Record<Lang, string>> = {
  open: { 'zh-CN': '办理中', en: 'In progress' },
  completed: { 'zh-CN': '已办结', en: 'Completed' },
  cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
};

const HandoverSchema = z.object({
  id: z.string(),
  source: z.enum(HANDOVER_SOURCES).openapi({ description: 'Where it comes from: a task they hold, a request they started, an onboarding item they see to, a person reporting to them, or written in' }),
  description: z.string(),
  refId: z.string().nullable(),
  receiverEmployeeId: z.string().nullable().openapi({ description: 'Who signs it as received; null: any HR member' }),
  receiverName: z.string().nullable(),
  receivedAt: z.string().nullable(),
  receivedByName: z.string().nullable(),
}).openapi('HandoverItem');

const InventorySchema = z.object({
  id: z.string(),
  item: z.string(),
  returned: z.boolean().nullable().openapi({ description: 'Null until checked; false: missing, the leaver answers for `amount`' }),
  amount: z.number().openapi({ description: 'Yuan the leaver answers for (0 when returned); the policy’s amount unless another was recorded' }),
  defaultAmount: z.number(),
  checkedAt: z.string().nullable(),
  checkedByName: z.string().nullable(),
}).openapi('InventoryItem');

const ExitFormSchema = z.object({
  reasonCategory: z.string().nullable(), reasonLabel: z.string().nullable(),
  interviewNotes: z.string().nullable(), rehireEligible: z.boolean().nullable(),
  updatedAt: z.string().nullable(), updatedByName: z.string().nullable(),
}).openapi('ExitForm');

export const OffboardingSchema = z.object({
  id: z.string(),
  employeeId: z.string(), employeeName: z.string(), employeeNo: z.string(),
  reason: z.enum(OFFBOARDING_REASONS), reasonLabel: z.string(),
  lastDay: z.string().openapi({ format: 'date', description: 'The last working day; the account closes when it ends' }),
  finalPayDate: z.string().openapi({ format: 'date', description: 'The policy’s day (15th) of the month after the handover was complete (the last signature, never before the last day). Until everything is signed, the earliest it can be (`finalPayDateFixed` false): a late signature moves it' }),
  finalPayDateFixed: z.boolean(),
  status: z.enum(OFFBOARDING_STATUSES), statusLabel: z.string(),
  handover: z.array(HandoverSchema),
  inventory: z.array(InventorySchema),
  amountOwed: z.number().openapi({ description: 'The sum the leaver answers for (items not returned)' }),
  exitForm: ExitFormSchema.nullable().openapi({ description: 'HR’s (exit interview notes are HR’s only): null for other readers' }),
  resignationId: z.string().nullable(), reviewId: z.string().nullable(),
  remindedAt: z.string().nullable(), leftAt: z.string().nullable().openapi({ description: 'When the last day’s work ran: terminated, account disabled, tasks and reports moved' }),
  closedAt: z.string().nullable(), closedByName: z.string().nullable(),
  cancellation: z.object({ at: z.string(), byName: z.string(), reason: z.string() }).nullable(),
  can: z.object({
    receive: z.array(z.string()).openapi({ description: 'Handover items the reader may sign' }),
    manage: z.boolean().openapi({ description: 'May check the inventory, add items and name receivers (HR, or a manager over the leaver)' }),
    exitForm: z.boolean(), close: z.boolean(), cancel: z.boolean(),
    closeBlockers: z.array(z.object({ field: z.string(), code: z.string() })),
  }),
  consolePath: z.string(),
  createdAt: z.string(), updatedAt: z.string(), version: z.number().int(),
}).openapi('Offboarding');

const ListQuery = z.object({
  employeeId: z.string().min(1).max(64).optional().openapi({ description: 'One employee’s offboardings (newest first); without it, the list by status and last day' }),
  status: z.enum(OFFBOARDING_STATUSES).default('open'),
  from: DateString.optional().openapi({ description: 'Last day on or after (YYYY-MM-DD)' }),
  to: DateString.optional().openapi({ description: 'Last day on or before (YYYY-MM-DD)' }),
  ...LimitCursor,
});

const ItemParams = IdParam.extend({ itemId: z.string().min(1).max(64).openapi({ param: { name: 'itemId', in: 'path' } }) });

const AddHandover = z.object({
  description: lineText(500).openapi({ description: 'What is handed over (free text)' }),
  receiverEmployeeId: z.string().min(1).max(64).nullable().optional().openapi({ description: 'Who signs for it: a current employee other than the leaver; null or absent: any HR member' }),
}).strict().openapi('AddHandoverItem');

const SetReceiver = z.object({
  receiverEmployeeId: z.string().min(1).max(64).nullable().openapi({ description: 'The new receiver (for a report: their new superior); null: any HR member' }),
}).strict().openapi('SetHandoverReceiver');

const CheckInventory = z.object({
  returned: z.boolean(),
  amount: z.number().int().min(0).max(100_000).optional().openapi({ description: 'Yuan the leaver answers for a missing item; absent: the policy’s amount. Must be 0 or absent when returned' }),
}).strict().openapi('CheckInventoryItem');

const ExitFormBody = z.object({
  reasonCategory: z.string().min(1).max(64).openapi({ description: 'A key of the policy’s exitReasons' }),
  interviewNotes: paragraphText(4000).nullable().optional().openapi({ description: '离职面谈 notes (HR’s)' }),
  rehireEligible: z.boolean(),
}).strict().openapi('ExitFormRequest');

const CancelBody = z.object({ reason: reasonText(2000).openapi({ description: 'The agreement (e.g. the employee stays by agreement with the department)' }) }).strict().openapi('CancelOffboarding');

interface Access { hr: boolean; manager: boolean; leaver: boolean; receiverOf: Set<string> }

async function accessTo(c: Ctx, p: Principal, r: Offboarding): Promise<Access | null> {
  const scope = await scopeOf(c, p);
  const inLine = scope !== undefined && inScope(scope, r.employeePath);
  const hr = can(p, 'offboarding:manage');
  const leaver = p.kind === 'user' && p.employeeId === r.employeeId;
  const receiverOf = new Set(r.handover.filter((h) => (h.receiverEmployeeId ? h.receiverEmployeeId === p.employeeId && p.kind === 'user' : hr)).map((h) => h.id));
  if (!inLine && !hr && receiverOf.size === 0) return null;
  return { hr, manager: hr || (inLine && !leaver), leaver, receiverOf };
}

async function visible(c: Ctx, p: Principal, id: string): Promise<{ r: Offboarding; access: Access }> {
  const r = await getOffboarding(c.get('deps').store, id);
  const access = r ? await accessTo(c, p, r) : null;
  if (!r || !access) throw new DomainError('OFFBOARDING.NOT_FOUND', 'id');
  return { r, access };
}

async function present(c: Ctx, r: Offboarding, access: Access | null): Promise<z.infer<typeof OffboardingSchema>> {
  const lang = c.get('lang');
  const zh = lang === 'zh-CN';
  const policy = access?.hr ? await requestPolicy(c, 'offboarding') : null;
  const pay = payDate(r);
  const reason = policy?.values.exitReasons.find((e) => e.key === r.exitForm.reasonCategory);
  return {
    id: r.id, employeeId: r.employeeId, employeeName: r.employeeName, employeeNo: r.employeeNo,
    reason: r.reason, reasonLabel: REASON_LABELS[r.reason][lang], lastDay: r.lastDay,
    finalPayDate: pay.finalPayDate, finalPayDateFixed: pay.fixed,
    status: r.status, statusLabel: STATUS_LABELS[r.status][lang],
    handover: r.handover.map((h) => ({
      id: h.id, source: h.source, description: zh ? h.description : h.descriptionEn, refId: h.refId,
      receiverEmployeeId: h.receiverEmployeeId, receiverName: h.receiverName ?? (zh ? '人力资源部' : 'HR'), receivedAt: h.receivedAt, receivedByName: h.receivedByName,
    })),
    inventory: r.inventory.map((i) => ({ id: i.id, item: zh ? i.item : i.itemEn, returned: i.returned, amount: i.amount, defaultAmount: i.defaultAmount, checkedAt: i.checkedAt, checkedByName: i.checkedByName })),
    amountOwed: amountOwed(r),
    exitForm: access?.hr ? { ...r.exitForm, reasonLabel: reason ? (zh ? reason.labelZh : reason.labelEn) : null } : null,
    resignationId: r.resignationId, reviewId: r.reviewId, remindedAt: r.remindedAt, leftAt: r.leftAt,
    closedAt: r.closedAt, closedByName: r.closedByName, cancellation: r.cancellation,
    can: {
      receive: r.status === 'open' && access ? r.handover.filter((h) => !h.receivedAt && access.receiverOf.has(h.id)).map((h) => h.id) : [],
      manage: r.status === 'open' && !!access?.manager,
      exitForm: r.status === 'open' && !!access?.hr,
      close: !!access?.hr && policy !== null && closeBlockers(r, policy.values.exitReasons).length === 0,
      cancel: !!access?.hr && r.status === 'open' && !r.leftAt,
      closeBlockers: access?.hr && policy && r.status === 'open' ? closeBlockers(r, policy.values.exitReasons) : [],
    },
    consolePath: offboardingPath(r.id),
    createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version,
  };
}

/**
 * One change to an open record: read, check, and write it on the version read with its audit
 * record; a change by someone else in between is a 409 (RECORD.VERSION_CONFLICT) and nothing is
 * written. `change` throws a DomainError to refuse.
 */
async function changeRecord(c: Ctx, p: Principal, id: string, action: string, change: (r: Offboarding, access: Access) => Offboarding | Promise<Offboarding>, extra: (before: Offboarding) => TxItem[] = () => []): Promise<Offboarding> {
  const deps = c.get('deps');
  const { r, access } = await visible(c, p, id);
  if (r.status !== 'open') throw new DomainError('OFFBOARDING.NOT_OPEN', 'id');
  const at = deps.now().toISOString();
  const next: Offboarding = { ...(await change(r, access)), updatedAt: at, version: r.version + 1 };
  await transact(deps.store, [
    offboardingPut(deps.store, next, r),
    { write: auditPut(deps.store, { entityType: 'offboarding', entityId: id, action, actor: actorOf(p), channel: c.get('channel'), at, before: r as unknown as Record<string, unknown>, after: next as unknown as Record<string, unknown> }) },
    ...extra(r),
  ]);
  return next;
}

function itemOf<T extends { id: string }>(list: readonly T[], itemId: string): T {
  const found = list.find((i) => i.id === itemId);
  if (!found) throw new DomainError('OFFBOARDING.ITEM_NOT_FOUND', 'itemId');
  return found;
}

async function receiverFor(c: Ctx, r: Offboarding, employeeId: string | null | undefined): Promise<{ receiverEmployeeId: string | null; receiverName: string | null }> {
  if (!employeeId) return { receiverEmployeeId: null, receiverName: null };
  const e = await getEmployee(c.get('deps').store, employeeId);
  if (!e || e.status === 'terminated' || e.id === r.employeeId) throw new DomainError('OFFBOARDING.RECEIVER_UNKNOWN', 'receiverEmployeeId');
  return { receiverEmployeeId: e.id, receiverName: e.name };
}

const respond = async (c: Ctx, p: Principal, r: Offboarding) => c.json(await present(c, r, await accessTo(c, p, r)), 200);

export function offboardingsRoutes() {
  const app = newRouter();
  const one = { 200: json(OffboardingSchema), ...problemResponses(400, 401, 403, 404, 409, 422) };

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listOffboardings', tags: ['offboarding'],
      summary: 'Leavers: one employee’s offboardings (`employeeId`), or the list by status with last days and final-pay dates (HR all; managers their part of the organisation)',
      middleware: [requires('offboarding:read')] as const,
      request: { query: ListQuery },
      responses: { 200: json(z.object({ items: z.array(OffboardingSchema), nextCursor: z.string().nullable() }).openapi('OffboardingPage')), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const p = principalOf(c);
      const q = c.req.valid('query');
      const { store } = c.get('deps');
      if (q.employeeId) {
        const all = await offboardingsOfEmployee(store, q.employeeId);
        const shown = [];
        for (const r of all) {
          const access = await accessTo(c, p, r);
          if (access) shown.push(await present(c, r, access));
        }
        return c.json({ items: shown, nextCursor: null }, 200);
      }
      const scope = await scopeOf(c, p);
      if (scope === undefined && !can(p, 'offboarding:manage')) return c.json({ items: [], nextCursor: null }, 200);
      const page = await listOffboardings(store, { status: q.status, from: q.from, to: q.to, ascending: q.status === 'open', limit: q.limit, cursor: q.cursor });
      const items = [];
      for (const r of page.items) {
        if (!can(p, 'offboarding:manage') && !(scope !== undefined && inScope(scope, r.employeePath))) continue;
        items.push(await present(c, r, await accessTo(c, p, r)));
      }
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'getOffboarding', tags: ['offboarding'],
      summary: 'One offboarding: the handover, the inventory, the exit form (HR), the dates and what the reader may do',
      middleware: [requires('offboarding:read')] as const,
      request: { params: IdParam },
      responses: { 200: json(OffboardingSchema), ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const { r, access } = await visible(c, p, c.req.valid('param').id);
      return c.json(await present(c, r, access), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/handover/{itemId}/receive', operationId: 'receiveHandoverItem', tags: ['offboarding'],
      summary: 'Sign a handover item as received: its receiver (any HR member for an item with none). Signing for a report makes the signer their superior. The final-pay date follows the last signature',
      middleware: [requires('offboarding:write')] as const,
      request: { params: ItemParams },
      responses: one,
    }),
    async (c) => {
      const p = principalOf(c);
      const { id, itemId } = c.req.valid('param');
      const deps = c.get('deps');
      const at = deps.now().toISOString();
      let reportMove: { reportId: string; to: string } | null = null;
      const saved = await changeRecord(c, p, id, 'handover.receive', async (r, access) => {
        const item = itemOf(r.handover, itemId);
        if (item.receivedAt) throw new DomainError('OFFBOARDING.ALREADY_RECEIVED', 'itemId');
        if (!access.receiverOf.has(item.id)) throw new DomainError('OFFBOARDING.NOT_YOUR_ITEM', 'itemId', { receiver: item.receiverName ?? '人力资源部' });
        reportMove = item.source === 'report' && item.refId && item.receiverEmployeeId ? { reportId: item.refId, to: item.receiverEmployeeId } : null;
        const signed: HandoverItem = { ...item, receivedAt: at, receivedOn: companyToday(deps.now()), receivedByName: p.name };
        return { ...r, handover: r.handover.map((h) => (h.id === item.id ? signed : h)) };
      });
      const move = reportMove as { reportId: string; to: string } | null;
      if (move) {
        // The report moves under the person who signed for them (if they still report to the leaver).
        const [report, superior] = await Promise.all([getEmployee(deps.store, move.reportId), getEmployee(deps.store, move.to)]);
        if (report && superior && report.superiorId === saved.employeeId && report.status !== 'terminated') {
          try {
            await moveReport(deps.workflow, report, superior, { actor: actorOf(p), channel: c.get('channel'), at, offboardingId: id });
          } catch (err) {
            deps.log('warn', 'report not moved on signing', { offboardingId: id, employeeId: report.id, error: err instanceof Error ? err.message : String(err) });
          }
        }
      }
      return respond(c, p, saved);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/handover', operationId: 'addHandoverItem', tags: ['offboarding'],
      summary: 'Add a free-text handover item (the leaver, HR, or a manager over the leaver)',
      middleware: [requires('offboarding:write')] as const,
      request: { params: IdParam, body: jsonBody(AddHandover) },
      responses: one,
    }),
    async (c) => {
      const p = principalOf(c);
      const body = c.req.valid('json');
      const saved = await changeRecord(c, p, c.req.valid('param').id, 'handover.add', async (r, access) => {
        if (!access.manager && !access.leaver) throw new DomainError('OFFBOARDING.MANAGERS_ONLY');
        const to = await receiverFor(c, r, body.receiverEmployeeId);
        const n = r.handover.reduce((max, h) => Math.max(max, Number(h.id.slice(1)) || 0), 0) + 1;
        const item: HandoverItem = { id: `h${n}`, source: 'other', description: body.description, descriptionEn: body.description, refId: null, ...to, receivedAt: null, receivedOn: null, receivedByName: null };
        return { ...r, handover: [...r.handover, item] };
      });
      return respond(c, p, saved);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/{id}/handover/{itemId}', operationId: 'setHandoverReceiver', tags: ['offboarding'],
      summary: 'Name who receives an unsigned handover item — for a report, their new superior (HR, or a manager over the leaver)',
      middleware: [requires('offboarding:write')] as const,
      request: { params: ItemParams, body: jsonBody(SetReceiver) },
      responses: one,
    }),
    async (c) => {
      const p = principalOf(c);
      const { id, itemId } = c.req.valid('param');
      const body = c.req.valid('json');
      const saved = await changeRecord(c, p, id, 'handover.receiver', async (r, access) => {
        if (!access.manager) throw new DomainError('OFFBOARDING.MANAGERS_ONLY');
        const item = itemOf(r.handover, itemId);
        if (item.receivedAt) throw new DomainError('OFFBOARDING.ALREADY_RECEIVED', 'itemId');
        if (item.source === 'report' && item.refId === body.receiverEmployeeId) throw new DomainError('OFFBOARDING.RECEIVER_UNKNOWN', 'receiverEmployeeId');
        const to = await receiverFor(c, r, body.receiverEmployeeId);
        return { ...r, handover: r.handover.map((h) => (h.id === item.id ? { ...h, ...to } : h)) };
      });
      return respond(c, p, saved);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/inventory/{itemId}', operationId: 'checkInventoryItem', tags: ['offboarding'],
      summary: '盘点: record an item as returned, or missing with the amount the leaver answers for (HR, or a manager over the leaver; seed 001 六(二)(四))',
      middleware: [requires('offboarding:write')] as const,
      request: { params: ItemParams, body: jsonBody(CheckInventory) },
      responses: one,
    }),
    async (c) => {
      const p = principalOf(c);
      const { id, itemId } = c.req.valid('param');
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const saved = await changeRecord(c, p, id, 'inventory.check', (r, access) => {
        if (!access.manager) throw new DomainError('OFFBOARDING.MANAGERS_ONLY');
        const item = itemOf(r.inventory, itemId);
        const checked = checkInventory(item, body, { name: p.name, at: deps.now().toISOString(), on: companyToday(deps.now()) });
        return { ...r, inventory: r.inventory.map((i) => (i.id === item.id ? checked : i)) };
      });
      return respond(c, p, saved);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/{id}/exit-form', operationId: 'setExitForm', tags: ['offboarding'],
      summary: '员工离职表: the reason category (policy exitReasons), exit interview notes and rehire eligibility (HR)',
      middleware: [requires('offboarding:manage')] as const,
      request: { params: IdParam, body: jsonBody(ExitFormBody) },
      responses: one,
    }),
    async (c) => {
      const p = principalOf(c);
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const policy = await requestPolicy(c, 'offboarding');
      if (!policy.values.exitReasons.some((e) => e.key === body.reasonCategory)) throw new DomainError('OFFBOARDING.EXIT_REASON_UNKNOWN', 'reasonCategory');
      const saved = await changeRecord(c, p, c.req.valid('param').id, 'exit_form', (r) => ({
        ...r, exitForm: { reasonCategory: body.reasonCategory, interviewNotes: body.interviewNotes?.trim() || null, rehireEligible: body.rehireEligible, updatedAt: deps.now().toISOString(), updatedByName: p.name },
      }));
      return respond(c, p, saved);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/close', operationId: 'closeOffboarding', tags: ['offboarding'],
      summary: 'HR closes the record: the last day has passed, every handover item is signed, the inventory checked and the exit form filled (409 naming what is missing)',
      middleware: [requires('offboarding:manage')] as const,
      request: { params: IdParam },
      responses: one,
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const policy = await requestPolicy(c, 'offboarding');
      const id = c.req.valid('param').id;
      const saved = await changeRecord(c, p, id, 'close', (r) => {
        const [first] = closeBlockers(r, policy.values.exitReasons);
        if (first) throw new DomainError(first.code as 'OFFBOARDING.HANDOVER_UNSIGNED', first.field);
        return { ...r, status: 'completed', closedAt: deps.now().toISOString(), closedByName: p.name };
      }, (before) => [leavingGuardDelete(deps.store, before.employeeId, { offboardingId: before.id })]);
      return respond(c, p, saved);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/{id}/cancel', operationId: 'cancelOffboarding', tags: ['offboarding'],
      summary: 'HR cancels an offboarding by agreement before the last day has passed (an approved resignation taken back by agreement); the reason is recorded',
      middleware: [requires('offboarding:manage')] as const,
      request: { params: IdParam, body: jsonBody(CancelBody) },
      responses: one,
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const id = c.req.valid('param').id;
      const guard = async (employeeId: string) => (await getLeavingGuard(deps.store, employeeId))?.offboardingId === id;
      const { r } = await visible(c, p, id);
      const ownsGuard = await guard(r.employeeId);
      const saved = await changeRecord(c, p, id, 'cancel', (cur) => {
        if (cur.leftAt) throw new DomainError('OFFBOARDING.ALREADY_LEFT', 'id');
        return { ...cur, status: 'cancelled', cancellation: { at: deps.now().toISOString(), byName: p.name, reason: body.reason } };
      }, (before) => (ownsGuard ? [leavingGuardDelete(deps.store, before.employeeId, { offboardingId: before.id })] : []));
      return respond(c, p, saved);
    },
  );

  return app;
}
