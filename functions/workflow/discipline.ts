/**
 * What people do to a disciplinary action (POLICIES.md §4, #16), behind the HTTP routes: record
 * one (the ladder computes its level on the employee's ledger, concurrency-safe), sign the
 * 处罚单 or refuse it, name the witnesses and witness a refusal, appeal. The employee's own
 * steps are the engine's (kinds/discipline.ts): signing and appealing decide them through the
 * one decision path; the last witness's signature decides the notice by the system.
 */
import { createHash } from 'node:crypto';
import type { CountedAction } from '../domain/discipline/action.js';
import { countsUntil, explainRule, levelFor } from '../domain/discipline/ladder.js';
import { DomainError } from '../domain/errors.js';
import { addMonths, companyToday } from '../domain/people/dates.js';
import { auditPut } from '../storage/audit.js';
import type { Channel } from '../storage/audit.js';
import { decideStep, getTasks, listSteps, StepChanged, type ApprovalTask } from '../storage/approvals.js';
import { claimAttachments, type Claim } from '../storage/attachments.js';
import { disciplineCount } from '../storage/counters.js';
import { getLedger, LedgerChanged, ledgerPut } from '../storage/discipline.js';
import type { StoredEmployee } from '../storage/employees.js';
import { getEmployees } from '../storage/employees.js';
import { newId } from '../storage/ids.js';
import { putObject } from '../storage/objects.js';
import { getPolicy } from '../storage/policies.js';
import { createRequest, getRequest, getRequests, requestCreate } from '../storage/requests.js';
import { transact, type TxItem } from '../storage/transact.js';
import { findUserByEmployee, getUsersByIds, type User } from '../storage/users.js';
import { decide } from './decisions.js';
import { engineCall, kindOf, type WorkflowDeps } from './kinds.js';
import {
  actionIndexes, actionMails, actionPut, APPEAL_STEP, DISCIPLINE, ledgerEntry, ledgerWith, NOTICE_STEP, noticeHashOf, SIGNATURE_MAX_KB, signatureKey,
  type DisciplinaryAction,
} from './kinds/discipline.js';
import { DISMISSAL, type Dismissal } from './kinds/dismissal.js';
import { sendGuarded } from './notify.js';
import { resumeOrLeave } from './resume.js';
import { executionArnOf, startLater } from './start.js';
import { SYSTEM_ACTOR } from './tasks/step-deadline.js';
import { webhookEvents } from './webhooks.js';

type Actor = { id: string; name: string; employeeId: string | null };

export interface RecordAction {
  actor: Actor;
  employee: StoredEmployee;
  violationCode: string;
  facts: string;
  occurredAt: string;
  evidence: readonly string[];
  witnessIds: readonly string[];
  channel: Channel;
}

/** What the ladder would make of a violation now (the console shows it before saving). */
export async function previewAction(deps: WorkflowDeps, p: { employeeId: string; violationCode: string; occurredAt: string }) {
  const { values, version } = await getPolicy(deps.store, 'discipline');
  const violation = checkViolation(values.violations, p.violationCode);
  const occurredOn = checkOccurred(deps, p.occurredAt, values.windows.countingMonths);
  const ledger = await getLedger(deps.store, p.employeeId);
  const outcome = levelFor(values, ledger.entries, violation.level, occurredOn);
  const summary = await countedSummary(deps, outcome.counted);
  return { violation, occurredOn, outcome, summary, policyVersion: version, rule: ruleWords(values, outcome, summary), fine: fineOf(values, violation, outcome.level) };
}

function checkViolation<V extends { code: string }>(violations: readonly V[], code: string): V {
  const violation = violations.find((v) => v.code === code);
  if (!violation) throw new DomainError('DISCIPLINE.VIOLATION_UNKNOWN', 'violationCode');
  return violation;
}

/** The company date of the violation: not in the future, and not so old it could no longer count. */
function checkOccurred(deps: WorkflowDeps, occurredAt: string, countingMonths: number): string {
  const now = deps.now();
  if (Date.parse(occurredAt) > now.getTime()) throw new DomainError('DISCIPLINE.OCCURRED_IN_FUTURE', 'occurredAt');
  const occurredOn = companyToday(new Date(occurredAt));
  if (occurredOn <= addMonths(companyToday(now), -countingMonths)) throw new DomainError('DISCIPLINE.OCCURRED_TOO_LONG_AGO', 'occurredAt', { months: countingMonths });
  return occurredOn;
}

const fineOf = (values: { options: { fines: boolean } }, violation: { fine: number }, level: string) => (values.options.fines && level !== 'dismissal' ? violation.fine : 0);

async function countedSummary(deps: WorkflowDeps, ids: readonly string[]): Promise<CountedAction[]> {
  if (!ids.length) return [];
  const found = await getRequests<DisciplinaryAction>(deps.store, DISCIPLINE, ids);
  return found.map((a) => ({ id: a.id, level: a.level, occurredOn: a.occurredOn, violationCode: a.violation.code, label: a.violation.label }));
}

function ruleWords(values: Parameters<typeof explainRule>[1], outcome: ReturnType<typeof levelFor>, summary: readonly CountedAction[]) {
  const cite = (lang: 'zh-CN' | 'en') => summary.map((c) => `${c.occurredOn} ${c.label[lang]}`);
  return { code: outcome.rule, rules: outcome.rules, text: { 'zh-CN': explainRule(outcome, values, cite('zh-CN'), 'zh-CN'), en: explainRule(outcome, values, cite('en'), 'en') } };
}

/** Checks named witnesses: exactly the policy's number, different people with active accounts and current employment, neither the employee nor the issuer. */
async function checkWitnesses(deps: WorkflowDeps, ids: readonly string[], required: number, r: { employeeId: string; requesterId: string | null }): Promise<User[]> {
  if (new Set(ids).size !== ids.length || ids.length !== required) throw new DomainError('DISCIPLINE.WITNESS_COUNT', 'witnessIds', { count: required });
  const users = await getUsersByIds(deps.store, ids);
  const employees = new Map((await getEmployees(deps.store, users.map((u) => u.employeeId).filter((e): e is string => !!e))).map((e) => [e.id, e]));
  ids.forEach((id, i) => {
    const u = users.find((x) => x.id === id);
    const e = u?.employeeId ? employees.get(u.employeeId) : undefined;
    if (!u || u.status !== 'active' || !e || e.status === 'terminated' || e.id === r.employeeId || u.id === r.requesterId) throw new DomainError('DISCIPLINE.WITNESS_INVALID', `witnessIds[${i}]`);
  });
  return ids.map((id) => users.find((u) => u.id === id)!);
}

/**
 * Records an action: the level from the ledger and the policy, the warnings it rolls up marked,
 * the ledger's new version, the evidence claimed and the execution's start (or, for a dismissal,
 * the proposal's) — one transaction. Another action for the same employee committed meanwhile
 * changes the ledger: the level is computed again from it.
 */
export async function recordAction(outer: WorkflowDeps, p: RecordAction): Promise<DisciplinaryAction> {
  const deps = engineCall(outer);
  const policy = await getPolicy(deps.store, 'discipline');
  const { values } = policy;
  const violation = checkViolation(values.violations, p.violationCode);
  const occurredOn = checkOccurred(deps, p.occurredAt, values.windows.countingMonths);
  const requester = { id: p.actor.id, name: p.actor.name };
  const witnesses = p.witnessIds.length ? await checkWitnesses(deps, p.witnessIds, values.options.witnesses, { employeeId: p.employee.id, requesterId: requester.id }) : [];
  const at = deps.now().toISOString();
  const id = newId(deps.now().getTime());
  const account = await findUserByEmployee(deps.store, p.employee.id);
  const claim: Claim = await claimAttachments(deps, p.evidence, { id: requester.id }, { requestKind: DISCIPLINE, requestId: id, via: 'request', targetId: id });

  for (let attempt = 0; ; attempt++) {
    const ledger = await getLedger(deps.store, p.employee.id);
    const outcome = levelFor(values, ledger.entries, violation.level, occurredOn);
    const summary = await countedSummary(deps, outcome.counted);
    const terms = { countingMonths: values.windows.countingMonths, signDays: values.windows.signDays, appealDays: values.windows.appealDays, appealAnswerDays: values.windows.appealAnswerDays, witnesses: values.options.witnesses };
    const dismissal = outcome.level === 'dismissal';
    let record: DisciplinaryAction = {
      id, status: dismissal ? 'dismissal_pending' : 'pending_signature', level: outcome.level, catalogueLevel: violation.level,
      violation: { code: violation.code, level: violation.level, fine: violation.fine, label: { ...violation.label } }, fine: fineOf(values, violation, outcome.level),
      employeeId: p.employee.id, employeeName: p.employee.name, employeeNo: p.employee.employeeNo, employeePath: p.employee.path, employeeUserId: account?.id ?? null, teamId: p.employee.teamId ?? null,
      issuerEmployeeId: p.actor.employeeId, requesterId: requester.id, requesterName: requester.name,
      facts: p.facts, occurredAt: p.occurredAt, occurredOn, evidence: claim.refs,
      counted: outcome.counted, countedSummary: summary, rule: ruleWords(values, outcome, summary), rolledUpInto: null, restored: null,
      policyVersion: policy.version, terms, countsUntil: countsUntil(occurredOn, terms.countingMonths),
      noticeHash: '', signature: null, refusal: null, witnessIds: witnesses.map((u) => u.id), witnessNames: witnesses.map((u) => u.name), witnesses: [],
      servedAt: null, servedBy: null, appealLastDay: null, appealUntil: null, appeal: null, ruling: null, effectiveAt: null, voided: null, dismissal: null,
      decidedSteps: [], currentStep: null, result: null, executionArn: dismissal ? null : executionArnOf(deps, DISCIPLINE, id),
      createdAt: at, updatedAt: at, version: 1,
    };
    record = { ...record, noticeHash: noticeHashOf(record) };
    const extra: TxItem[] = [...claim.items];
    // The warnings the new one counts are rolled up into it (they no longer count on their own).
    const rolled = outcome.rolledUp.length ? await getRequests<DisciplinaryAction>(deps.store, DISCIPLINE, outcome.rolledUp) : [];
    const rolledAfter = rolled.map((a) => ({ ...a, rolledUpInto: id, updatedAt: at, version: a.version + 1 }));
    extra.push(...rolledAfter.map((a, i) => actionPut(deps, a, rolled[i]!)));
    extra.push({ ...ledgerPut(deps.store, ledgerWith(ledger, [ledgerEntry(record), ...rolledAfter.map(ledgerEntry)]), ledger), counts: disciplineCount(record.level, record.teamId, occurredOn, 1) });
    let start: () => Promise<void>;
    if (dismissal) {
      const proposal: Dismissal = {
        id: `${id}d`, status: 'pending_approval', actionId: id, employeeId: record.employeeId, employeeName: record.employeeName, employeeNo: record.employeeNo, employeePath: record.employeePath,
        chainSteps: values.dismissalChain, stepDueHours: values.stepDueHours, policyVersion: policy.version, rejection: null, offboardingId: null,
        requesterId: requester.id, requesterName: requester.name, decidedSteps: [], currentStep: null, result: null,
        executionArn: executionArnOf(deps, DISMISSAL, `${id}d`), createdAt: at, updatedAt: at, version: 1,
      };
      record = { ...record, dismissal: { requestId: proposal.id, status: 'pending', decidedAt: null, offboardingId: null, rejectedBy: null, comment: null } };
      const started = await startLater(deps, DISMISSAL, proposal.id, at, { status: proposal.status, startedBy: requester.id });
      extra.push(requestCreate(deps.store, DISMISSAL, proposal), ...started.tx);
      start = started.start;
    } else {
      const started = await startLater(deps, DISCIPLINE, id, at, { status: record.status, startedBy: requester.id });
      extra.push(...started.tx);
      start = started.start;
    }
    try {
      await createRequest(deps.store, DISCIPLINE, record, {
        entityType: 'disciplinaryAction', entityId: id, action: 'create', actor: requester, channel: p.channel, at, before: null,
        after: { employeeId: record.employeeId, violationCode: violation.code, level: record.level, rule: record.rule.code, counted: record.counted, fine: record.fine, policyVersion: policy.version },
      }, extra, actionIndexes(record));
    } catch (err) {
      const raced = err instanceof LedgerChanged || (err instanceof DomainError && err.code === 'RECORD.VERSION_CONFLICT');
      if (!raced || attempt >= 8) throw err;
      await new Promise((res) => setTimeout(res, 5 + Math.random() * 25));
      continue;
    }
    await start();
    return record;
  }
}

export async function loadAction(deps: WorkflowDeps, id: string): Promise<DisciplinaryAction> {
  const r = await getRequest<DisciplinaryAction>(deps.store, DISCIPLINE, id);
  if (!r) throw new DomainError('DISCIPLINE.NOT_FOUND', 'id');
  return r;
}

/** A signature image from a `data:` URL: PNG or JPEG by its own bytes, not empty, at most SIGNATURE_MAX_KB. */
export function parseSignature(dataUrl: string): { bytes: Buffer; contentType: 'image/png' | 'image/jpeg'; sha256: string } {
  const invalid = () => new DomainError('DISCIPLINE.SIGNATURE_INVALID', 'signature', { maxKb: SIGNATURE_MAX_KB });
  const m = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl.trim());
  if (!m) throw invalid();
  const bytes = Buffer.from(m[2]!, 'base64');
  if (bytes.length < 64 || bytes.length > SIGNATURE_MAX_KB * 1024) throw invalid();
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const contentType = png ? 'image/png' : jpeg ? 'image/jpeg' : null;
  if (!contentType || contentType !== m[1]) throw invalid();
  return { bytes, contentType, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Stores a signature image (object storage, keyed by its hash: a retry stores the same object). */
async function storeSignature(deps: WorkflowDeps, actionId: string, userId: string, dataUrl: string): Promise<{ key: string; sha256: string }> {
  const image = parseSignature(dataUrl);
  const key = signatureKey(actionId, userId, image.sha256);
  await putObject(deps.objects, key, image.bytes, image.contentType);
  return { key, sha256: image.sha256 };
}

/** The pending task of `stepKey` held by `userId`, if the step is open. */
async function pendingTask(deps: WorkflowDeps, id: string, stepKey: string, userId: string | null): Promise<{ task: ApprovalTask | null; stepId: string | null }> {
  const step = (await listSteps(deps.store, DISCIPLINE, id)).find((s) => s.stepKey === stepKey && s.status === 'pending');
  if (!step) return { task: null, stepId: null };
  const tasks = await getTasks(deps.store, step.taskIds);
  return { task: tasks.find((t) => t.status === 'pending' && (userId === null || t.approverId === userId)) ?? null, stepId: step.id };
}

function assertEmployee(r: DisciplinaryAction, actor: Actor): void {
  if (!r.employeeUserId || r.employeeUserId !== actor.id) throw new DomainError('DISCIPLINE.NOT_THE_EMPLOYEE');
}

function assertPendingSignature(r: DisciplinaryAction): void {
  if (r.status !== 'pending_signature' || r.servedAt) throw new DomainError('DISCIPLINE.NOT_PENDING_SIGNATURE');
}

/** The employee signs the 处罚单 (signing is receipt, not agreement): the notice step is decided and the appeal window opens. */
export async function acknowledge(outer: WorkflowDeps, p: { actor: Actor; id: string; signature: string; channel: Channel }): Promise<DisciplinaryAction> {
  const deps = engineCall(outer);
  const r = await loadAction(deps, p.id);
  assertEmployee(r, p.actor);
  if (r.signature) throw new DomainError('DISCIPLINE.ALREADY_SIGNED');
  assertPendingSignature(r);
  const { task } = await pendingTask(deps, r.id, NOTICE_STEP, p.actor.id);
  if (!task) throw new DomainError('DISCIPLINE.NOT_PENDING_SIGNATURE');
  const stored = await storeSignature(deps, r.id, p.actor.id, p.signature);
  await decide(deps, {
    taskId: task.id, actor: { id: p.actor.id, name: p.actor.name }, decision: 'approve', comment: null, channel: p.channel,
    fields: { signatureKey: stored.key, signatureSha256: stored.sha256, signedVia: p.channel === 'api' ? 'api' : 'console' },
  });
  return loadAction(deps, r.id);
}

/** The employee refuses to sign: recorded with the reason; the named witnesses (or the issuer, to name them) are told. */
export async function refuse(outer: WorkflowDeps, p: { actor: Actor; id: string; reason: string; channel: Channel }): Promise<DisciplinaryAction> {
  const deps = engineCall(outer);
  const r = await loadAction(deps, p.id);
  assertEmployee(r, p.actor);
  assertPendingSignature(r);
  if (r.refusal) throw new DomainError('DISCIPLINE.ALREADY_REFUSED');
  const at = deps.now().toISOString();
  const next: DisciplinaryAction = { ...r, refusal: { reason: p.reason, at, channel: p.channel }, updatedAt: at, version: r.version + 1 };
  const named = r.witnessIds.length ? await getUsersByIds(deps.store, r.witnessIds) : [];
  const mails = [
    ...(await actionMails(deps, next, 'refused', { only: r.requesterId ? await getUsersByIds(deps.store, [r.requesterId]) : [], comment: p.reason })),
    ...(named.length ? await actionMails(deps, next, 'witness', { only: named.filter((u) => u.status === 'active') }) : []),
  ];
  await transact(deps.store, [
    actionPut(deps, next, r),
    { write: auditPut(deps.store, { entityType: 'disciplinaryAction', entityId: r.id, action: 'refuse', actor: { id: p.actor.id, name: p.actor.name }, channel: p.channel, at, before: { refusal: null }, after: { refusal: { reason: p.reason } } }) },
    ...mails.map((m) => m.tx),
  ]);
  await Promise.all(mails.map((m) => sendGuarded(deps, m)));
  return next;
}

/** Names the witnesses (the issuer, a manager over the employee or HR; the route checks who). Those who already signed stay. */
export async function nameWitnesses(outer: WorkflowDeps, p: { actor: Actor; id: string; userIds: readonly string[]; channel: Channel }): Promise<DisciplinaryAction> {
  const deps = engineCall(outer);
  const r = await loadAction(deps, p.id);
  assertPendingSignature(r);
  const users = await checkWitnesses(deps, p.userIds, r.terms.witnesses, r);
  const missing = r.witnesses.findIndex((w) => !p.userIds.includes(w.userId));
  if (missing >= 0) throw new DomainError('DISCIPLINE.ALREADY_SIGNED', 'witnessIds');
  const at = deps.now().toISOString();
  const next: DisciplinaryAction = { ...r, witnessIds: users.map((u) => u.id), witnessNames: users.map((u) => u.name), updatedAt: at, version: r.version + 1 };
  // Told now if the employee has refused; otherwise when they do.
  const fresh = users.filter((u) => !r.witnessIds.includes(u.id));
  const mails = r.refusal && fresh.length ? await actionMails(deps, next, 'witness', { only: fresh }) : [];
  await transact(deps.store, [
    actionPut(deps, next, r),
    { write: auditPut(deps.store, { entityType: 'disciplinaryAction', entityId: r.id, action: 'name_witnesses', actor: { id: p.actor.id, name: p.actor.name }, channel: p.channel, at, before: { witnessIds: r.witnessIds }, after: { witnessIds: next.witnessIds } }) },
    ...mails.map((m) => m.tx),
  ]);
  await Promise.all(mails.map((m) => sendGuarded(deps, m)));
  return next;
}

/**
 * A named witness signs for the refusal (004 (六)3). The last of the policy's number decides the
 * notice step by the system, with their signature in the same transaction; the appeal window
 * opens as if the employee had signed.
 */
export async function witnessSign(outer: WorkflowDeps, p: { actor: Actor; id: string; signature: string; channel: Channel }): Promise<DisciplinaryAction> {
  const deps = engineCall(outer);
  const r = await loadAction(deps, p.id);
  if (!r.witnessIds.includes(p.actor.id)) throw new DomainError('DISCIPLINE.NOT_A_WITNESS');
  if (r.witnesses.some((w) => w.userId === p.actor.id)) throw new DomainError('DISCIPLINE.ALREADY_SIGNED');
  assertPendingSignature(r);
  if (!r.refusal) throw new DomainError('DISCIPLINE.NOT_REFUSED');
  const stored = await storeSignature(deps, r.id, p.actor.id, p.signature);
  const at = deps.now().toISOString();
  const witness = { userId: p.actor.id, name: p.actor.name, role: 'witness' as const, at, channel: p.channel, imageKey: stored.key, imageSha256: stored.sha256, noticeHash: r.noticeHash };
  const audit: TxItem = { write: auditPut(deps.store, { entityType: 'disciplinaryAction', entityId: r.id, action: 'witness', actor: { id: p.actor.id, name: p.actor.name }, channel: p.channel, at, before: null, after: { witness: p.actor.name, noticeHash: r.noticeHash, imageSha256: stored.sha256 } }) };
  if (r.witnesses.length + 1 < r.terms.witnesses) {
    const next: DisciplinaryAction = { ...r, witnesses: [...r.witnesses, witness], updatedAt: at, version: r.version + 1 };
    await transact(deps.store, [actionPut(deps, next, r), audit]);
    return next;
  }
  await decideBySystem(deps, r.id, NOTICE_STEP, { witness }, `拒签，经 ${r.terms.witnesses} 名见证人签字生效 / Refused; in effect on ${r.terms.witnesses} witnesses' signatures`, [audit]);
  return loadAction(deps, r.id);
}

/** The employee appeals in writing within the window, with files if they like; the issuer's superior is asked to answer. */
export async function appeal(outer: WorkflowDeps, p: { actor: Actor; id: string; reason: string; attachments: readonly string[]; channel: Channel }): Promise<DisciplinaryAction> {
  const deps = engineCall(outer);
  const r = await loadAction(deps, p.id);
  assertEmployee(r, p.actor);
  if (r.status === 'appeal_window' && r.appealUntil && deps.now().toISOString() >= r.appealUntil) {
    throw new DomainError('DISCIPLINE.APPEAL_WINDOW_CLOSED', undefined, { until: r.appealLastDay ?? '' });
  }
  if (r.status !== 'appeal_window') {
    if (r.status === 'effective' && r.appealLastDay) throw new DomainError('DISCIPLINE.APPEAL_WINDOW_CLOSED', undefined, { until: r.appealLastDay });
    throw new DomainError('DISCIPLINE.NOT_APPEALABLE');
  }
  const { task } = await pendingTask(deps, r.id, APPEAL_STEP, p.actor.id);
  if (!task) throw new DomainError('DISCIPLINE.NOT_APPEALABLE');
  const claim = await claimAttachments(deps, p.attachments, { id: p.actor.id }, { requestKind: DISCIPLINE, requestId: r.id, via: 'decision', targetId: task.id });
  await decide(deps, { taskId: task.id, actor: { id: p.actor.id, name: p.actor.name }, decision: 'approve', comment: p.reason, channel: p.channel, fields: { reason: p.reason }, attachments: claim });
  return loadAction(deps, r.id);
}

/**
 * Decides a pending subject step by the system (the last witness's signature), through the same
 * storage write as any decision, and resumes the execution with what the decision planned.
 */
async function decideBySystem(deps: WorkflowDeps, id: string, stepKey: string, fields: Record<string, unknown>, comment: string, extraWrites: TxItem[]): Promise<void> {
  const kind = kindOf(deps, DISCIPLINE);
  const decided = await webhookEvents(deps, 'step.decided');
  for (let attempt = 0; attempt < 5; attempt++) {
    const step = (await listSteps(deps.store, DISCIPLINE, id)).find((s) => s.stepKey === stepKey && s.status === 'pending');
    if (!step) throw new DomainError('DISCIPLINE.NOT_PENDING_SIGNATURE');
    const tasks = await getTasks(deps.store, step.taskIds);
    const [task, ...others] = tasks.filter((t) => t.status === 'pending');
    if (!task) throw new DomainError('DISCIPLINE.NOT_PENDING_SIGNATURE');
    const at = deps.now().toISOString();
    const { writes, plan, mails = [] } = await kind.onDecision(deps, { requestId: id, stepKey, decision: 'approve', completesStep: true, comment, fields, actor: SYSTEM_ACTOR, at, plan: true });
    const cancel = (t: ApprovalTask) => ({ before: t, after: { ...t, status: 'cancelled' as const, cancelledBy: 'others' as const, decidedAt: at, version: t.version + 1 } });
    try {
      await decideStep(deps.store, {
        step, task, changed: others.map(cancel), decision: 'approve', complete: true, stages: step.stages ?? [], activeStage: step.activeStage ?? 0,
        comment, channel: 'system', actor: SYSTEM_ACTOR, at,
        extra: [...writes, ...extraWrites, ...decided({ requestKind: DISCIPLINE, requestId: id, stepKey, stepId: step.id, decision: 'approve', decidedBy: SYSTEM_ACTOR.id, channel: 'system' })],
        audit: { entityType: 'approvalTask', entityId: task.id, action: 'approve', before: { status: 'pending' }, after: { status: 'approve', comment, requestKind: DISCIPLINE, requestId: id, stepKey, witnessed: true } },
      });
      await resumeOrLeave(deps, { ...step, status: 'decided', decision: 'approve', decidedAt: at }, plan);
      await Promise.all(mails.map((m) => sendGuarded(deps, m)));
      return;
    } catch (err) {
      if (!(err instanceof StepChanged)) throw err;
    }
  }
  throw new Error(`discipline ${id}: the ${stepKey} step could not be decided`);
}
