/**
 * Probation conversion (转正, POLICIES.md §3) on the shared approval machinery: the chain is
 * the policy snapshot stored on the review; the first step records the three scores (and the
 * probation attendance counts), which yield the weighted score, band and recommendation;
 * any approver may override the recommendation with a comment; when the chain completes the
 * outcome is applied to the employee and the employee is told.
 */
import type { ChainStep } from '../../domain/approvals/chain.js';
import { DECISION_STEP, type FieldSpec, type StepSpec } from '../../domain/approvals/step-spec.js';
import { DomainError } from '../../domain/errors.js';
import { checkProbationAttendance } from '../../domain/probation/attendance.js';
import { convertedOn, planOutcome, recommend, type ProbationOutcome } from '../../domain/probation/outcome.js';
import { scoreReview } from '../../domain/probation/scoring.js';
import { PROBATION_SCORE_NAMES, type ProbationChainStep, type ProbationPolicy } from '../../domain/policy/defaults.js';
import { requestOutcome } from '../../email/templates/index.js';
import { getEmployee, updateEmployee } from '../../storage/employees.js';
import { getPolicy } from '../../storage/policies.js';
import { getReview, reviewPut, saveReview, type ProbationReview } from '../../storage/probation-reviews.js';
import { probationReviewKey } from '../../storage/keys.js';
import type { TxItem } from '../../storage/transact.js';
import { userStatusWrites } from '../../storage/user-accounts.js';
import { findAccountOfEmployee, findUserByEmployee, getUser, type User } from '../../storage/users.js';
import { chainKind, type KindDefinition } from '../chain-kind.js';
import type { Lang, RequestSummary, WorkflowDeps } from '../kinds.js';
import { guardMail, sendGuarded, type GuardedMail } from '../notify.js';
import { openOffboarding } from '../offboarding.js';
import { companyToday } from '../../domain/people/dates.js';
import { enumName, formatDate, formatMoney } from '../../email/values.js';
export { companyToday };

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

/**
 * What every step collects: any approver may override the recommendation (with a comment, §3).
 * The scoring step also records the three scores (0–100; one decimal, checked by scoring.ts)
 * and the probation attendance counts.
 */
const OVERRIDE_FIELDS: FieldSpec[] = [
  { name: 'outcome', type: 'choice', label: { 'zh-CN': '调整结果', en: 'Override outcome' }, options: [
    { value: 'convert', label: { 'zh-CN': '转正', en: 'Convert' } },
    { value: 'extend', label: { 'zh-CN': '延长试用期', en: 'Extend probation' } },
    { value: 'end', label: { 'zh-CN': '不予录用', en: 'End employment' } },
  ] },
  { name: 'extensionMonths', type: 'integer', min: 1, max: 6, label: { 'zh-CN': '延长月数', en: 'Extension (months)' } },
];
const SCORE_FIELDS: FieldSpec[] = [
  ...PROBATION_SCORE_NAMES.map((n): FieldSpec => ({ group: 'scores', name: n, type: 'number', required: true, min: 0, max: 100, decimals: 1, label: SCORE_LABELS[n]! })),
  ...ATTENDANCE_FIELDS.map(([n, label]): FieldSpec => ({ group: 'attendance', name: n, type: 'integer', min: 0, max: 1000, label })),
];

/** 申请说明's longest text, on start and on resubmission. */
export const PROBATION_STATEMENT_MAX = 500;
const STATEMENT_FIELD: FieldSpec = { name: 'statement', type: 'text', maxLength: PROBATION_STATEMENT_MAX, label: { 'zh-CN': '申请说明', en: 'Statement' } };

/** A policy chain step as the engine sees it: a person's decision; the scoring and outcome steps record data of their own. */
function chainStep(step: ProbationChainStep): ChainStep {
  const spec: StepSpec = { ...DECISION_STEP, fields: step.records === 'scores' ? [...SCORE_FIELDS, ...OVERRIDE_FIELDS] : OVERRIDE_FIELDS, skippable: step.records === null };
  return { key: step.key, labelZh: step.labelZh, labelEn: step.labelEn, approver: step.approver, spec };
}

const policyOf = (review: ProbationReview) => review.policy as unknown as ProbationPolicy;

/**
 * Probation conversion (转正, POLICIES.md §3) on the engine: the chain is the policy snapshot
 * stored on the review; the scoring step records the three scores (and the probation
 * attendance counts), which yield the weighted score, band and recommendation; any approver
 * may override the recommendation with a comment; when the chain completes the outcome is
 * applied to the employee and the employee is told.
 */
export const probationDefinition: KindDefinition<ProbationReview> = {
  kind: 'probation',
  auditEntity: 'probationReview',
  runningStatus: 'in_review',
  openStatuses: ['scheduled', 'in_review'],
  key: probationReviewKey,
  load: (deps, id) => getReview(deps.store, id),
  put: (deps, next, previous) => reviewPut(deps.store, next, previous),
  subjectEmployeeId: (review) => review.employeeId,
  chain: (review) => policyOf(review).chain.map(chainStep),
  currentChain: async (deps) => (await getPolicy(deps.store, 'probation')).values.chain.map(chainStep),
  stepDueHours: (review) => policyOf(review).stepDueHours,
  ccOnFinish: (review) => policyOf(review).cc ?? [],
  resubmit: {
    fields: [STATEMENT_FIELD],
    values: (review) => ({ statement: review.statement ?? '' }),
    apply: (_review, fields) => (typeof fields.statement === 'string' ? { statement: fields.statement.trim() || null } : {}),
  },
  listed: {
    kindLabel: { 'zh-CN': '转正评审', en: 'Probation review' },
    title: (review) => ({ 'zh-CN': `转正评审：${review.employeeName}`, en: `Probation review: ${review.employeeName}` }),
    statusLabels: {
      scheduled: { 'zh-CN': '待开始（下月评审）', en: 'Waiting for next month’s round' },
      in_review: { 'zh-CN': '评审中', en: 'In review' },
      converted: { 'zh-CN': '已转正', en: 'Converted' },
      extended: { 'zh-CN': '已延长试用期', en: 'Probation extended' },
      ended: { 'zh-CN': '不予录用', en: 'Not hired' },
      rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
      failed: { 'zh-CN': '流程出错', en: 'Workflow error' },
      withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
    } satisfies Record<ProbationReview['status'], Record<Lang, string>>,
    consolePath: (review) => `/#/probation-reviews/${review.id}/show`,
  },

  async describe(deps, review): Promise<RequestSummary> {
    const employee = await getEmployee(deps.store, review.employeeId);
    const rows = (lang: Lang): [string, string][] => {
      const zh = lang === 'zh-CN';
      const out: [string, string][] = [
        [zh ? '员工' : 'Employee', `${review.employeeName}（${review.employeeNo}）`],
        [zh ? '入职日期' : 'Hired', employee?.hireDate ? formatDate(employee.hireDate, lang) : '—'],
        [zh ? '试用期截止' : 'Probation ends', employee?.probationEndDate ? formatDate(employee.probationEndDate, lang) : '—'],
        [zh ? '类型' : 'Kind', review.kind === 'early' ? (zh ? '提前转正' : 'Early conversion') : zh ? '按期转正' : 'Scheduled'],
      ];
      if (review.statement) out.push([zh ? '申请说明' : 'Statement', review.statement]);
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
      attachments: review.attachments ?? [],
    };
  },

  async onDecision(deps, review, d) {
    const policy = policyOf(review);
    const next: Partial<ProbationReview> = {};
    if (d.decision === 'approve' && policy.chain.find((s) => s.key === d.stepKey)?.records === 'scores') {
      const scores = d.fields.scores as Record<string, number>;
      const { weighted, band } = scoreReview(scores as never, policy);
      const a = (d.fields.attendance ?? {}) as Record<string, number>;
      const attendance = { personalLeaveCount: a.personalLeaveCount ?? 0, lateCount: a.lateCount ?? 0, earlyLeaveCount: a.earlyLeaveCount ?? 0, disciplinaryRecords: 0 };
      const breaches = checkProbationAttendance(attendance, policy);
      const employee = await getEmployee(deps.store, review.employeeId);
      if (!employee) throw new DomainError('EMPLOYEE.NOT_FOUND');
      const recommendation = recommend({ band, breaches, employee, today: companyToday(deps.now()), policy });
      Object.assign(next, { scores, attendance, weighted, band, breaches, recommendation });
    }
    const outcome = d.fields.outcome as ProbationOutcome | undefined;
    if (outcome && d.decision !== 'return') {
      if (!d.comment) throw new DomainError('APPROVAL.COMMENT_REQUIRED', 'comment');
      next.override = { outcome, extensionMonths: d.fields.extensionMonths as number | undefined, byId: d.actor.id, byName: d.actor.name, stepKey: d.stepKey, comment: d.comment };
    }
    return next;
  },

  async finish(deps, review, outcome, finished, error) {
    const policy = policyOf(review);
    const at = deps.now().toISOString();
    const employee = await getEmployee(deps.store, review.employeeId);
    if (outcome !== 'approved' || !employee) {
      const status = outcome === 'rejected' ? 'rejected' : 'failed';
      const result = { outcome: status, ...(error ? { error: String((error as { Error?: string }).Error ?? 'error') } : {}) };
      const mails = status === 'rejected' ? await outcomeMails(deps, review, 'rejected', () => []) : [];
      await saveReview(deps.store, { ...review, status, currentStep: null, result, updatedAt: at, version: review.version + 1 }, review, [...mails.map((m) => m.tx), ...finished(status)]);
      await Promise.all(mails.map((m) => sendGuarded(deps, m)));
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
      ...('conversionDate' in change ? convertedOn(employee.probationEndDate, change.conversionDate) : {}),
      version: employee.version + 1,
      updatedAt: at,
    };
    const status = chosen === 'convert' ? 'converted' : chosen === 'extend' ? 'extended' : 'ended';
    const result = { outcome: status, ...change };
    // The employee and the requester are told; their mails are in the outbox with the outcome.
    const mails = await outcomeMails(deps, review, status, (lang) => outcomeRows(change, lang));
    const extra: TxItem[] = [...mails.map((m) => m.tx), reviewPut(deps.store, { ...review, status, currentStep: null, result, updatedAt: at, version: review.version + 1 }, review), ...finished(status)];
    if (chosen === 'end') {
      // POLICIES.md §9: an ended probation opens the offboarding every leaver gets (#15): the
      // handover, the inventory and the exit form follow; the last day is today.
      const opened = await openOffboarding(deps, { employee, reason: 'probation_not_converted', lastDay: today, reviewId: review.id, actor: null, channel: 'system', at });
      extra.push(...opened.writes);
      mails.push(...opened.mails);
      // They leave (离职) today: their account is disabled with the change (#13 item 4).
      const account = await findAccountOfEmployee(deps.store, employee.id);
      if (account?.status === 'active') extra.push(...userStatusWrites(deps.store, account, 'disabled', { actor: null, channel: 'system', at }, 'left'));
    }
    await updateEmployee(deps.store, employee, updated, {
      entityType: 'employee', entityId: employee.id, action: `probation.${chosen}`, actor: null, channel: 'system', at,
      before: employee as unknown as Record<string, unknown>, after: updated as unknown as Record<string, unknown>,
    }, [], extra);
    await Promise.all(mails.map((m) => sendGuarded(deps, m)));
    return result;
  },
};

export const probationKind = chainKind(probationDefinition);

function outcomeLabel(outcome: string, lang: Lang): string {
  const zh: Record<string, string> = { convert: '转正', extend: '延长试用期', end: '不予录用' };
  const en: Record<string, string> = { convert: 'Convert', extend: 'Extend probation', end: 'End employment' };
  return (lang === 'zh-CN' ? zh : en)[outcome] ?? outcome;
}

/** What the outcome changed, labelled and formatted in the reader's language (never the stored codes). */
export function outcomeRows(change: object, lang: Lang): [string, string][] {
  const zh = lang === 'zh-CN';
  const rows: [string, string][] = [];
  const c = change as { status?: string; level?: string; baseSalary?: number; conversionDate?: string; probationEndDate?: string; terminationDate?: string };
  if (c.conversionDate) rows.push([zh ? '转正日期' : 'Confirmed in post on', formatDate(c.conversionDate, lang)]);
  if (c.status) rows.push([zh ? '员工状态' : 'Status', enumName('status', c.status, lang)]);
  if (c.level) rows.push([zh ? '职级' : 'Level', enumName('level', c.level, lang)]);
  if (typeof c.baseSalary === 'number') rows.push([zh ? '基本工资（月）' : 'Base salary (monthly)', formatMoney(c.baseSalary, lang)]);
  if (c.probationEndDate) rows.push([zh ? '试用期延至' : 'Probation now ends', formatDate(c.probationEndDate, lang)]);
  if (c.terminationDate) rows.push([zh ? '离职日期' : 'Leaving date', formatDate(c.terminationDate, lang)]);
  return rows;
}

async function outcomeMails(deps: WorkflowDeps, review: ProbationReview, outcome: 'rejected' | 'converted' | 'extended' | 'ended', details: (lang: Lang) => [string, string][]): Promise<GuardedMail[]> {
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
      outcome, details: details(lang), openUrl: `${deps.publicUrl}/#/probation-reviews/${review.id}/show`,
    }, lang);
    return guardMail(deps, { to: user.email, content, ids: { reviewId: review.id, kind: 'outcome' } });
  });
}





