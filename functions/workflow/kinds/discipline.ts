/**
 * 处罚 (a disciplinary action, POLICIES.md §4; seed 004 第五条(六)) on the engine, for a warning
 * (verbal, written, final). Its chain is the employee's own steps and the appeal:
 *
 * 1. `notice` (签收处罚单) — the employee signs the 处罚单 by hand; or refuses, and the named
 *    witnesses sign for the refusal (the last witness's signature decides the step, by the
 *    system). Not served within `signDays`, the action lapses (voided, `not_served`).
 * 2. `appeal` (申诉期) — the employee may appeal in writing until the end of the `appealDays`-th
 *    company day after the notice was served; when the window closes with no appeal, the step
 *    decides itself and the action takes effect (a workflow timer, not a daily poll).
 * 3. `appeal_review` (申诉处理), only after an appeal — the issuer's superior (never the issuer)
 *    answers within `appealAnswerDays`, reminded and escalated like any approver: approving
 *    upholds the appeal and voids the action (a roll-up it caused is undone), rejecting leaves it
 *    in effect.
 *
 * A dismissal proposal runs as its own kind (dismissal.ts); rejected, its action becomes a final
 * warning and starts this chain.
 */
import { createHash } from 'node:crypto';
import type { ChainStep } from '../../domain/approvals/chain.js';
import { DECISION_STEP, type FieldSpec, type StepSpec } from '../../domain/approvals/step-spec.js';
import {
  appealWindow, noticeRows, noticeText, shownStatus, statusLabel, STATUS_LABELS, type DisciplineRecordFields, type StoredDisciplineStatus,
} from '../../domain/discipline/action.js';
import { levelLabel, type PriorAction } from '../../domain/discipline/ladder.js';
import { DomainError } from '../../domain/errors.js';
import { companyToday } from '../../domain/people/dates.js';
import { disciplineNotice, type DisciplineEvent } from '../../email/templates/index.js';
import { formatDateTime } from '../../email/render.js';
import { DISCIPLINE, disciplineIndexes, getLedger, ledgerPut, retryOnLedgerChange, type Ledger } from '../../storage/discipline.js';
import { auditPut } from '../../storage/audit.js';
import { disciplineCount } from '../../storage/counters.js';
import { getEmployee } from '../../storage/employees.js';
import { headObject } from '../../storage/objects.js';
import { getPolicy } from '../../storage/policies.js';
import { getRequest, getRequests, requestPut } from '../../storage/requests.js';
import { requestKey } from '../../storage/keys.js';
import { transact, type TxItem } from '../../storage/transact.js';
import { findUserByEmployee, getUser, usersWithRole, type User } from '../../storage/users.js';
import { chainKind, type KindDefinition, type RequestRecord } from '../chain-kind.js';
import type { Lang, RequestSummary, WorkflowDeps } from '../kinds.js';
import { guardMail, sendGuarded, type GuardedMail } from '../notify.js';

export { DISCIPLINE };

export type DisciplinaryAction = RequestRecord & DisciplineRecordFields & { status: StoredDisciplineStatus };

export const NOTICE_STEP = 'notice';
export const APPEAL_STEP = 'appeal';
export const REVIEW_STEP = 'appeal_review';

/** The employee's signature, as the acknowledge route stores it before deciding (the image is already in object storage). */
const SIGN_FIELDS: FieldSpec[] = [
  { name: 'signatureKey', type: 'text', required: true, maxLength: 300, label: { 'zh-CN': '签名图片', en: 'Signature image' } },
  { name: 'signatureSha256', type: 'text', required: true, maxLength: 64, label: { 'zh-CN': '签名摘要', en: 'Signature hash' } },
  { name: 'signedVia', type: 'choice', required: true, options: [{ value: 'console', label: { 'zh-CN': '控制台', en: 'Console' } }, { value: 'api', label: { 'zh-CN': '接口', en: 'API' } }], label: { 'zh-CN': '签字渠道', en: 'Channel' } },
];
export const APPEAL_REASON_MAX = 2000;
const APPEAL_FIELDS: FieldSpec[] = [{ name: 'reason', type: 'text', required: true, maxLength: APPEAL_REASON_MAX, label: { 'zh-CN': '申诉理由', en: 'Grounds of appeal' } }];

const SUBJECT_STEP: Omit<StepSpec, 'type' | 'fields'> = { verbs: [], subjectActs: true, signedInOnly: true, skippable: false };

/** Hours from the notice being served to the end of the appeal window (the step's own deadline). */
function appealHours(r: DisciplinaryAction): number {
  if (!r.servedAt || !r.appealUntil) return r.terms.appealDays * 24;
  return Math.max(1 / 3600, (Date.parse(r.appealUntil) - Date.parse(r.servedAt)) / 3_600_000);
}

function chainOf(r: DisciplinaryAction): ChainStep[] {
  if (r.level === 'dismissal') return [];
  const steps: ChainStep[] = [
    {
      key: NOTICE_STEP, labelZh: '签收处罚单', labelEn: 'Sign the penalty notice', approver: { kind: 'subject' },
      spec: { ...SUBJECT_STEP, type: 'waitForSubject', fields: SIGN_FIELDS, deadlineHours: r.terms.signDays * 24, onDeadline: 'reject' },
    },
    {
      key: APPEAL_STEP, labelZh: '申诉期（如有异议可申诉）', labelEn: 'Appeal window (appeal if you disagree)', approver: { kind: 'subject' },
      spec: { ...SUBJECT_STEP, type: 'waitForSubject', fields: APPEAL_FIELDS, deadlineHours: appealHours(r), onDeadline: 'approve' },
    },
  ];
  if (r.appeal) {
    steps.push({
      key: REVIEW_STEP, labelZh: '申诉处理（同意即撤销处罚）', labelEn: 'Appeal answer (approve to void the penalty)', approver: { kind: 'named', mode: 'any' },
      spec: { ...DECISION_STEP, verbs: [], skippable: false },
    });
  }
  return steps;
}

export const actionPath = (r: Pick<DisciplinaryAction, 'id'>) => `/#/disciplinary-actions/${r.id}/show`;

export function actionTitle(r: Pick<DisciplinaryAction, 'employeeName' | 'level'>): Record<Lang, string> {
  return {
    'zh-CN': r.level === 'dismissal' ? `辞退提议：${r.employeeName}` : `处罚单：${r.employeeName}（${levelLabel(r.level, 'zh-CN')}）`,
    en: r.level === 'dismissal' ? `Dismissal proposal: ${r.employeeName}` : `Penalty notice: ${r.employeeName} (${levelLabel(r.level, 'en')})`,
  };
}

/** The notice in the reader's language. */
export const actionRows = (r: DisciplinaryAction, lang: Lang) => noticeRows(r, lang, (iso) => formatDateTime(iso, lang));

/** The SHA-256 of the notice's zh-CN text: what each signature says it signed. */
export function noticeHashOf(r: DisciplinaryAction): string {
  return createHash('sha256').update(noticeText(r.id, actionRows(r, 'zh-CN'))).digest('hex');
}

/** The record's index attributes as it stands (its next deadline while open; the month a fine took effect). */
function indexesOf(r: DisciplinaryAction) {
  const signBy = new Date(Date.parse(r.createdAt) + r.terms.signDays * 86_400_000).toISOString();
  const deadline = r.status === 'pending_signature' ? signBy
    : r.status === 'appeal_window' ? r.appealUntil
      : r.status === 'under_appeal' && r.appeal ? new Date(Date.parse(r.appeal.at) + r.terms.appealAnswerDays * 86_400_000).toISOString()
        : r.status === 'dismissal_pending' ? r.createdAt : null;
  return disciplineIndexes(r, deadline, r.effectiveAt ? companyToday(new Date(r.effectiveAt)).slice(0, 7) : null);
}

export const actionPut = (deps: WorkflowDeps, next: DisciplinaryAction, previous: Pick<DisciplinaryAction, 'version'>): TxItem =>
  requestPut(deps.store, DISCIPLINE, next, previous, indexesOf(next));

export const actionIndexes = indexesOf;

/** The ledger entry of an action (what the ladder reads). */
export const ledgerEntry = (r: Pick<DisciplinaryAction, 'id' | 'level' | 'status' | 'occurredOn' | 'rolledUpInto'>): PriorAction => ({
  id: r.id, level: r.level, status: r.status, occurredOn: r.occurredOn, rolledUpInto: r.rolledUpInto,
});

/** The ledger with `changed` entries replaced (or added), and nothing older than it needs kept. */
export function ledgerWith(ledger: Ledger, changed: readonly PriorAction[]): Omit<Ledger, 'version'> {
  const byId = new Map(ledger.entries.map((e) => [e.id, e]));
  for (const e of changed) byId.set(e.id, e);
  return { employeeId: ledger.employeeId, entries: [...byId.values()] };
}

/**
 * Voiding an action: it no longer counts, and the warnings it had rolled up count again (each
 * says which void restored it). The writes and the restored ids, for the caller's transaction.
 */
export async function voidWrites(deps: WorkflowDeps, r: DisciplinaryAction, at: string): Promise<{ writes: TxItem[]; restored: string[] }> {
  const ledger = await getLedger(deps.store, r.employeeId);
  const rolled = r.counted.length ? await getRequests<DisciplinaryAction>(deps.store, DISCIPLINE, r.counted) : [];
  const restored = rolled.filter((a) => a.rolledUpInto === r.id).map((a) => ({ ...a, rolledUpInto: null, restored: { fromActionId: r.id, at }, updatedAt: at, version: a.version + 1 }));
  const writes: TxItem[] = restored.map((a) => actionPut(deps, a, { version: a.version - 1 }));
  writes.push({ ...ledgerPut(deps.store, ledgerWith(ledger, [{ ...ledgerEntry(r), status: 'voided' }, ...restored.map(ledgerEntry)]), ledger), counts: disciplineCount(r.level, r.teamId ?? null, r.occurredOn, -1) });
  return { writes, restored: restored.map((a) => a.id) };
}

/** A mail about the action to its employee and its issuer (and whoever else `extra` names). */
export async function actionMails(deps: WorkflowDeps, r: DisciplinaryAction, event: DisciplineEvent, opts: { comment?: string | null; extra?: User[]; only?: User[] } = {}): Promise<GuardedMail[]> {
  const to = new Map<string, User>();
  if (opts.only) for (const u of opts.only) to.set(u.id, u);
  else {
    const [employee, issuer] = await Promise.all([r.employeeUserId ? getUser(deps.store, r.employeeUserId) : null, r.requesterId ? getUser(deps.store, r.requesterId) : null]);
    for (const u of [employee, issuer, ...(opts.extra ?? [])]) if (u && u.status === 'active') to.set(u.id, u);
  }
  return [...to.values()].map((u) => {
    const lang = u.language;
    return guardMail(deps, {
      to: u.email,
      content: disciplineNotice({
        event, recipientName: u.name, employeeName: r.employeeName, levelLabel: r.level === 'dismissal' ? (lang === 'zh-CN' ? '辞退' : 'dismissal') : levelLabel(r.level, lang),
        rows: actionRows(r, lang), comment: opts.comment ?? null, openUrl: `${deps.publicUrl}${actionPath(r)}`,
      }, lang),
      ids: { disciplinaryActionId: r.id, kind: `discipline.${event}`, userId: u.id, version: String(r.version) },
    });
  });
}

/**
 * Who answers an appeal: the issuer's direct superior (004 (六)2); when the issuer has none who
 * can sign, HR. Never the issuer, never the employee.
 */
async function appealReviewers(deps: WorkflowDeps, r: DisciplinaryAction): Promise<User[]> {
  const issuerEmployee = r.issuerEmployeeId ? await getEmployee(deps.store, r.issuerEmployeeId) : null;
  const superior = issuerEmployee?.superiorId ? await findUserByEmployee(deps.store, issuerEmployee.superiorId) : null;
  const eligible = (u: User | null): u is User => !!u && u.status === 'active' && u.id !== r.requesterId && u.employeeId !== r.employeeId;
  if (eligible(superior)) return [superior];
  return (await usersWithRole(deps.store, 'hr')).filter(eligible);
}

function runningStatus(r: DisciplinaryAction): StoredDisciplineStatus {
  if (!r.servedAt) return 'pending_signature';
  return r.appeal ? 'under_appeal' : 'appeal_window';
}

export const disciplineDefinition: KindDefinition<DisciplinaryAction> = {
  kind: DISCIPLINE,
  auditEntity: 'disciplinaryAction',
  runningStatus,
  openStatuses: ['pending_signature', 'appeal_window', 'under_appeal'],
  key: (id) => requestKey(DISCIPLINE, id),
  load: (deps, id) => getRequest<DisciplinaryAction>(deps.store, DISCIPLINE, id),
  put: actionPut,
  subjectEmployeeId: (r) => r.employeeId,
  named: (r, stepKey) => (stepKey === REVIEW_STEP ? (r.appeal?.reviewerIds ?? []) : []),
  chain: chainOf,
  currentChain: async (deps) => {
    const { values } = await getPolicy(deps.store, 'discipline');
    const terms = { countingMonths: values.windows.countingMonths, signDays: values.windows.signDays, appealDays: values.windows.appealDays, appealAnswerDays: values.windows.appealAnswerDays, witnesses: values.options.witnesses };
    return chainOf({ level: 'verbal', terms, servedAt: null, appealUntil: null, appeal: { reason: '', at: '', reviewerIds: [], reviewerNames: [] } } as unknown as DisciplinaryAction);
  },
  // The step's own time: the signing days, the appeal window as served, the days to answer.
  stepDueHours: (r) => (r.currentStep === REVIEW_STEP ? r.terms.appealAnswerDays * 24 : r.currentStep === APPEAL_STEP ? appealHours(r) : r.terms.signDays * 24),
  ccOnFinish: () => [],
  // An action is not withdrawn: an appeal voids it, or HR corrects it by a new decision.
  mayWithdraw: () => false,
  listed: {
    kindLabel: { 'zh-CN': '处罚单', en: 'Penalty notice' },
    title: actionTitle,
    statusLabels: STATUS_LABELS,
    consolePath: actionPath,
  },

  async describe(_deps, r): Promise<RequestSummary> {
    return {
      title: actionTitle(r),
      kindLabel: { 'zh-CN': '处罚单', en: 'Penalty notice' },
      summary: { 'zh-CN': actionRows(r, 'zh-CN'), en: actionRows(r, 'en') },
      requester: r.requesterId ? { id: r.requesterId, name: r.requesterName ?? '' } : null,
      subjectEmployeeId: r.employeeId,
      consolePath: actionPath(r),
      attachments: r.evidence.map((a) => a.id),
      steps: chainOf(r).map((s) => ({ key: s.key, label: { 'zh-CN': s.labelZh, en: s.labelEn } })),
    };
  },

  async onDecision(deps, r, d) {
    if (d.stepKey === NOTICE_STEP && d.decision === 'approve') {
      const served = appealWindow(d.at, r.terms.appealDays);
      const base = { servedAt: d.at, appealLastDay: served.lastDay, appealUntil: served.until };
      if (d.actor.id === 'system') {
        // The last witness for a refusal (workflow/discipline.ts `witnessSign`): their signature with the decision.
        const witness = d.fields.witness as DisciplinaryAction['witnesses'][number] | undefined;
        if (!witness || !r.refusal) throw new Error(`discipline ${r.id}: a system decision of the notice carries no witness`);
        return { ...base, servedBy: 'witnesses', witnesses: [...r.witnesses, witness] };
      }
      const key = String(d.fields.signatureKey);
      const sha = String(d.fields.signatureSha256);
      // Only an image the acknowledge route stored for this employee on this notice counts as their signature.
      if (key !== signatureKey(r.id, d.actor.id, sha) || !(await headObject(deps.objects, key))) throw new DomainError('DISCIPLINE.SIGNATURE_INVALID', 'signature', { maxKb: SIGNATURE_MAX_KB });
      const signature = { userId: d.actor.id, name: d.actor.name, role: 'employee' as const, at: d.at, channel: String(d.fields.signedVia), imageKey: key, imageSha256: sha, noticeHash: r.noticeHash };
      return { ...base, servedBy: 'signature', signature };
    }
    if (d.stepKey === APPEAL_STEP && d.decision === 'approve' && d.actor.id !== 'system') {
      if (r.appealUntil && d.at >= r.appealUntil) throw new DomainError('DISCIPLINE.APPEAL_WINDOW_CLOSED', undefined, { until: formatDateTime(r.appealUntil, 'zh-CN') });
      const reviewers = await appealReviewers(deps, r);
      return { appeal: { reason: String(d.fields.reason), at: d.at, reviewerIds: reviewers.map((u) => u.id), reviewerNames: reviewers.map((u) => u.name) } };
    }
    if (d.stepKey === REVIEW_STEP) {
      // Never the issuer, whoever holds the task (a delegation, a transfer).
      if (d.actor.id === r.requesterId) throw new DomainError('DISCIPLINE.APPEAL_BY_ISSUER');
      if (d.decision === 'approve' || d.decision === 'reject') {
        return { ruling: { outcome: d.decision === 'approve' ? 'upheld' : 'rejected', byId: d.actor.id, byName: d.actor.name, at: d.at, comment: d.comment } };
      }
    }
    return {};
  },

  // Another change to the employee's record at the same moment: read it again and retry.
  finish: (deps, first, outcome, finished) =>
    retryOnLedgerChange(first, () => getRequest<DisciplinaryAction>(deps.store, DISCIPLINE, first.id), (r) => finishOnce(deps, r, outcome, finished)),
};

async function finishOnce(deps: WorkflowDeps, r: DisciplinaryAction, outcome: 'approved' | 'rejected' | 'failed', finished: (status: string) => TxItem[]): Promise<Record<string, unknown>> {
  const at = deps.now().toISOString();
  if (r.result) return r.result;
  if (outcome === 'failed') {
    const next = { ...r, result: { outcome: 'failed' }, updatedAt: at, version: r.version + 1 };
    await transact(deps.store, [actionPut(deps, next, r), ...finished(r.status)]);
    return next.result;
  }
  const voidedFor = !r.servedAt ? 'not_served' : r.ruling?.outcome === 'upheld' ? 'appeal_upheld' : null;
  const writes: TxItem[] = [];
  let next: DisciplinaryAction;
  let event: DisciplineEvent;
  if (voidedFor) {
    const v = await voidWrites(deps, r, at);
    writes.push(...v.writes);
    next = { ...r, status: 'voided', voided: { reason: voidedFor, at, restored: v.restored }, currentStep: null, updatedAt: at, version: r.version + 1, result: { outcome: 'voided', reason: voidedFor } };
    event = 'voided';
  } else {
    next = { ...r, status: 'effective', effectiveAt: at, currentStep: null, updatedAt: at, version: r.version + 1, result: { outcome: 'effective' } };
    event = 'effective';
  }
  writes.unshift(actionPut(deps, next, r), ...finished(next.status), {
    write: auditPut(deps.store, {
      entityType: 'disciplinaryAction', entityId: r.id, action: next.status === 'voided' ? 'void' : 'effective', actor: null, channel: 'system', at,
      before: { status: r.status }, after: { status: next.status, ...(next.voided ? { reason: next.voided.reason, restored: next.voided.restored } : {}) },
    }),
  });
  const comment = voidedFor === 'appeal_upheld' ? (r.ruling?.comment ?? null) : voidedFor === 'not_served' ? '处罚单未在期限内签收或见证，已失效 / Not signed or witnessed in time: lapsed' : null;
  const mails = await actionMails(deps, next, event, { comment });
  await transact(deps.store, [...writes, ...mails.map((m) => m.tx)]);
  await Promise.all(mails.map((m) => sendGuarded(deps, m)));
  return next.result!;
}

export const SIGNATURE_MAX_KB = 200;
/** Where a signature image is kept: by action, signer and the image's own hash (the same image stored twice is one object). */
export const signatureKey = (actionId: string, userId: string, sha256: string) => `signatures/${actionId}/${userId}/${sha256}`;

/** The status the API shows (expired computed from today). */
export const presentedStatus = (r: DisciplinaryAction, now: Date) => shownStatus(r, companyToday(now));
export const actionStatusLabel = statusLabel;

export const disciplineKind = chainKind(disciplineDefinition);
