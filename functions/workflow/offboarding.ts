/**
 * 离职办理 (#15; POLICIES.md §9; seed 001 六) on the engine's side: opening the one record every
 * leaver gets, listing their open work from the system itself, moving a report under a new
 * superior, and the daily job's two timers — the reminder before the last day and the last
 * day's work (terminated, account closed, their own delegation ended, tasks and people moved, HR told).
 */
import { companyToday } from '../domain/people/dates.js';
import { changeEmployee } from '../domain/people/employee-rules.js';
import {
  emptyExitForm, inventoryFrom, policySnapshot, type HandoverItem, type Offboarding, type OffboardingReason,
} from '../domain/offboarding/record.js';
import { offboardingNotice } from '../email/templates/index.js';
import { listInbox } from '../storage/approvals.js';
import { auditPut, type Channel } from '../storage/audit.js';
import type { CountDelta } from '../storage/counters.js';
import { getDescendants, getEmployee, listEmployees, updateEmployee, type StoredEmployee } from '../storage/employees.js';
import { newId } from '../storage/ids.js';
import { listChecklists } from '../storage/onboarding.js';
import { getOffboarding, leavingGuardPut, listDueOffboardings, offboardingCreate, offboardingPut } from '../storage/offboardings.js';
import { getOrgUnit } from '../storage/org-units.js';
import { getPolicy } from '../storage/policies.js';
import { requestsStartedBy } from '../storage/started.js';
import { transact, type TxItem } from '../storage/transact.js';
import { userStatusWrites } from '../storage/user-accounts.js';
import { findAccountOfEmployee, findUserByEmployee, getUser, setDelegation, usersWithRole, type User } from '../storage/users.js';
import type { Lang, WorkflowDeps } from './kinds.js';
import { reassignTasksOfLeaver } from './leavers.js';
import { guardMail, sendGuarded, type GuardedMail } from './notify.js';

/** Items of one source listed one by one; beyond it, one item says how many more. */
const MAX_PER_SOURCE = 20;
/** A transaction holds 100 items: the record, its guard, its audit and at most this many mails. */
const MAX_MAILS = 40;

export const REASON_LABELS: Record<OffboardingReason, Record<Lang, string>> = {
  resignation: { 'zh-CN': '辞职', en: 'Resignation' },
  probation_not_converted: { 'zh-CN': '试用期未转正', en: 'Probation not converted' },
  dismissal: { 'zh-CN': '辞退', en: 'Dismissal' },
};

export const offboardingPath = (id: string) => `/#/offboardings/${id}/show`;

export interface OpenOffboarding {
  employee: StoredEmployee;
  reason: OffboardingReason;
  lastDay: string;
  resignationId?: string | null;
  reviewId?: string | null;
  actor: { id: string; name: string } | null;
  channel: Channel;
  at: string;
}

/**
 * The record an ended employment opens, and what is written with it (its guard, its audit
 * record, the mails to the leaver's superior and HR) for the caller's transaction.
 */
export async function openOffboarding(deps: WorkflowDeps, o: OpenOffboarding): Promise<{ record: Offboarding; writes: TxItem[]; mails: GuardedMail[] }> {
  const policy = await getPolicy(deps.store, 'offboarding');
  const handover = await collectHandover(deps, o.employee);
  const record: Offboarding = {
    id: newId(Date.parse(o.at)), employeeId: o.employee.id, employeeName: o.employee.name, employeeNo: o.employee.employeeNo,
    employeePath: o.employee.path, superiorId: o.employee.superiorId, reason: o.reason, lastDay: o.lastDay,
    resignationId: o.resignationId ?? null, reviewId: o.reviewId ?? null, status: 'open',
    handover, inventory: inventoryFrom(policy.values.inventoryItems), exitForm: emptyExitForm(),
    ...policySnapshot(policy.values), policyVersion: policy.version,
    remindedAt: null, leftAt: null, closedAt: null, closedByName: null, cancellation: null,
    openedByName: o.actor?.name ?? null, createdAt: o.at, updatedAt: o.at, version: 1,
  };
  const mails = await openedMails(deps, record);
  const writes: TxItem[] = [
    offboardingCreate(deps.store, record),
    leavingGuardPut(deps.store, { employeeId: o.employee.id, resignationId: o.resignationId ?? null, offboardingId: record.id }),
    {
      write: auditPut(deps.store, {
        entityType: 'offboarding', entityId: record.id, action: 'create', actor: o.actor, channel: o.channel, at: o.at, before: null,
        after: { employeeId: record.employeeId, reason: record.reason, lastDay: record.lastDay, resignationId: record.resignationId, reviewId: record.reviewId, handover: handover.length, policyVersion: policy.version },
      }),
    },
    ...mails.map((m) => m.tx),
  ];
  return { record, writes, mails };
}

/**
 * The leaver's open work, from the system's own records (离职工作移交单): the approval tasks they
 * hold, the requests they started that are still open, the onboarding items they see to, and
 * the people who report to them. Work goes to their superior (the approvals policy's
 * `approverLeft` moves the tasks themselves on the last day); with no superior, to HR (a null
 * receiver: any HR member signs).
 */
export async function collectHandover(deps: WorkflowDeps, employee: StoredEmployee): Promise<HandoverItem[]> {
  const [user, superior] = await Promise.all([
    findUserByEmployee(deps.store, employee.id),
    employee.superiorId ? getEmployee(deps.store, employee.superiorId) : null,
  ]);
  const to = superior && superior.status !== 'terminated' ? { receiverEmployeeId: superior.id, receiverName: superior.name } : { receiverEmployeeId: null, receiverName: null };
  const items: HandoverItem[] = [];
  let n = 0;
  const add = (source: HandoverItem['source'], refId: string | null, zh: string, en: string) => {
    n += 1;
    items.push({ id: `h${n}`, source, refId, description: zh, descriptionEn: en, ...to, receivedAt: null, receivedOn: null, receivedByName: null });
  };
  const listed = <T>(source: HandoverItem['source'], all: T[], one: (t: T) => [string | null, string, string], more: (k: number) => [string, string]) => {
    for (const t of all.slice(0, MAX_PER_SOURCE)) add(source, ...one(t));
    if (all.length > MAX_PER_SOURCE) add(source, null, ...more(all.length - MAX_PER_SOURCE));
  };
  const [tasks, started, checklists, reports] = await Promise.all([
    user ? listInbox(deps.store, { userId: user.id, state: 'pending', limit: 50 }).then((p) => p.items) : [],
    user ? requestsStartedBy(deps.store, { userId: user.id, limit: 50 }).then((p) => p.items) : [],
    listChecklists(deps.store, { status: 'open', limit: 100 }).then((p) => p.items),
    listEmployees(deps.store, { scopePath: null, superiorId: employee.id, sort: 'tree', order: 'asc', limit: 100 }).then((p) => p.items.filter((e) => e.status !== 'terminated')),
  ]);
  listed('task', tasks, (t) => [t.id, `待审批：${t.title['zh-CN']}（${t.stepLabel['zh-CN']}）`, `To approve: ${t.title.en} (${t.stepLabel.en})`],
    (k) => [`另有 ${k} 项待审批任务`, `${k} more approval tasks`]);
  const open = started.filter(({ kind, record }) => {
    // The resignation that opened this record is not work to hand over.
    if (kind === 'resignation') return false;
    const def = deps.kinds.get(kind);
    return def?.started ? def.started.openStatuses.includes(String(record.status)) : false;
  });
  listed('request', open, ({ kind, record }) => {
    const item = deps.kinds.get(kind)!.started!.item(record);
    return [String(record.id), `发起中的申请：${item.title['zh-CN']}（${item.statusLabel['zh-CN']}）`, `Open request: ${item.title.en} (${item.statusLabel.en})`];
  }, (k) => [`另有 ${k} 项发起中的申请`, `${k} more open requests`]);
  const owned = checklists.flatMap((c) => c.items.filter((i) => !i.done && i.ownerId === employee.id).map((i) => ({ c, i })));
  listed('onboarding', owned, ({ c, i }) => [c.id, `入职清单：${c.employeeName} — ${i.label['zh-CN']}`, `Onboarding: ${c.employeeName} — ${i.label.en}`],
    (k) => [`另有 ${k} 项入职清单事项`, `${k} more onboarding items`]);
  if (user?.roles.includes('admin') && (await onlyAdmin(deps, user.id))) {
    // Their account closes on the last day: someone else must hold the administrator's role by then.
    add('account', user.id, '系统管理员：此人是唯一的管理员，最后工作日前须为他人开通管理员账号', 'System administrator: the only one; give someone else an administrator account before the last day');
  }
  listed('report', reports, (e) => [e.id, `下属：${e.name}（${e.employeeNo}）— 须指定新的直属上级`, `Report: ${e.name} (${e.employeeNo}) — needs a new superior`],
    (k) => [`另有 ${k} 名下属`, `${k} more reports`]);
  return items;
}

/** Is this the only active administrator account? */
async function onlyAdmin(deps: WorkflowDeps, userId: string): Promise<boolean> {
  const admins = (await usersWithRole(deps.store, 'admin')).filter((u) => u.status === 'active');
  return admins.length === 1 && admins[0]!.id === userId;
}

async function hrMembers(deps: WorkflowDeps): Promise<User[]> {
  return (await usersWithRole(deps.store, 'hr')).filter((u) => u.status === 'active');
}

async function openedMails(deps: WorkflowDeps, r: Offboarding): Promise<GuardedMail[]> {
  const to = new Map<string, User>();
  const superior = r.superiorId ? await findUserByEmployee(deps.store, r.superiorId) : null;
  if (superior?.status === 'active') to.set(superior.id, superior);
  for (const u of await hrMembers(deps)) to.set(u.id, u);
  return [...to.values()].filter((u) => u.employeeId !== r.employeeId).slice(0, MAX_MAILS).map((u) => noticeMail(deps, r, u, 'opened', [
    ...r.handover.map((h) => (u.language === 'zh-CN' ? h.description : h.descriptionEn)),
    u.language === 'zh-CN' ? `物品盘点 ${r.inventory.length} 项` : `${r.inventory.length} inventory items to check`,
  ]));
}

function noticeMail(deps: WorkflowDeps, r: Offboarding, u: User, event: 'opened' | 'reminder' | 'left', items: string[]): GuardedMail {
  const lang = u.language;
  const content = offboardingNotice({
    event, recipientName: u.name, employeeName: r.employeeName, lastDay: r.lastDay, reasonLabel: REASON_LABELS[r.reason][lang],
    items, openUrl: `${deps.publicUrl}${offboardingPath(r.id)}`,
  }, lang);
  return guardMail(deps, { to: u.email, content, ids: { offboardingId: r.id, kind: event, userId: u.id } });
}

/**
 * Moves a report under a new superior (their line and everyone below them), audited as the
 * offboarding's doing. The org rules apply as to any move (same department, no cycle).
 */
export async function moveReport(deps: WorkflowDeps, report: StoredEmployee, superior: StoredEmployee, audit: { actor: { id: string; name: string } | null; channel: Channel; at: string; offboardingId: string }): Promise<StoredEmployee> {
  const [org, probation, team] = await Promise.all([
    getPolicy(deps.store, 'org'), getPolicy(deps.store, 'probation'), report.teamId ? getOrgUnit(deps.store, report.teamId) : null,
  ]);
  const next = changeEmployee(report, { superiorId: superior.id }, { superior, team, org: org.values, probation: probation.values, now: audit.at });
  const below = next.path === report.path ? [] : await getDescendants(deps.store, report.path, 88);
  const moved = below.map((d) => ({ ...d, path: next.path + d.path.slice(report.path.length), version: d.version + 1, updatedAt: audit.at }));
  await updateEmployee(deps.store, report, next, {
    entityType: 'employee', entityId: report.id, action: 'offboarding.move_report', actor: audit.actor, channel: audit.channel, at: audit.at,
    before: { superiorId: report.superiorId, path: report.path }, after: { superiorId: next.superiorId, path: next.path, offboardingId: audit.offboardingId },
  }, moved);
  return next;
}

/** The daily job: the reminders due and the last days over (offboarding policy; POLICIES.md §9). */
export async function offboardingDays(deps: WorkflowDeps): Promise<{ reminded: string[]; left: string[] }> {
  const today = companyToday(deps.now());
  const out = { reminded: [] as string[], left: [] as string[] };
  let cursor: string | undefined;
  do {
    const page = await listDueOffboardings(deps.store, today, { limit: 50, cursor });
    for (const found of page.items) {
      try {
        const r = await getOffboarding(deps.store, found.id);
        if (!r || r.status !== 'open' || r.leftAt) continue;
        if (!r.remindedAt && r.reminderDaysBefore > 0 && today <= r.lastDay) {
          if (await remind(deps, r)) out.reminded.push(r.id);
        } else if (today > r.lastDay) {
          await leave(deps, r);
          out.left.push(r.id);
        } else if (!r.remindedAt) {
          // The reminder's day came and went before the job ran (or none is set): none is sent now.
          await saveRecord(deps, r.id, (cur) => (cur.remindedAt ? null : { ...cur, remindedAt: deps.now().toISOString() }));
        }
      } catch (err) {
        deps.log('warn', 'offboarding timer not run', { offboardingId: found.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Reads the record, applies `change` (null: nothing to do) and saves it on its version; reads again once on a conflict. */
export async function saveRecord(deps: WorkflowDeps, id: string, change: (r: Offboarding) => Offboarding | null, extra: (before: Offboarding, after: Offboarding) => TxItem[] = () => [], counts: CountDelta[] = []): Promise<Offboarding | null> {
  for (let attempt = 0; ; attempt++) {
    const current = await getOffboarding(deps.store, id);
    if (!current) return null;
    const next = change(current);
    if (!next) return current;
    try {
      const put = offboardingPut(deps.store, { ...next, version: current.version + 1, updatedAt: deps.now().toISOString() }, current);
      await transact(deps.store, [{ ...put, ...(counts.length ? { counts } : {}) }, ...extra(current, next)]);
      return { ...next, version: current.version + 1 };
    } catch (err) {
      if (attempt >= 2 || !(err instanceof Error) || !('code' in err) || (err as { code: string }).code !== 'RECORD.VERSION_CONFLICT') throw err;
    }
  }
}

/**
 * The reminder before the last day, once: each receiver of an unsigned handover item (HR for
 * items with no named receiver), the leaver's superior for the inventory not yet checked, HR for
 * an exit form not yet filled. Marked on the record in the transaction that queues the mails.
 */
async function remind(deps: WorkflowDeps, r: Offboarding): Promise<boolean> {
  const byUser = new Map<string, { user: User; items: string[] }>();
  const hr = await hrMembers(deps);
  const tell = (users: readonly User[], zh: string, en: string) => {
    for (const u of users) {
      if (u.employeeId === r.employeeId) continue;
      const entry = byUser.get(u.id) ?? { user: u, items: [] };
      entry.items.push(u.language === 'zh-CN' ? zh : en);
      byUser.set(u.id, entry);
    }
  };
  const accounts = new Map<string, User | null>();
  const accountOf = async (employeeId: string) => {
    if (!accounts.has(employeeId)) accounts.set(employeeId, await findUserByEmployee(deps.store, employeeId));
    const u = accounts.get(employeeId) ?? null;
    return u?.status === 'active' ? [u] : hr;
  };
  for (const h of r.handover.filter((i) => !i.receivedAt)) tell(h.receiverEmployeeId ? await accountOf(h.receiverEmployeeId) : hr, `交接：${h.description}`, `Handover: ${h.descriptionEn}`);
  const unchecked = r.inventory.filter((i) => i.returned === null);
  if (unchecked.length) {
    tell(r.superiorId ? await accountOf(r.superiorId) : hr, `物品盘点：${unchecked.map((i) => i.item).join('、')}`, `Inventory: ${unchecked.map((i) => i.itemEn).join(', ')}`);
  }
  if (!r.exitForm.reasonCategory) tell(hr, '员工离职表（离职原因、离职面谈、是否可再录用）', 'Exit form (reason, exit interview, rehire eligibility)');
  const mails = [...byUser.values()].slice(0, MAX_MAILS).map(({ user, items }) => noticeMail(deps, r, user, 'reminder', items));
  const saved = await saveRecord(deps, r.id, (cur) => (cur.remindedAt ? null : { ...cur, remindedAt: deps.now().toISOString() }), () => mails.map((m) => m.tx));
  if (!saved || saved.version === r.version) return false;
  await Promise.all(mails.map((m) => sendGuarded(deps, m)));
  return true;
}

/**
 * The last day's work, at the first run after it ends. Each part is idempotent, and the record
 * is marked last, so a run cut short is finished by the next: the employee becomes terminated
 * and their account disabled (sessions ended) in one transaction; a delegation they set ends;
 * their open approval tasks move to their stand-in (approvals policy `approverLeft`); people
 * still reporting to them move to the leaver's superior, and HR is told.
 */
export async function leave(deps: WorkflowDeps, r: Offboarding): Promise<void> {
  const at = deps.now().toISOString();
  const employee = await getEmployee(deps.store, r.employeeId);
  if (!employee) throw new Error(`offboarding ${r.id}: employee ${r.employeeId} not found`);
  const account = await findAccountOfEmployee(deps.store, employee.id);
  // A leaver keeps no access, even the last administrator: HR is told how to make a new one.
  const lastAdmin = account?.status === 'active' && account.roles.includes('admin') && (await onlyAdmin(deps, account.id));
  const disable = account?.status === 'active' ? userStatusWrites(deps.store, account, 'disabled', { actor: null, channel: 'system', at }, 'left') : [];
  if (employee.status !== 'terminated') {
    const left = { ...employee, status: 'terminated' as const, version: employee.version + 1, updatedAt: at };
    await updateEmployee(deps.store, employee, left, {
      entityType: 'employee', entityId: employee.id, action: 'offboarding.left', actor: null, channel: 'system', at,
      before: { status: employee.status }, after: { status: 'terminated', offboardingId: r.id, lastDay: r.lastDay },
    }, [], disable);
  } else if (disable.length) {
    await transact(deps.store, disable);
  }
  // A delegation they set themselves (away on leave) ends; one HR or a superior set for them
  // names who takes their work after they leave, and is the instruction `assign` follows.
  if (account && account.delegation?.setById === account.id) {
    const fresh = await getUser(deps.store, account.id);
    if (fresh && fresh.delegation?.setById === fresh.id) await setDelegation(deps.store, fresh, null, { action: 'delegation.ended_on_leaving', actor: null, channel: 'system', at });
  }
  await reassignTasksOfLeaver(deps, employee.id, null, 'system');
  const moved = await moveStrandedReports(deps, r, employee, at);
  if (lastAdmin) {
    deps.log('error', 'the only administrator account was disabled on its holder’s last day', { offboardingId: r.id, userId: account.id });
    moved.push({ zh: '系统已没有可用的管理员账号：请运维人员运行 npm run admin:create 新建管理员', en: 'No administrator account is left: have operations run npm run admin:create to make one' });
  }
  const hr = moved.length ? await hrMembers(deps) : [];
  const mails = hr.slice(0, MAX_MAILS).map((u) => noticeMail(deps, r, u, 'left', moved.map((m) => (u.language === 'zh-CN' ? m.zh : m.en))));
  // Counted once, with the mark (turnover on the dashboard): by reason, in the month of the last day.
  const counted: CountDelta[] = [{ metric: 'people.leavers', add: { [`${r.reason}|${r.lastDay.slice(0, 7)}`]: 1 } }];
  const saved = await saveRecord(deps, r.id, (cur) => (cur.leftAt ? null : { ...cur, leftAt: at }), () => mails.map((m) => m.tx), counted);
  if (saved && !saved.leftAt) return;
  await Promise.all(mails.map((m) => sendGuarded(deps, m)));
}

/** People still reporting to the leaver on the last day go to the leaver's superior (or the superior's nearest working superior). */
async function moveStrandedReports(deps: WorkflowDeps, r: Offboarding, leaver: StoredEmployee, at: string): Promise<{ zh: string; en: string }[]> {
  const reports = (await listEmployees(deps.store, { scopePath: null, superiorId: leaver.id, sort: 'tree', order: 'asc', limit: 100 })).items.filter((e) => e.status !== 'terminated');
  if (reports.length === 0) return [];
  let superior = leaver.superiorId ? await getEmployee(deps.store, leaver.superiorId) : null;
  for (let hops = 0; superior && superior.status === 'terminated' && superior.superiorId && hops < 10; hops++) superior = await getEmployee(deps.store, superior.superiorId);
  const out: { zh: string; en: string }[] = [];
  for (const report of reports) {
    if (!superior || superior.status === 'terminated') {
      out.push({ zh: `${report.name} 仍挂在离职员工名下：没有可接收的上级，请人力资源部调整`, en: `${report.name} still reports to the leaver: no superior to take them; HR to arrange` });
      continue;
    }
    try {
      await moveReport(deps, report, superior, { actor: null, channel: 'system', at, offboardingId: r.id });
      out.push({ zh: `下属 ${report.name} 改为向 ${superior.name} 汇报`, en: `${report.name} now reports to ${superior.name}` });
    } catch (err) {
      deps.log('warn', 'report of a leaver not moved', { offboardingId: r.id, employeeId: report.id, error: err instanceof Error ? err.message : String(err) });
      out.push({ zh: `${report.name} 未能自动调整汇报关系，请人力资源部处理`, en: `${report.name} could not be moved automatically; HR to arrange` });
    }
  }
  return out;
}
