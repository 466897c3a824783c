/**
 * 辞职申请 (resignation, POLICIES.md §9; seed 001 六(一)) on the engine: the employee hands it in
 * with a reason and the last day they wish for (HR may hand it in for them, recorded as such).
 * The notice comes from the `offboarding` policy — one month, three days in probation — and a
 * wished day before the earliest it allows is a shortened notice: each approver of the chain
 * (default supervisor → CS manager → HR) accepts it by approving, or sends it back so the
 * employee changes the day. Approved, it opens the offboarding (离职办理); rejected or withdrawn,
 * the employee stays and may hand in another.
 */
import type { ChainStep } from '../../domain/approvals/chain.js';
import { DECISION_STEP, type FieldSpec } from '../../domain/approvals/step-spec.js';
import { companyToday } from '../../domain/people/dates.js';
import type { OffboardingChainStep } from '../../domain/policy/defaults.js';
import { requestOutcome } from '../../email/templates/index.js';
import { formatDate } from '../../email/values.js';
import { getEmployee } from '../../storage/employees.js';
import { requestKey } from '../../storage/keys.js';
import { getLeavingGuard, leavingGuardDelete } from '../../storage/offboardings.js';
import { getPolicy } from '../../storage/policies.js';
import { getRequest, requestPut } from '../../storage/requests.js';
import { transact, type TxItem } from '../../storage/transact.js';
import { findUserByEmployee, type User } from '../../storage/users.js';
import { chainKind, type KindDefinition, type RequestRecord } from '../chain-kind.js';
import type { Lang, RequestSummary, WorkflowDeps } from '../kinds.js';
import { guardMail, sendGuarded, type GuardedMail } from '../notify.js';
import { openOffboarding } from '../offboarding.js';

export const RESIGNATION = 'resignation';

export const RESIGNATION_STATUSES = ['pending_approval', 'approved', 'rejected', 'withdrawn', 'failed'] as const;
export type ResignationStatus = (typeof RESIGNATION_STATUSES)[number];

export interface Resignation extends RequestRecord {
  status: ResignationStatus;
  employeeId: string;
  employeeName: string;
  employeeNo: string;
  /** The leaver's reporting path: their superiors see it. */
  employeePath: string;
  /** The leaver's account when handed in: they may withdraw it even when HR handed it in. */
  employeeUserId: string | null;
  /** HR handed it in on the employee's behalf (名义: the employee; 经办: this person). */
  onBehalf: { byId: string; byName: string } | null;
  reason: string;
  /** The last working day asked for (company date); an approval after it has passed moves it to the day of approval. */
  lastDay: string;
  submittedOn: string;
  onProbation: boolean;
  noticeDays: number;
  earliestLastDay: string;
  shortenedNotice: boolean;
  policyVersion: number;
  chainSteps: OffboardingChainStep[];
  stepDueHours: number;
  rejection: { stepKey: string; byName: string; comment: string | null } | null;
  offboardingId: string | null;
  /** Set when the approval came after the wished last day: the day it was moved from. */
  lastDayMovedFrom: string | null;
  createdAt: string;
}

const REASON_MAX = 2000;
const RESUBMIT_FIELDS: FieldSpec[] = [
  { name: 'lastDay', type: 'date', label: { 'zh-CN': '最后工作日', en: 'Last day' } },
  { name: 'reason', type: 'text', maxLength: REASON_MAX, label: { 'zh-CN': '辞职原因', en: 'Reason' } },
];

const STATUS_LABELS: Record<ResignationStatus, Record<Lang, string>> = {
  pending_approval: { 'zh-CN': '审批中', en: 'Awaiting approval' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '未批准', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  failed: { 'zh-CN': '流程出错', en: 'Workflow error' },
};

export const resignationStatusLabel = (status: ResignationStatus, lang: Lang) => STATUS_LABELS[status][lang];

function chainStep(step: OffboardingChainStep): ChainStep {
  return { key: step.key, labelZh: step.labelZh, labelEn: step.labelEn, approver: step.approver, spec: DECISION_STEP };
}

export function resignationTitle(r: Pick<Resignation, 'employeeName'>): Record<Lang, string> {
  return { 'zh-CN': `辞职申请：${r.employeeName}`, en: `Resignation: ${r.employeeName}` };
}

export function resignationRows(r: Resignation, lang: Lang): [string, string][] {
  const zh = lang === 'zh-CN';
  const rows: [string, string][] = [
    [zh ? '员工' : 'Employee', `${r.employeeName}（${r.employeeNo}）`],
    [zh ? '最后工作日' : 'Last day', formatDate(r.lastDay, lang)],
    [zh ? '提交日期' : 'Handed in', formatDate(r.submittedOn, lang)],
    [zh ? '通知期' : 'Notice', zh ? `${r.onProbation ? '试用期' : ''}${r.noticeDays} 天，最早 ${formatDate(r.earliestLastDay, lang)}` : `${r.noticeDays} days${r.onProbation ? ' (probation)' : ''}, earliest ${formatDate(r.earliestLastDay, lang)}`],
  ];
  if (r.shortenedNotice) rows.push([zh ? '提前离职' : 'Shortened notice', zh ? '最后工作日早于通知期，批准即表示同意缩短通知期' : 'The last day is before the notice allows; approving accepts the shorter notice']);
  if (r.onBehalf) rows.push([zh ? '代为提交' : 'Handed in by', r.onBehalf.byName]);
  rows.push([zh ? '辞职原因' : 'Reason', r.reason]);
  return rows;
}

const consolePath = (r: Pick<Resignation, 'id'>) => `/#/resignations/${r.id}/show`;

export const resignationDefinition: KindDefinition<Resignation> = {
  kind: RESIGNATION,
  auditEntity: 'resignation',
  runningStatus: 'pending_approval',
  openStatuses: ['pending_approval'],
  key: (id) => requestKey(RESIGNATION, id),
  load: (deps, id) => getRequest<Resignation>(deps.store, RESIGNATION, id),
  put: (deps, next, previous) => requestPut(deps.store, RESIGNATION, next, previous),
  subjectEmployeeId: (r) => r.employeeId,
  chain: (r) => r.chainSteps.map(chainStep),
  currentChain: async (deps) => (await getPolicy(deps.store, 'offboarding')).values.chain.map(chainStep),
  stepDueHours: (r) => r.stepDueHours,
  ccOnFinish: () => [],
  resubmit: {
    fields: RESUBMIT_FIELDS,
    values: (r) => ({ lastDay: r.lastDay, reason: r.reason }),
    apply: (r, fields) => {
      const lastDay = typeof fields.lastDay === 'string' && fields.lastDay >= r.submittedOn ? fields.lastDay : r.lastDay;
      return {
        lastDay, shortenedNotice: lastDay < r.earliestLastDay,
        ...(typeof fields.reason === 'string' && fields.reason.trim() ? { reason: fields.reason.trim() } : {}),
      };
    },
  },
  listed: {
    kindLabel: { 'zh-CN': '辞职申请', en: 'Resignation' },
    title: resignationTitle,
    statusLabels: STATUS_LABELS,
    consolePath,
  },
  // The employee withdraws it until it is approved, even one HR handed in for them; so may HR who handed it in.
  mayWithdraw: (r, actor) => actor.id === r.employeeUserId || actor.id === r.requesterId,

  async describe(_deps, r): Promise<RequestSummary> {
    return {
      title: resignationTitle(r),
      kindLabel: { 'zh-CN': '辞职申请', en: 'Resignation' },
      summary: { 'zh-CN': resignationRows(r, 'zh-CN'), en: resignationRows(r, 'en') },
      requester: r.requesterId ? { id: r.requesterId, name: r.requesterName ?? '' } : null,
      subjectEmployeeId: r.employeeId,
      consolePath: consolePath(r),
      steps: r.chainSteps.map((s) => ({ key: s.key, label: { 'zh-CN': s.labelZh, en: s.labelEn } })),
    };
  },

  async onDecision(_deps, _r, d) {
    if (d.decision !== 'reject') return {};
    return { rejection: { stepKey: d.stepKey, byName: d.actor.name, comment: d.comment } };
  },

  async onWithdraw(deps, before, _after, w) {
    // Withdrawn by HR who handed it in: the employee is told; withdrawn by themselves, they know.
    const mails = w.actor.id === before.employeeUserId ? [] : await outcomeMails(deps, { ...before, status: 'withdrawn' }, w.actor.name);
    return { writes: await releaseGuard(deps, before), mails };
  },

  async finish(deps, r, outcome, finished) {
    const at = deps.now().toISOString();
    if (r.status !== 'pending_approval') return { outcome: r.status };
    const status: ResignationStatus = outcome === 'approved' ? 'approved' : outcome === 'rejected' ? 'rejected' : 'failed';
    const writes: TxItem[] = [...finished(status)];
    let next: Resignation = { ...r, status, currentStep: null, updatedAt: at, version: r.version + 1, result: null };
    let mails: GuardedMail[] = [];
    if (status === 'approved') {
      const employee = await getEmployee(deps.store, r.employeeId);
      if (!employee) throw new Error(`resignation ${r.id}: employee ${r.employeeId} not found`);
      // Approved after the wished day passed (the chain took longer): the employee leaves the day it is approved.
      const today = companyToday(deps.now());
      const lastDay = r.lastDay < today ? today : r.lastDay;
      const opened = await openOffboarding(deps, { employee, reason: 'resignation', lastDay, resignationId: r.id, actor: null, channel: 'system', at });
      next = { ...next, lastDay, lastDayMovedFrom: lastDay === r.lastDay ? null : r.lastDay, offboardingId: opened.record.id };
      writes.push(...opened.writes);
      mails = opened.mails;
    } else if (status === 'rejected') {
      writes.push(...(await releaseGuard(deps, r)));
    }
    next.result = { outcome: status, ...(next.offboardingId ? { offboardingId: next.offboardingId, lastDay: next.lastDay } : {}) };
    const told = status === 'failed' ? [] : await outcomeMails(deps, next, null);
    await transact(deps.store, [requestPut(deps.store, RESIGNATION, next, r), ...writes, ...told.map((m) => m.tx)]);
    await Promise.all([...mails, ...told].map((m) => sendGuarded(deps, m)));
    return next.result;
  },
};

/** The leaving guard goes with a resignation that ends without approval (if it still names it). */
async function releaseGuard(deps: WorkflowDeps, r: Resignation): Promise<TxItem[]> {
  const guard = await getLeavingGuard(deps.store, r.employeeId);
  return guard?.resignationId === r.id && !guard.offboardingId ? [leavingGuardDelete(deps.store, r.employeeId, { resignationId: r.id })] : [];
}

/** The employee (and HR who handed it in for them) learn the outcome; an approval gives the last day. */
async function outcomeMails(deps: WorkflowDeps, r: Resignation, withdrawnBy: string | null): Promise<GuardedMail[]> {
  const to = new Map<string, User>();
  const employee = await findUserByEmployee(deps.store, r.employeeId);
  if (employee?.status === 'active') to.set(employee.id, employee);
  return [...to.values()].map((u) => {
    const lang = u.language;
    const zh = lang === 'zh-CN';
    const rows = resignationRows(r, lang).slice(0, 2);
    if (r.status === 'approved') rows.push([zh ? '下一步' : 'Next', zh ? '离职办理已开始：请在最后工作日前完成工作交接与物品归还' : 'Offboarding has started: hand over your work and return what was issued to you before your last day']);
    if (r.status === 'rejected' && r.rejection) rows.push([zh ? '未批准环节' : 'Rejected at', `${r.chainSteps.find((s) => s.key === r.rejection?.stepKey)?.[zh ? 'labelZh' : 'labelEn'] ?? r.rejection.stepKey}（${r.rejection.byName}）`]);
    if (withdrawnBy) rows.push([zh ? '撤回人' : 'Withdrawn by', withdrawnBy]);
    const content = requestOutcome({
      recipientName: u.name, requestTitle: resignationTitle(r)[lang], outcome: r.status === 'approved' ? 'approved' : r.status === 'withdrawn' ? 'ended' : 'rejected',
      details: rows, ...(r.status === 'rejected' && r.rejection?.comment ? { comment: r.rejection.comment } : {}),
      openUrl: `${deps.publicUrl}${r.status === 'approved' && r.offboardingId ? `/#/offboardings/${r.offboardingId}/show` : consolePath(r)}`,
    }, lang);
    return guardMail(deps, { to: u.email, content, ids: { resignationId: r.id, kind: `outcome.${r.status}` } });
  });
}

export const resignationKind = chainKind(resignationDefinition);
