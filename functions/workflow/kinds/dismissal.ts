/**
 * 辞退 (a dismissal proposal, POLICIES.md §4; seed 004 第五条(四)) on the engine: a violation while
 * a final warning is active, or a dismissal-level offence, is proposed for dismissal and approved
 * along the discipline policy's chain (default supervisor → CS manager → HR → GM). It cannot be
 * undone, so every step is signed-in only: the mail links to the console, and a decision from an
 * emailed link is refused (403 APPROVAL.SIGNED_IN_ONLY). Approved, the employee's offboarding
 * opens with reason `dismissal`; rejected, the violation stands as a final warning, whose notice
 * the employee signs (the discipline chain starts for it).
 */
import type { ChainStep } from '../../domain/approvals/chain.js';
import { DECISION_STEP } from '../../domain/approvals/step-spec.js';
import { explainRule } from '../../domain/discipline/ladder.js';
import { companyToday } from '../../domain/people/dates.js';
import type { OffboardingChainStep } from '../../domain/policy/defaults.js';
import { getLedger, ledgerPut, retryOnLedgerChange } from '../../storage/discipline.js';
import { auditPut } from '../../storage/audit.js';
import { disciplineCount } from '../../storage/counters.js';
import { getEmployee } from '../../storage/employees.js';
import { requestKey } from '../../storage/keys.js';
import { getPolicy } from '../../storage/policies.js';
import { getRequest, requestPut } from '../../storage/requests.js';
import { transact, type TxItem } from '../../storage/transact.js';
import { chainKind, type KindDefinition, type RequestRecord } from '../chain-kind.js';
import type { Lang, RequestSummary, WorkflowDeps } from '../kinds.js';
import { sendGuarded, type GuardedMail } from '../notify.js';
import { openOffboarding } from '../offboarding.js';
import { executionArnOf, startLater } from '../start.js';
import { actionMails, actionPath, actionPut, actionRows, DISCIPLINE, ledgerEntry, ledgerWith, noticeHashOf, type DisciplinaryAction } from './discipline.js';

export const DISMISSAL = 'dismissal';

export const DISMISSAL_STATUSES = ['pending_approval', 'approved', 'rejected', 'failed'] as const;
export type DismissalStatus = (typeof DISMISSAL_STATUSES)[number];

export interface Dismissal extends RequestRecord {
  status: DismissalStatus;
  actionId: string;
  employeeId: string;
  employeeName: string;
  employeeNo: string;
  employeePath: string;
  chainSteps: OffboardingChainStep[];
  stepDueHours: number;
  policyVersion: number;
  rejection: { stepKey: string; byName: string; comment: string | null } | null;
  offboardingId: string | null;
  createdAt: string;
}

const STATUS_LABELS: Record<DismissalStatus, Record<Lang, string>> = {
  pending_approval: { 'zh-CN': '审批中', en: 'Awaiting approval' },
  approved: { 'zh-CN': '已批准辞退', en: 'Dismissal approved' },
  rejected: { 'zh-CN': '未批准（按最后警告处理）', en: 'Not approved (a final warning instead)' },
  failed: { 'zh-CN': '流程出错', en: 'Workflow error' },
};

/** Every step signed in: a dismissal cannot be undone, and nobody decides it for someone else by policy. */
const chainStep = (s: OffboardingChainStep): ChainStep => ({ key: s.key, labelZh: s.labelZh, labelEn: s.labelEn, approver: s.approver, spec: { ...DECISION_STEP, verbs: ['transfer'], signedInOnly: true, skippable: false } });

export const dismissalTitle = (r: Pick<Dismissal, 'employeeName'>): Record<Lang, string> => ({ 'zh-CN': `辞退审批：${r.employeeName}`, en: `Dismissal: ${r.employeeName}` });

async function loadAction(deps: WorkflowDeps, id: string): Promise<DisciplinaryAction> {
  const a = await getRequest<DisciplinaryAction>(deps.store, DISCIPLINE, id);
  if (!a) throw new Error(`dismissal: action ${id} is missing`);
  return a;
}

export const dismissalDefinition: KindDefinition<Dismissal> = {
  kind: DISMISSAL,
  auditEntity: 'dismissal',
  runningStatus: 'pending_approval',
  openStatuses: ['pending_approval'],
  key: (id) => requestKey(DISMISSAL, id),
  load: (deps, id) => getRequest<Dismissal>(deps.store, DISMISSAL, id),
  put: (deps, next, previous) => requestPut(deps.store, DISMISSAL, next, previous),
  subjectEmployeeId: (r) => r.employeeId,
  chain: (r) => r.chainSteps.map(chainStep),
  currentChain: async (deps) => (await getPolicy(deps.store, 'discipline')).values.dismissalChain.map(chainStep),
  stepDueHours: (r) => r.stepDueHours,
  ccOnFinish: () => [],
  mayWithdraw: () => false,
  listed: {
    kindLabel: { 'zh-CN': '辞退审批', en: 'Dismissal' },
    title: dismissalTitle,
    statusLabels: STATUS_LABELS,
    consolePath: (r) => actionPath({ id: r.actionId }),
  },

  async describe(deps, r): Promise<RequestSummary> {
    const action = await loadAction(deps, r.actionId);
    return {
      title: dismissalTitle(r),
      kindLabel: { 'zh-CN': '辞退审批', en: 'Dismissal' },
      summary: { 'zh-CN': actionRows(action, 'zh-CN'), en: actionRows(action, 'en') },
      requester: r.requesterId ? { id: r.requesterId, name: r.requesterName ?? '' } : null,
      subjectEmployeeId: r.employeeId,
      consolePath: actionPath(action),
      attachments: action.evidence.map((a) => a.id),
      steps: r.chainSteps.map((s) => ({ key: s.key, label: { 'zh-CN': s.labelZh, en: s.labelEn } })),
    };
  },

  async onDecision(_deps, _r, d) {
    if (d.decision !== 'reject') return {};
    return { rejection: { stepKey: d.stepKey, byName: d.actor.name, comment: d.comment } };
  },

  finish: (deps, first, outcome, finished) =>
    retryOnLedgerChange(first, () => getRequest<Dismissal>(deps.store, DISMISSAL, first.id), (r) => finishOnce(deps, r, outcome, finished)),
};

async function finishOnce(deps: WorkflowDeps, r: Dismissal, outcome: 'approved' | 'rejected' | 'failed', finished: (status: string) => TxItem[]): Promise<Record<string, unknown>> {
  if (r.status !== 'pending_approval' || r.result) return r.result ?? { outcome: r.status };
  const at = deps.now().toISOString();
  const status: DismissalStatus = outcome === 'approved' ? 'approved' : outcome === 'rejected' ? 'rejected' : 'failed';
  let next: Dismissal = { ...r, status, currentStep: null, updatedAt: at, version: r.version + 1, result: { outcome: status } };
  const writes: TxItem[] = [...finished(status)];
  const mails: GuardedMail[] = [];
  /** The offboarding's own mails: their outbox items are in its writes already. */
  let opened: GuardedMail[] = [];
  let start: (() => Promise<void>) | null = null;
  if (status !== 'failed') {
    const action = await loadAction(deps, r.actionId);
    const ledger = await getLedger(deps.store, action.employeeId);
    let after: DisciplinaryAction;
    if (status === 'approved') {
      const employee = await getEmployee(deps.store, r.employeeId);
      if (!employee) throw new Error(`dismissal ${r.id}: employee ${r.employeeId} not found`);
      // The employee leaves the day it is approved (the offboarding's handover starts now).
      const offboarding = await openOffboarding(deps, { employee, reason: 'dismissal', lastDay: companyToday(deps.now()), actor: null, channel: 'system', at });
      writes.push(...offboarding.writes);
      opened = offboarding.mails;
      after = {
        ...action, status: 'dismissed', effectiveAt: at, updatedAt: at, version: action.version + 1,
        dismissal: { requestId: r.id, status: 'approved', decidedAt: at, offboardingId: offboarding.record.id, rejectedBy: null, comment: null },
      };
      next = { ...next, offboardingId: offboarding.record.id, result: { outcome: status, offboardingId: offboarding.record.id } };
      mails.push(...(await actionMails(deps, after, 'dismissed')));
    } else {
      // 004 第五条(四)2 needs the approvers' yes; without it the violation stands as a final warning, served and appealable like any.
      const { values } = await getPolicy(deps.store, 'discipline');
      const words = (lang: Lang) => `${lang === 'zh-CN' ? '辞退未获批准，按最后警告处理' : 'Dismissal not approved: a final warning instead'}${lang === 'zh-CN' ? '；' : '; '}${explainRule({ rules: [action.rule.code], level: 'final' }, values, [], lang)}`;
      after = {
        ...action, level: 'final', status: 'pending_signature', updatedAt: at, version: action.version + 1,
        rule: { ...action.rule, text: { 'zh-CN': words('zh-CN'), en: words('en') } },
        dismissal: { requestId: r.id, status: 'rejected', decidedAt: at, offboardingId: null, rejectedBy: r.rejection?.byName ?? null, comment: r.rejection?.comment ?? null },
        decidedSteps: [], currentStep: null, result: null, executionArn: executionArnOf(deps, DISCIPLINE, action.id),
      };
      after = { ...after, noticeHash: noticeHashOf(after) };
      const started = await startLater(deps, DISCIPLINE, action.id, at, { status: after.status, startedBy: r.requesterId });
      writes.push(...started.tx);
      start = started.start;
      mails.push(...(await actionMails(deps, after, 'dismissal_rejected', { comment: r.rejection?.comment ?? null })));
    }
    // Counted as the level it ends at: a rejected dismissal is a final warning.
    const moved = after.level === action.level ? [] : [...disciplineCount(action.level, action.teamId ?? null, action.occurredOn, -1), ...disciplineCount(after.level, action.teamId ?? null, action.occurredOn, 1)];
    writes.push(actionPut(deps, after, action), { ...ledgerPut(deps.store, ledgerWith(ledger, [ledgerEntry(after)]), ledger), counts: moved }, {
      write: auditPut(deps.store, {
        entityType: 'disciplinaryAction', entityId: action.id, action: status === 'approved' ? 'dismiss' : 'dismissal_rejected', actor: null, channel: 'system', at,
        before: { status: action.status, level: action.level }, after: { status: after.status, level: after.level, dismissalId: r.id },
      }),
    });
  }
  await transact(deps.store, [requestPut(deps.store, DISMISSAL, next, r), ...writes, ...mails.map((m) => m.tx)]);
  await Promise.all([...opened, ...mails].map((m) => sendGuarded(deps, m)));
  if (start) await start();
  return next.result!;
}

export const dismissalKind = chainKind(dismissalDefinition);
