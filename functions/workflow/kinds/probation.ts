/**
 * Probation conversion (转正, POLICIES.md §3) on the shared approval machinery: the chain is
 * the policy snapshot stored on the review; the first step records the three scores (and the
 * probation attendance counts), which yield the weighted score, band and recommendation;
 * any approver may override the recommendation with a comment; when the chain completes the
 * outcome is applied to the employee and the employee is told.
 */
import { DomainError } from '../../domain/errors.js';
import { checkProbationAttendance } from '../../domain/probation/attendance.js';
import { nextStep, reportingLine, resolveApprover } from '../../domain/probation/chain.js';
import { planOutcome, recommend, type ProbationOutcome } from '../../domain/probation/outcome.js';
import { scoreReview } from '../../domain/probation/scoring.js';
import { PROBATION_SCORE_NAMES, type ProbationChainStep, type ProbationPolicy } from '../../domain/policy/defaults.js';
import { requestOutcome } from '../../email/templates/index.js';
import { listSteps, openStep, type ApprovalStep, type ApprovalTask } from '../../storage/approvals.js';
import { getEmployee, getEmployees, updateEmployee } from '../../storage/employees.js';
import { getPolicy } from '../../storage/policies.js';
import { getReview, reviewPut, saveReview, type ProbationReview } from '../../storage/probation-reviews.js';
import type { TxItem } from '../../storage/transact.js';
import { findUserByEmployee, getUser, usersWithRole, type User } from '../../storage/users.js';
import type { Role } from '../../domain/auth/roles.js';
import { REQUESTER_STEP, REQUESTER_STEP_LABEL, type DecisionExtras, type Lang, type RequestKind, type RequestSummary, type WorkflowDeps } from '../kinds.js';
import { guardMail, sendGuarded, type GuardedMail } from '../notify.js';
import { companyToday } from '../../domain/people/dates.js';
export { companyToday };
import { carbonCopy } from '../verbs.js';

const SCORE_LABELS: Record<string, Record<Lang, string>> = {
  dailyPerformance: { 'zh-CN': '日常表现', en: 'Daily performance' },
  professionalTest: { 'zh-CN': '专业测试', en: 'Professional test' },
  interview: { 'zh-CN': '面试', en: 'Interview' },
};
const ATTENDANCE_FIELDS: [string, Record<Lang, string>][] = [
  ['personalLeaveCount', { 'zh-CN': '事假次数', en: 'Personal leave (times)' }],
  ['lateCount', { 'zh-CN': '迟到次数', en: 'Late (times)' }],
  ['earlyLeaveCount', { 'zh-CN': '早退次数', en: 'Left early (times)' }],
];

async function load(deps: WorkflowDeps, id: string): Promise<{ review: ProbationReview; policy: ProbationPolicy }> {
  const review = await getReview(deps.store, id);
  // A 404 for a caller naming a review that does not exist; inside a workflow, a failed task.
  if (!review) throw new DomainError('WORKFLOW.REQUEST_NOT_FOUND', 'id');
  return { review, policy: review.policy as unknown as ProbationPolicy };
}

function stepOf(policy: ProbationPolicy, key: string): ProbationChainStep {
  const step = policy.chain.find((s) => s.key === key);
  if (!step) throw new Error(`no step ${key} in the review's chain`);
  return step;
}

export const probationKind: RequestKind = {
  kind: 'probation',
  auditEntity: 'probationReview',

  async nextStep(deps, id) {
    // A step whose only approver already approved an earlier step counts as decided by that
    // approval (policy approvals.sameApproverDecidesOnce); the loop is bounded by the chain.
    for (let guard = 0; guard <= 20; guard++) {
      const { review, policy } = await load(deps, id);
      const step = review.returnedToRequester ? REQUESTER_CHAIN_STEP : nextStep(policy.chain, review.decidedSteps);
      if (review.status === 'scheduled' || review.currentStep !== (step?.key ?? null)) {
        await saveReview(deps.store, { ...review, status: 'in_review', currentStep: step?.key ?? null, updatedAt: deps.now().toISOString(), version: review.version + 1 }, review);
      }
      if (!step) return { done: true };
      const steps = await listSteps(deps.store, 'probation', id);
      if (step !== REQUESTER_CHAIN_STEP && step.records === null && (await decidedOnceBefore(deps, id, step, steps))) continue;
      // Step Functions timeouts are whole seconds, at least one.
      const due = Math.max(1, Math.round(policy.stepDueHours * 3600));
      // A step asked again after a return (退回) is a new round with its own id; a pending one
      // (a retried plan) is reused.
      const earlier = steps.filter((s) => s.stepKey === step.key);
      const round = earlier.at(-1)?.status === 'pending' ? earlier.length : earlier.length + 1;
      return { done: false, stepKey: step.key, stepId: `${id}.${step.key}.${round}`, dueSeconds: due, escalationSeconds: due };
    }
    throw new Error(`probation review ${id}: the chain does not converge`);
  },

  async approversFor(deps, id, stepKey) {
    const { review, policy } = await load(deps, id);
    if (stepKey === REQUESTER_STEP) {
      const requester = review.requesterId ? await getUser(deps.store, review.requesterId) : null;
      return { label: REQUESTER_STEP_LABEL, approvers: requester && requester.status === 'active' ? [requester] : [], mode: 'any' };
    }
    const step = stepOf(policy, stepKey);
    const label = { 'zh-CN': step.labelZh, en: step.labelEn };
    const employee = await getEmployee(deps.store, review.employeeId);
    if (!employee) return { label, approvers: [] };
    const line = await getEmployees(deps.store, reportingLine(employee));
    const resolved = resolveApprover(step.approver, line);
    let approvers: User[] = [];
    if (resolved?.kind === 'employee') {
      const user = await findUserByEmployee(deps.store, resolved.employeeId);
      approvers = user && user.status === 'active' ? [user] : [];
    } else if (resolved?.kind === 'role') {
      approvers = await usersWithRole(deps.store, resolved.role as Role);
    }
    // Nobody decides on their own probation.
    approvers = approvers.filter((u) => u.employeeId !== review.employeeId);
    approvers = await requesterAsApprover(deps, approvers, review.requesterId);
    return { label, approvers, mode: resolved?.kind === 'role' ? resolved.mode : 'any' };
  },

  async describe(deps, id): Promise<RequestSummary> {
    const { review } = await load(deps, id);
    const employee = await getEmployee(deps.store, review.employeeId);
    const rows = (lang: Lang): [string, string][] => {
      const zh = lang === 'zh-CN';
      const out: [string, string][] = [
        [zh ? '员工' : 'Employee', `${review.employeeName}（${review.employeeNo}）`],
        [zh ? '入职日期' : 'Hired', employee?.hireDate ?? '—'],
        [zh ? '试用期截止' : 'Probation ends', employee?.probationEndDate ?? '—'],
        [zh ? '类型' : 'Kind', review.kind === 'early' ? (zh ? '提前转正' : 'Early conversion') : zh ? '按期转正' : 'Scheduled'],
      ];
      if (review.weighted !== null) out.push([zh ? '加权得分' : 'Weighted score', String(review.weighted)]);
      const rec = review.override?.outcome ?? (review.recommendation?.outcome as string | undefined);
      if (rec) out.push([zh ? (review.override ? '结果（已调整）' : '建议结果') : review.override ? 'Outcome (overridden)' : 'Recommended', outcomeLabel(rec, lang)]);
      return out;
    };
    return {
      title: { 'zh-CN': `转正评审：${review.employeeName}`, en: `Probation review: ${review.employeeName}` },
      kindLabel: { 'zh-CN': '转正评审', en: 'Probation review' },
      summary: { 'zh-CN': rows('zh-CN'), en: rows('en') },
      requester: review.requesterId ? { id: review.requesterId, name: review.requesterName ?? '' } : null,
      subjectEmployeeId: review.employeeId,
      consolePath: `/#/probation-reviews/${review.id}/show`,
    };
  },

  async extrasFor(deps, id, stepKey): Promise<DecisionExtras> {
    const { policy } = await load(deps, id);
    if (stepKey === REQUESTER_STEP) return { fields: [] };
    if (stepOf(policy, stepKey).records !== 'scores') return { fields: [] };
    return {
      fields: [
        ...PROBATION_SCORE_NAMES.map((n) => ({ name: `scores_${n}`, label: SCORE_LABELS[n]!, min: 0, max: 100 })),
        ...ATTENDANCE_FIELDS.map(([n, label]) => ({ name: `attendance_${n}`, label, min: 0, max: 100 })),
      ],
    };
  },

  async onDecision(deps, d): Promise<TxItem[]> {
    const { review, policy } = await load(deps, d.requestId);
    const next: ProbationReview = { ...review, updatedAt: d.at, version: review.version + 1 };
    if (d.stepKey === REQUESTER_STEP) {
      // The requester resubmits: the chain starts again from its first step.
      if (d.decision === 'return') throw new DomainError('APPROVAL.INVALID_RETURN', 'toStep', { allowed: '—' });
      if (d.decision === 'approve') Object.assign(next, { returnedToRequester: false, decidedSteps: [] });
      return [reviewPut(deps.store, next, review)];
    }
    const step = stepOf(policy, d.stepKey);
    if (d.decision === 'return') {
      // 退回: back to an earlier step (it and every step after it are asked again), or to the
      // requester, who resubmits before the chain starts again from the first step.
      const to = String(d.extras.returnTo ?? '');
      const allowed = [...(review.requesterId ? [REQUESTER_STEP] : []), ...review.decidedSteps];
      if (to === REQUESTER_STEP && review.requesterId) {
        Object.assign(next, { returnedToRequester: true, decidedSteps: [] });
        return [reviewPut(deps.store, next, review)];
      }
      const index = review.decidedSteps.indexOf(to);
      if (index < 0) throw new DomainError('APPROVAL.INVALID_RETURN', 'toStep', { allowed: allowed.join(', ') || '—' });
      next.decidedSteps = review.decidedSteps.slice(0, index);
      return [reviewPut(deps.store, next, review)];
    }
    let changed = false;
    if (d.decision === 'approve') {
      if (step.records === 'scores') {
        const scores = d.extras.scores as Record<string, number> | undefined;
        if (!scores) throw new DomainError('PROBATION.SCORE_RANGE', 'scores', { min: 0, max: 100, decimals: 1 });
        const { weighted, band } = scoreReview(scores as never, policy);
        const a = (d.extras.attendance ?? {}) as Record<string, number>;
        const attendance = { personalLeaveCount: a.personalLeaveCount ?? 0, lateCount: a.lateCount ?? 0, earlyLeaveCount: a.earlyLeaveCount ?? 0, disciplinaryRecords: 0 };
        const breaches = checkProbationAttendance(attendance, policy);
        const employee = await getEmployee(deps.store, review.employeeId);
        if (!employee) throw new DomainError('EMPLOYEE.NOT_FOUND');
        const recommendation = recommend({ band, breaches, employee, today: companyToday(deps.now()), policy });
        Object.assign(next, { scores, attendance, weighted, band, breaches, recommendation });
        changed = true;
      }
      // With 会签 or people added after (加签), the step is done only when its last approval lands.
      if (d.completesStep) {
        next.decidedSteps = [...review.decidedSteps, d.stepKey];
        changed = true;
      }
    }
    const outcome = d.extras.outcome as ProbationOutcome | undefined;
    if (outcome) {
      if (!d.comment) throw new DomainError('APPROVAL.COMMENT_REQUIRED', 'comment');
      next.override = { outcome, extensionMonths: d.extras.extensionMonths as number | undefined, byId: d.actor.id, byName: d.actor.name, stepKey: d.stepKey, comment: d.comment };
      changed = true;
    }
    // A reject ends the chain; the review's status is set when the execution finishes it.
    return changed ? [reviewPut(deps.store, next, review)] : [];
  },

  prepareWithdraw: (deps, id, actor, at) => prepareWithdraw(deps, id, actor, at),

  async finish(deps, id, outcome, error) {
    const { review, policy } = await load(deps, id);
    if (review.result) return review.result; // a retried finish changes nothing
    const at = deps.now().toISOString();
    const employee = await getEmployee(deps.store, review.employeeId);
    if (outcome !== 'approved' || !employee) {
      const status = outcome === 'rejected' ? 'rejected' : 'failed';
      const result = { outcome: status, ...(error ? { error: String((error as { Error?: string }).Error ?? 'error') } : {}) };
      const mails = status === 'rejected' ? await outcomeMails(deps, review, 'rejected', []) : [];
      await saveReview(deps.store, { ...review, status, currentStep: null, result, updatedAt: at, version: review.version + 1 }, review, mails.map((m) => m.tx));
      await Promise.all(mails.map((m) => sendGuarded(deps, m)));
      if (status === 'rejected') await copyOnFinish(deps, review, policy);
      return result;
    }
    const chosen = (review.override?.outcome ?? review.recommendation?.outcome ?? 'extend') as ProbationOutcome;
    const org = await getPolicy(deps.store, 'org');
    const today = companyToday(deps.now());
    const change = planOutcome({
      outcome: chosen, employee, today, policy, levelBaseSalary: org.values.levelBaseSalary,
      ...(review.override?.extensionMonths ? { extensionMonths: review.override.extensionMonths } : {}),
      early: Boolean(review.recommendation?.early),
    });
    const updated = {
      ...employee,
      ...('status' in change ? { status: change.status } : {}),
      ...('level' in change ? { level: change.level, baseSalary: change.baseSalary } : {}),
      ...('probationEndDate' in change ? { probationEndDate: change.probationEndDate } : {}),
      version: employee.version + 1,
      updatedAt: at,
    };
    const status = chosen === 'convert' ? 'converted' : chosen === 'extend' ? 'extended' : 'ended';
    const result = { outcome: status, ...change };
    // The employee and the requester are told; their mails are in the outbox with the outcome.
    const mails = await outcomeMails(deps, review, status, Object.entries(change).map(([k, v]) => [k, String(v)]));
    const extra: TxItem[] = [...mails.map((m) => m.tx),reviewPut(deps.store, { ...review, status, currentStep: null, result, updatedAt: at, version: review.version + 1 }, review)];
    if (chosen === 'end') {
      // POLICIES.md §9: an ended probation starts offboarding; the record is its first step.
      extra.push({ write: { Put: { TableName: deps.store.table, Item: { pk: `OFFBOARD#${employee.id}`, sk: at, entity: 'offboarding', employeeId: employee.id, reason: 'probation_ended', reviewId: review.id, createdAt: at } } } });
    }
    await updateEmployee(deps.store, employee, updated, {
      entityType: 'employee', entityId: employee.id, action: `probation.${chosen}`, actor: null, channel: 'system', at,
      before: employee as unknown as Record<string, unknown>, after: updated as unknown as Record<string, unknown>,
    }, [], extra);
    await Promise.all(mails.map((m) => sendGuarded(deps, m)));
    await copyOnFinish(deps, review, policy);
    return result;
  },
};


async function prepareWithdraw(deps: WorkflowDeps, id: string, actor: { id: string; name: string }, at: string): Promise<{ executionArn: string | null; writes: TxItem[] }> {
  const review = await getReview(deps.store, id);
  if (!review) throw new DomainError('WORKFLOW.REQUEST_NOT_FOUND', 'id');
  if (review.requesterId !== actor.id) throw new DomainError('WORKFLOW.NOT_REQUESTER');
  if (review.status !== 'scheduled' && review.status !== 'in_review') throw new DomainError('WORKFLOW.REQUEST_CLOSED', undefined, { status: review.status });
  const next: ProbationReview = { ...review, status: 'withdrawn', currentStep: null, result: { outcome: 'withdrawn', by: actor.name, at }, updatedAt: at, version: review.version + 1 };
  return { executionArn: review.executionArn, writes: [reviewPut(deps.store, next, review)] };
}



function outcomeLabel(outcome: string, lang: Lang): string {
  const zh: Record<string, string> = { convert: '转正', extend: '延长试用期', end: '不予录用' };
  const en: Record<string, string> = { convert: 'Convert', extend: 'Extend probation', end: 'End employment' };
  return (lang === 'zh-CN' ? zh : en)[outcome] ?? outcome;
}

async function outcomeMails(deps: WorkflowDeps, review: ProbationReview, outcome: 'rejected' | 'converted' | 'extended' | 'ended', details: [string, string][]): Promise<GuardedMail[]> {
  const recipients = new Map<string, User>();
  const employeeUser = await findUserByEmployee(deps.store, review.employeeId);
  if (employeeUser) recipients.set(employeeUser.id, employeeUser);
  if (review.requesterId) {
    const requester = await getUser(deps.store, review.requesterId);
    if (requester) recipients.set(requester.id, requester);
  }
  return [...recipients.values()].map((user) => {
    const lang = user.language;
    const content = requestOutcome({
      recipientName: user.name,
      requestTitle: lang === 'zh-CN' ? `转正评审：${review.employeeName}` : `Probation review: ${review.employeeName}`,
      outcome, details, openUrl: `${deps.publicUrl}/#/probation-reviews/${review.id}/show`,
    }, lang);
    return guardMail(deps, { to: user.email, content, ids: { reviewId: review.id, kind: 'outcome' } });
  });
}


/**
 * Records `step` as approved without asking when policy says so: 同一审批人只审一次 (its one
 * approver already approved an earlier step) or 审批人即发起人 with requesterIsApprover `skip`.
 * Returns whether it did.
 */
async function decidedOnceBefore(deps: WorkflowDeps, id: string, step: ProbationChainStep, steps: ApprovalStep[]): Promise<boolean> {
  const approvals = await getPolicy(deps.store, 'approvals');
  const { approvers, label } = await probationKind.approversFor(deps, id, step.key);
  const [only] = approvers;
  if (approvers.length !== 1 || !only) return false;
  const { review } = await load(deps, id);
  let comment: string | null = null;
  if (approvals.values.requesterIsApprover === 'skip' && only.id === review.requesterId) {
    comment = '审批人即发起人，按制度自动跳过 / The approver is the requester: skipped by policy';
  } else if (approvals.values.sameApproverDecidesOnce) {
    const earlier = steps.find((s) => s.decision === 'approve' && s.decidedById === only.id && s.stepKey !== REQUESTER_STEP);
    if (earlier) comment = `同一审批人已在「${earlier.stepKey}」环节同意 / Already approved by the same person at step ${earlier.stepKey}`;
  }
  if (!comment) return false;
  const summary = await probationKind.describe(deps, id);
  const at = deps.now().toISOString();
  // One id per round, so a step skipped again after a 退回 is recorded again.
  const stepId = `${id}.${step.key}.auto${steps.filter((s) => s.stepKey === step.key).length + 1}`;
  const decided: ApprovalStep = {
    id: stepId, requestKind: 'probation', requestId: id, stepKey: step.key, status: 'decided', token: '', attempt: 'ask', taskIds: [`${stepId}.0`],
    dueAt: at, createdAt: at, decision: 'approve', decidedById: only.id, decidedByName: only.name, decidedAt: at, channel: 'system',
    comment, resumedAt: at, version: 1,
  };
  const task: ApprovalTask = {
    id: `${stepId}.0`, stepId, requestKind: 'probation', requestId: id, title: summary.title, stepLabel: label, subjectEmployeeId: review.employeeId,
    stepKey: step.key, approverId: only.id, approverName: only.name, requesterId: review.requesterId, requesterName: review.requesterName,
    status: 'approved', linkNonce: '', reason: 'assigned', createdAt: at, dueAt: at, decision: 'approve', decidedAt: at, comment, channel: 'system', version: 1,
  };
  const next: ProbationReview = { ...review, decidedSteps: [...review.decidedSteps, step.key], updatedAt: at, version: review.version + 1 };
  await openStep(deps.store, decided, [task], [reviewPut(deps.store, next, review)]);
  return true;
}

/** The step of 退回给发起人, planned like a chain step (it records nothing). */
const REQUESTER_CHAIN_STEP: ProbationChainStep = {
  key: REQUESTER_STEP, approver: { kind: 'superior' }, records: null, labelZh: REQUESTER_STEP_LABEL['zh-CN'], labelEn: REQUESTER_STEP_LABEL.en,
};

/**
 * Policy approvals.requesterIsApprover: when the requester is among a step's approvers and
 * others are too, the others decide (`skip`, `superior`); when the requester is the only one,
 * `superior` asks the requester's direct superior instead, and `skip` is applied by nextStep
 * (a step that records data is still asked of the requester).
 */
async function requesterAsApprover(deps: WorkflowDeps, approvers: User[], requesterId: string | null): Promise<User[]> {
  if (!requesterId || !approvers.some((u) => u.id === requesterId)) return approvers;
  const { values } = await getPolicy(deps.store, 'approvals');
  if (values.requesterIsApprover === 'self') return approvers;
  const others = approvers.filter((u) => u.id !== requesterId);
  if (others.length > 0 || values.requesterIsApprover === 'skip') return others.length > 0 ? others : approvers;
  const requester = await getUser(deps.store, requesterId);
  const employee = requester?.employeeId ? await getEmployee(deps.store, requester.employeeId) : null;
  const superior = employee?.superiorId ? await findUserByEmployee(deps.store, employee.superiorId) : null;
  return superior && superior.status === 'active' ? [superior] : approvers;
}

/**
 * 抄送 by policy (probation.cc): when the review ends, the people it names get a read-only
 * notice. The employee and the requester are told by their own email and are not copied.
 * A notice that cannot be sent is logged; it never undoes the outcome.
 */
async function copyOnFinish(deps: WorkflowDeps, review: ProbationReview, policy: ProbationPolicy): Promise<void> {
  const names = policy.cc ?? [];
  if (names.length === 0) return;
  try {
    const employee = await getEmployee(deps.store, review.employeeId);
    if (!employee) return;
    const line = await getEmployees(deps.store, reportingLine(employee));
    const users = new Map<string, User>();
    for (const approver of names) {
      const resolved = resolveApprover(approver, line);
      if (resolved?.kind === 'employee') {
        const user = await findUserByEmployee(deps.store, resolved.employeeId);
        if (user?.status === 'active') users.set(user.id, user);
      } else if (resolved?.kind === 'role') {
        for (const user of await usersWithRole(deps.store, resolved.role as Role)) users.set(user.id, user);
      }
    }
    const userIds = [...users.values()].filter((u) => u.id !== review.requesterId && u.employeeId !== review.employeeId).map((u) => u.id).slice(0, 20);
    if (userIds.length > 0) await carbonCopy(deps, { kind: 'probation', requestId: review.id, actor: null, userIds, comment: null, channel: 'system' });
  } catch (err) {
    deps.log('error', 'policy CC not sent', { reviewId: review.id, error: err instanceof Error ? err.message : String(err) });
  }
}
