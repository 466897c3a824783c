/**
 * The engine's half of every request kind. A kind declares what is its own (`KindDefinition`:
 * its record and how it is stored, its chain from policy, what a decision writes, what the end
 * of the chain does); `chainKind` adds what is the same for all — planning the next step,
 * rounds, 退回 to an earlier step or to the requester and the resubmission, skipping a step
 * the same person already approved (同一审批人只审一次), the requester as approver, approvers
 * resolved over the org tree, the subject acting only where the step says so, 撤回, CC on finish.
 */
import type { Role } from '../domain/auth/roles.js';
import {
  REQUESTER_STEP, REQUESTER_STEP_LABEL, nextChainStep, reportingLine, resolveApprover, returnTargets, returnTo,
  type ApproverRule, type ChainState, type ChainStep,
} from '../domain/approvals/chain.js';
import { DECISION_STEP, type FieldSpec, type StepSpec } from '../domain/approvals/step-spec.js';
import { DomainError } from '../domain/errors.js';
import { actsForRequester } from '../domain/approvals/requester.js';
import { listSteps, openStep, type ApprovalStep, type ApprovalTask } from '../storage/approvals.js';
import { getEmployee, getEmployees } from '../storage/employees.js';
import { getPolicy } from '../storage/policies.js';
import { transact, type TxItem } from '../storage/transact.js';
import { findUserByEmployee, getUser, getUsersByIds, usersWithRole, type User } from '../storage/users.js';
import type { ChainComplete, Lang, PlannedStep, PreviewStep, RequestKind, RequestSummary, StepApprovers, WorkflowDeps } from './kinds.js';
import { assign } from './assignees.js';
import { carbonCopy } from './verbs.js';
import type { GuardedMail } from './notify.js';
import { webhookEvents } from './webhooks.js';

/** 重新提交: what a resubmission changed, field by field (values as the request stores them). */
export interface Revision {
  at: string;
  byId: string;
  byName: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** What the engine reads and writes on every kind's record. */
export interface RequestRecord extends ChainState {
  id: string;
  status: string;
  requesterId: string | null;
  requesterName: string | null;
  executionArn: string | null;
  result: Record<string, unknown> | null;
  /** Each resubmission's changes, oldest first (kinds with `resubmit`). */
  revisions?: Revision[];
  updatedAt: string;
  version: number;
}

export interface DecisionInput {
  stepKey: string;
  decision: 'approve' | 'reject' | 'return';
  /** False while other stages or 会签 members of the step are still to decide. */
  completesStep: boolean;
  comment: string | null;
  /** The step's fields, validated against its spec. */
  fields: Record<string, unknown>;
  actor: { id: string; name: string };
  at: string;
}

/** A kind's own writes for a change the engine makes, and the mails (in the outbox with them) sent once it commits. */
export interface KindWrites {
  writes?: TxItem[];
  mails?: GuardedMail[];
}

export interface KindDefinition<R extends RequestRecord> {
  kind: string;
  /** The audit trail's entity type of the record. */
  auditEntity: string;
  /** The record's key (its one item), read ahead with what a call needs next. */
  key(id: string): Record<string, string>;
  load(deps: WorkflowDeps, id: string): Promise<R | null>;
  /** The record's versioned write (conditional on `previous.version`), as a transaction item. */
  put(deps: WorkflowDeps, next: R, previous: R): TxItem;
  subjectEmployeeId(record: R): string | null;
  /**
   * Whose reporting line `superior` and `post_in_line` approvers are found on: the subject's
   * superiors (the default), or the requester and their superiors (`requester`: a request about
   * no one, such as a requisition — a CS manager's own is theirs to approve, as the approvals
   * policy says for a requester who is an approver).
   */
  lineFrom?: 'subject' | 'requester';
  /** A `named` step's people (user ids), as the record names them when the step is asked. */
  named?(record: R, stepKey: string): readonly string[];
  /** The chain (a policy snapshot stored on the record). */
  chain(record: R): ChainStep[];
  /** The chain new requests get (the current policy), for labels outside one request. */
  currentChain(deps: WorkflowDeps): Promise<ChainStep[]>;
  /** Hours a person has for a step before it is overdue. */
  stepDueHours(record: R): number;
  /** A `waitUntil` step: the time the chain goes on (ISO-8601). */
  waitUntil?(record: R, stepKey: string): string;
  /** 抄送 by policy when the request ends. */
  ccOnFinish(record: R): ApproverRule[];
  /** The status while the chain runs, and the statuses in which the requester may still withdraw. */
  runningStatus: string | ((record: R) => string);
  openStatuses: readonly string[];
  describe(deps: WorkflowDeps, record: R): Promise<RequestSummary>;
  /**
   * 重新提交 after 退回给发起人: what the requester may change (the requester step's fields),
   * the values the request holds now (the form starts from them) and how a change is applied.
   */
  resubmit?: {
    fields: FieldSpec[];
    values(record: R): Record<string, unknown>;
    apply(record: R, fields: Record<string, unknown>): Partial<R>;
  };
  /** 我发起的: how a record is listed among the requests its requester started. */
  listed?: {
    kindLabel: Record<Lang, string>;
    title(record: R): Record<Lang, string>;
    statusLabels: Record<string, Record<Lang, string>>;
    consolePath(record: R): string;
  };
  /** The kind's own changes for a decision (merged into the record the engine writes). */
  onDecision?(deps: WorkflowDeps, record: R, d: DecisionInput): Promise<Partial<R>>;
  /**
   * What else a decision writes in its transaction, given the record before and after it (a
   * mail through the outbox, another record the decision moves).
   */
  decisionWrites?(deps: WorkflowDeps, before: R, after: R, d: DecisionInput): Promise<KindWrites>;
  /** Who may withdraw (撤回) the request; by default whoever acts for its requester. */
  mayWithdraw?(record: R, actor: { id: string; roles: readonly string[] }): boolean;
  /** What else a withdrawal writes in its transaction (the record after it is `withdrawn`), and the kind's own changes to that record (`patch`). */
  onWithdraw?(deps: WorkflowDeps, before: R, after: R, w: { at: string; actor: { id: string; name: string }; reason: string | null }): Promise<KindWrites & { patch?: Partial<R> }>;
  /**
   * The end of the chain; idempotent (a retried finish changes nothing). `finished(status)` are
   * the engine's items for the transaction that records the end (the `request.finished`
   * webhook event with the record's new status): the kind writes them with its own.
   */
  finish(deps: WorkflowDeps, record: R, outcome: 'approved' | 'rejected' | 'failed', finished: (status: string) => TxItem[], error?: unknown): Promise<Record<string, unknown>>;
}

/** The requester's resubmission, planned like a chain step (it records nothing). */
const BASE_REQUESTER_STEP: ChainStep = {
  key: REQUESTER_STEP, approver: null, labelZh: REQUESTER_STEP_LABEL['zh-CN'], labelEn: REQUESTER_STEP_LABEL.en,
  spec: { ...DECISION_STEP, verbs: [] },
};

/** Step Functions time limits are whole seconds, at least one. */
const seconds = (hours: number) => Math.max(1, Math.round(hours * 3600));

export function chainKind<R extends RequestRecord>(def: KindDefinition<R>): RequestKind {
  // The requester's step of this kind: a resubmission may change what `resubmit` allows.
  const REQUESTER_CHAIN_STEP: ChainStep = def.resubmit
    ? { ...BASE_REQUESTER_STEP, spec: { ...BASE_REQUESTER_STEP.spec, fields: def.resubmit.fields } }
    : BASE_REQUESTER_STEP;
  const runningOf = (record: R): string => (typeof def.runningStatus === 'function' ? def.runningStatus(record) : def.runningStatus);
  const load = async (deps: WorkflowDeps, id: string): Promise<R> => {
    const record = await def.load(deps, id);
    // A 404 for a caller naming a request that does not exist; inside a workflow, a failed task.
    if (!record) throw new DomainError('WORKFLOW.REQUEST_NOT_FOUND', 'id');
    return record;
  };
  const stepOf = (record: R, key: string): ChainStep => {
    if (key === REQUESTER_STEP) return REQUESTER_CHAIN_STEP;
    const step = def.chain(record).find((s) => s.key === key);
    if (!step) throw new Error(`${def.kind} ${record.id}: no step ${key} in its chain`);
    return step;
  };

  /** A step of the record's chain by its name (its key when the chain no longer has it). */
  const stepLabelOf = (record: R, key: string): Record<Lang, string> => {
    const step = key === REQUESTER_STEP ? REQUESTER_CHAIN_STEP : def.chain(record).find((s) => s.key === key);
    return step ? labelOf(step) : { 'zh-CN': key, en: key };
  };
  const labelOf = (step: ChainStep): Record<Lang, string> => (step.key === REQUESTER_STEP ? { ...REQUESTER_STEP_LABEL } : { 'zh-CN': step.labelZh, en: step.labelEn });
  /** The step that comes next for the record as it stands (null: the chain is complete). */
  const upcoming = (record: R): ChainStep | null => (record.returnedToRequester ? REQUESTER_CHAIN_STEP : nextChainStep(def.chain(record), record.decidedSteps));

  const approversFor = async (deps: WorkflowDeps, record: R, step: ChainStep): Promise<StepApprovers> => {
    if (step.approver?.kind === 'named') {
      if (!def.named) throw new Error(`${def.kind}: step ${step.key} names its people, and the kind does not say who they are`);
      const ids = def.named(record, step.key);
      const named = ids.length ? (await getUsersByIds(deps.store, [...ids])).filter((u) => u.status === 'active') : [];
      return { label: labelOf(step), approvers: named, mode: step.approver.mode };
    }
    return approversOf(deps, { subjectId: def.subjectEmployeeId(record), requesterId: record.requesterId }, step);
  };

  /** The people a step names for a request about `subjectId` started by `requesterId` (a record, or a draft: the chain preview). */
  const approversOf = async (deps: WorkflowDeps, { subjectId, requesterId }: { subjectId: string | null; requesterId: string | null }, step: ChainStep): Promise<StepApprovers> => {
    const label = labelOf(step);
    if (step.key === REQUESTER_STEP) {
      const requester = requesterId ? await getUser(deps.store, requesterId) : null;
      return { label: REQUESTER_STEP_LABEL, approvers: requester && requester.status === 'active' ? [requester] : [], mode: 'any' };
    }
    if (!step.approver) return { label, approvers: [] };
    let line: Awaited<ReturnType<typeof getEmployees>>;
    if (def.lineFrom === 'requester') {
      // A request about no one: nobody is left out as its subject (a preview may name the requester).
      subjectId = null;
      const requester = requesterId ? await getUser(deps.store, requesterId) : null;
      const own = requester?.employeeId ? await getEmployee(deps.store, requester.employeeId) : null;
      line = own ? [own, ...(await getEmployees(deps.store, reportingLine(own)))] : [];
    } else {
      const subject = subjectId ? await getEmployee(deps.store, subjectId) : null;
      if (subjectId && !subject) return { label, approvers: [] };
      line = subject ? await getEmployees(deps.store, reportingLine(subject)) : [];
    }
    const resolved = resolveApprover(step.approver, line, subjectId);
    let approvers: User[] = [];
    if (resolved?.kind === 'employee') {
      const user = await findUserByEmployee(deps.store, resolved.employeeId);
      approvers = user && user.status === 'active' ? [user] : [];
    } else if (resolved?.kind === 'role') {
      approvers = await usersWithRole(deps.store, resolved.role as Role);
    }
    // The person the request is about acts only at a step that is theirs (they sign, appeal, accept).
    if (step.spec.subjectActs) return { label, approvers, mode: 'any' };
    approvers = approvers.filter((u) => !subjectId || u.employeeId !== subjectId);
    approvers = await requesterAsApprover(deps, approvers, requesterId);
    return { label, approvers, mode: resolved?.kind === 'role' ? resolved.mode : 'any' };
  };

  /**
   * Why `step` is recorded as approved without asking, when policy says so: 同一审批人只审一次
   * (its one approver already approved an earlier step) or 审批人即发起人 with
   * requesterIsApprover `skip`; null when it is asked.
   */
  const skipReason = async (deps: WorkflowDeps, record: R, step: ChainStep, steps: ApprovalStep[]): Promise<{ comment: string; only: User; label: Record<Lang, string> } | null> => {
    if (step.spec.type !== 'decision' || step.spec.subjectActs || !step.spec.skippable) return null;
    const approvals = await getPolicy(deps.store, 'approvals');
    const { approvers, label } = await approversFor(deps, record, step);
    const [only] = approvers;
    if (approvers.length !== 1 || !only) return null;
    if (approvals.values.requesterIsApprover === 'skip' && only.id === record.requesterId) {
      return { only, label, comment: '审批人即发起人，按制度自动跳过 / The approver is the requester: skipped by policy' };
    }
    if (approvals.values.sameApproverDecidesOnce) {
      const earlier = steps.find((s) => s.decision === 'approve' && s.decidedById === only.id && s.stepKey !== REQUESTER_STEP);
      if (earlier) {
        // The step by its name, never its key (#12 item 10).
        const named = stepLabelOf(record, earlier.stepKey);
        return { only, label, comment: `同一审批人已在「${named['zh-CN']}」环节同意 / Already approved by the same person at the “${named.en}” step` };
      }
    }
    return null;
  };

  /** Records `step` as approved without asking (`skipReason`). */
  const skip = async (deps: WorkflowDeps, record: R, step: ChainStep, steps: ApprovalStep[], { only, label, comment }: { comment: string; only: User; label: Record<Lang, string> }): Promise<void> => {
    const summary = await def.describe(deps, record);
    const at = deps.now().toISOString();
    // One id per round, so a step skipped again after a 退回 is recorded again.
    const stepId = `${record.id}.${step.key}.auto${steps.filter((s) => s.stepKey === step.key).length + 1}`;
    const decided: ApprovalStep = {
      id: stepId, requestKind: def.kind, requestId: record.id, stepKey: step.key, status: 'decided', token: '', attempt: 'ask', taskIds: [`${stepId}.0`],
      dueAt: at, createdAt: at, decision: 'approve', decidedById: only.id, decidedByName: only.name, decidedAt: at, channel: 'system',
      comment, resumedAt: at, version: 1,
    };
    const task: ApprovalTask = {
      id: `${stepId}.0`, stepId, requestKind: def.kind, requestId: record.id, title: summary.title, stepLabel: label, subjectEmployeeId: def.subjectEmployeeId(record),
      stepKey: step.key, approverId: only.id, approverName: only.name, requesterId: record.requesterId, requesterName: record.requesterName,
      status: 'approved', linkNonce: '', reason: 'assigned', createdAt: at, dueAt: at, decision: 'approve', decidedAt: at, comment, channel: 'system', version: 1,
    };
    const next = { ...record, decidedSteps: [...record.decidedSteps, step.key], updatedAt: at, version: record.version + 1 };
    const raise = await webhookEvents(deps, 'step.decided');
    await openStep(deps.store, decided, [task], [
      def.put(deps, next, record),
      ...raise({ requestKind: def.kind, requestId: record.id, stepKey: step.key, stepId, decision: 'approve', decidedBy: 'system', channel: 'system' }),
    ]);
  };

  /**
   * How the execution is to wait for `step` (not skipped), with the people it asks resolved
   * now. A step asked again after a return (退回) is a new round with its own id; a pending one
   * (a retried plan) is reused.
   */
  const planOf = async (deps: WorkflowDeps, record: R, step: ChainStep, steps: ApprovalStep[]): Promise<PlannedStep> => {
    const due = seconds(def.stepDueHours(record));
    const earlier = steps.filter((s) => s.stepKey === step.key);
    const round = earlier.at(-1)?.status === 'pending' ? earlier.length : earlier.length + 1;
    const planned: PlannedStep = {
      done: false, type: step.spec.type, stepKey: step.key, stepId: `${record.id}.${step.key}.${round}`, dueSeconds: due, escalationSeconds: due,
      approverIds: [], employeeIds: [], resumes: null,
    };
    if (step.spec.type === 'waitUntil') {
      if (!def.waitUntil) throw new Error(`${def.kind}: step ${step.key} waits until a time the kind does not give`);
      planned.until = def.waitUntil(record, step.key);
      return planned;
    }
    if (step.spec.type === 'waitForSubject') planned.deadlineSeconds = seconds(step.spec.deadlineHours ?? def.stepDueHours(record));
    const { approvers } = await approversFor(deps, record, step);
    planned.approverIds = approvers.map((u) => u.id).slice(0, 100);
    const subjectId = def.subjectEmployeeId(record);
    planned.employeeIds = [...new Set([subjectId, ...approvers.map((u) => u.employeeId)].filter((e): e is string => !!e))].slice(0, 100);
    return planned;
  };

  /**
   * The plan right after an approval that completes a step (`after`: the record as the decision
   * leaves it; `steps`: the request's steps with that one decided), and the record naming the
   * step that follows as current. Null when the next step is skipped by policy: PlanNextStep
   * records the skip and plans on.
   */
  const planAfter = async (deps: WorkflowDeps, after: R, steps: ApprovalStep[]): Promise<{ record: R; plan: PlannedStep | ChainComplete } | null> => {
    const step = upcoming(after);
    const record = { ...after, status: runningOf(after), currentStep: step?.key ?? null };
    if (!step) return { record, plan: { done: true } };
    if (await skipReason(deps, record, step, steps)) return null;
    return { record, plan: await planOf(deps, record, step, steps) };
  };

  const listed = def.listed;
  return {
    kind: def.kind,
    async currentValues(deps, id, stepKey) {
      if (stepKey !== REQUESTER_STEP || !def.resubmit) return undefined;
      return def.resubmit.values(await load(deps, id));
    },

    async revisions(deps, id) {
      const record = await load(deps, id);
      const fields = new Map((def.resubmit?.fields ?? []).map((f) => [f.name, f]));
      const inLang = (f: FieldSpec | undefined, v: unknown, lang: Lang) => {
        if (v === null || v === undefined || v === '') return lang === 'zh-CN' ? '（空）' : '(empty)';
        return f?.type === 'choice' ? (f.options?.find((o) => o.value === v)?.label[lang] ?? String(v)) : String(v);
      };
      const shown = (f: FieldSpec | undefined, v: unknown) => ({ 'zh-CN': inLang(f, v, 'zh-CN'), en: inLang(f, v, 'en') });
      return (record.revisions ?? []).map((r) => ({
        at: r.at,
        changes: r.changes.map((c) => {
          const f = fields.get(c.field);
          return {
            label: f?.label ?? { 'zh-CN': c.field, en: c.field },
            before: shown(f, c.before),
            after: shown(f, c.after),
          };
        }),
      }));
    },

    async preview(deps, draft) {
      const [approvals, chain] = await Promise.all([getPolicy(deps.store, 'approvals'), def.currentChain(deps)]);
      const approvedBy = new Set<string>();
      const out: PreviewStep[] = [];
      for (const step of chain) {
        const { approvers, label, mode } = await approversOf(deps, { subjectId: draft.subjectEmployeeId, requesterId: draft.requesterId }, step);
        const [only] = approvers;
        let skipped: PreviewStep['skipped'] = null;
        // As skipReason will judge it, assuming each person asked before approves.
        if (step.spec.type === 'decision' && !step.spec.subjectActs && step.spec.skippable && approvers.length === 1 && only) {
          if (approvals.values.requesterIsApprover === 'skip' && only.id === draft.requesterId) skipped = 'requester';
          else if (approvals.values.sameApproverDecidesOnce && approvedBy.has(only.id)) skipped = 'same_approver';
        }
        const assignees = skipped ? [] : await assign(deps, approvers, { subjectEmployeeId: draft.subjectEmployeeId });
        for (const a of approvers) approvedBy.add(a.id);
        out.push({
          key: step.key, label, mode: mode ?? 'any', skipped,
          approvers: (skipped && only ? [{ user: only, onBehalfOf: null }] : assignees).map((a) => ({ id: a.user.id, name: a.user.name, onBehalfOfName: a.onBehalfOf?.name ?? null })),
        });
      }
      return out;
    },
    ...(listed ? {
      started: { openStatuses: def.openStatuses, item: (stored: Record<string, unknown>) => {
        const record = stored as unknown as R & { currentStep?: string | null; createdAt?: string };
        const step = record.currentStep ? [...def.chain(record), REQUESTER_CHAIN_STEP].find((s) => s.key === record.currentStep) : undefined;
        return {
          title: listed.title(record),
          kindLabel: listed.kindLabel,
          status: record.status,
          statusLabel: listed.statusLabels[record.status] ?? { 'zh-CN': record.status, en: record.status },
          open: def.openStatuses.includes(record.status),
          currentStep: record.currentStep ?? null,
          currentStepLabel: step ? { 'zh-CN': step.labelZh, en: step.labelEn } : null,
          startedAt: record.createdAt ?? record.updatedAt,
          updatedAt: record.updatedAt,
          consolePath: listed.consolePath(record),
        };
      } },
    } : {}),
    auditEntity: def.auditEntity,

    recordKey: (id) => def.key(id),

    async nextStep(deps, id): Promise<PlannedStep | ChainComplete> {
      // Skipping a step writes the record, so each turn reads it again; bounded by the chain.
      for (let guard = 0; guard <= 20; guard++) {
        let record = await load(deps, id);
        const step = upcoming(record);
        if (record.status !== runningOf(record) || record.currentStep !== (step?.key ?? null)) {
          const running = { ...record, status: runningOf(record), currentStep: step?.key ?? null, updatedAt: deps.now().toISOString(), version: record.version + 1 };
          await transact(deps.store, [def.put(deps, running, record)]);
          record = running;
        }
        if (!step) return { done: true };
        const steps = await listSteps(deps.store, def.kind, id);
        const reason = await skipReason(deps, record, step, steps);
        if (!reason) return planOf(deps, record, step, steps);
        await skip(deps, record, step, steps, reason);
      }
      throw new Error(`${def.kind} ${id}: the chain does not converge`);
    },

    async approversFor(deps, id, stepKey, userIds) {
      const record = await load(deps, id);
      const step = stepOf(record, stepKey);
      // Planned already: the same people, unless they can no longer act (then resolved afresh).
      const planned = userIds?.length ? (await getUsersByIds(deps.store, userIds)).filter((u) => u.status === 'active') : [];
      const mode = step.approver?.kind === 'role' || step.approver?.kind === 'named' ? step.approver.mode : 'any';
      if (planned.length > 0) return { label: labelOf(step), approvers: planned, mode };
      return approversFor(deps, record, step);
    },

    async describe(deps, id) {
      const record = await load(deps, id);
      const summary = await def.describe(deps, record);
      const steps = [REQUESTER_CHAIN_STEP, ...def.chain(record)].map((s) => ({ key: s.key, label: { 'zh-CN': s.labelZh, en: s.labelEn } }));
      return { ...summary, steps };
    },

    async specFor(deps, id, stepKey): Promise<StepSpec> {
      return stepOf(await load(deps, id), stepKey).spec;
    },

    async onDecision(deps, d) {
      const record = await load(deps, d.requestId);
      const next = { ...record, updatedAt: d.at, version: record.version + 1 };
      if (d.stepKey === REQUESTER_STEP) {
        // The requester resubmits: the chain starts again from its first step.
        if (d.decision === 'return') throw new DomainError('APPROVAL.INVALID_RETURN', 'toStep', { allowed: '—' });
        if (d.decision === 'approve') {
          Object.assign(next, { returnedToRequester: false, decidedSteps: [] });
          if (def.resubmit) {
            // What changed is kept for the timeline (a diff); the request takes the new values.
            const before = def.resubmit.values(record);
            const changes = def.resubmit.fields
              .filter((f) => d.fields[f.name] !== undefined && JSON.stringify(d.fields[f.name]) !== JSON.stringify(before[f.name] ?? null))
              .map((f) => ({ field: f.name, before: before[f.name] ?? null, after: d.fields[f.name] }));
            Object.assign(next, def.resubmit.apply(record, d.fields), {
              revisions: [...(record.revisions ?? []), { at: d.at, byId: d.actor.id, byName: d.actor.name, changes }],
            });
          }
        }
        return { writes: [def.put(deps, next, record)] };
      }
      if (d.decision === 'return') {
        // 退回: back to an earlier step (it and every step after it are asked again), or to the
        // requester, who resubmits before the chain starts again from the first step.
        const to = String(d.fields.returnTo ?? '');
        const after = returnTo(record, to, record.requesterId !== null);
        if (!after) throw new DomainError('APPROVAL.INVALID_RETURN', 'toStep', { allowed: returnTargets(record, record.requesterId !== null).join(', ') || '—' });
        return { writes: [def.put(deps, { ...next, ...after }, record)] };
      }
      const own = def.onDecision ? await def.onDecision(deps, record, { ...d, fields: d.fields }) : {};
      const completes = d.decision === 'approve' && d.completesStep;
      const decided = completes ? { decidedSteps: [...record.decidedSteps, d.stepKey] } : {};
      const kindOwn = def.decisionWrites ? await def.decisionWrites(deps, record, { ...next, ...own, ...decided }, d) : {};
      const mails = kindOwn.mails ?? [];
      const extra = [...(kindOwn.writes ?? []), ...mails.map((m) => m.tx)];
      if (completes && d.plan) {
        // What follows is planned now, from the request's steps as this approval leaves them.
        const steps = (await listSteps(deps.store, def.kind, record.id)).map((s) =>
          s.stepKey === d.stepKey && s.status === 'pending' ? { ...s, status: 'decided' as const, decision: 'approve' as const, decidedById: d.actor.id, decidedByName: d.actor.name, decidedAt: d.at } : s);
        const planned = await planAfter(deps, { ...next, ...own, ...decided }, steps);
        if (planned) return { writes: [def.put(deps, planned.record, record), ...extra], plan: planned.plan, mails };
      }
      // A reject ends the chain; the record's status is set when the execution finishes it.
      if (Object.keys(own).length === 0 && Object.keys(decided).length === 0 && extra.length === 0) return { writes: [] };
      return { writes: [def.put(deps, { ...next, ...own, ...decided }, record), ...extra], mails };
    },

    async prepareWithdraw(deps, id, actor, at, reason) {
      const record = await load(deps, id);
      const may = def.mayWithdraw ? def.mayWithdraw(record, actor) : actsForRequester(record.requesterId, actor);
      if (!may) throw new DomainError('WORKFLOW.NOT_REQUESTER');
      if (!def.openStatuses.includes(record.status)) throw new DomainError('WORKFLOW.REQUEST_CLOSED', undefined, { status: record.status });
      const withdrawn = { ...record, status: 'withdrawn', currentStep: null, result: { outcome: 'withdrawn', by: actor.name, at }, updatedAt: at, version: record.version + 1 };
      const own = def.onWithdraw ? await def.onWithdraw(deps, record, withdrawn, { at, actor, reason: reason ?? null }) : {};
      const next = { ...withdrawn, ...(own.patch ?? {}) };
      const mails = own.mails ?? [];
      return { executionArn: record.executionArn, writes: [def.put(deps, next, record), ...(own.writes ?? []), ...mails.map((m) => m.tx)], mails };
    },

    async stepLabels(deps) {
      const labels = new Map<string, Record<Lang, string>>((await def.currentChain(deps)).map((s) => [s.key, { 'zh-CN': s.labelZh, en: s.labelEn }]));
      labels.set(REQUESTER_STEP, { ...REQUESTER_STEP_LABEL });
      return labels;
    },

    async passStep(deps, id, stepKey, stepId) {
      const record = await load(deps, id);
      if (record.decidedSteps.includes(stepKey)) return false;
      const step = stepOf(record, stepKey);
      const at = deps.now().toISOString();
      const decided: ApprovalStep = {
        id: stepId, requestKind: def.kind, requestId: id, stepKey, status: 'decided', token: '', attempt: 'ask', taskIds: [],
        dueAt: at, createdAt: at, decision: 'approve', decidedById: 'system', decidedByName: '系统 / System', decidedAt: at, channel: 'system',
        comment: `到时自动进入下一步 / Time reached: ${step.labelEn}`, resumedAt: at, version: 1,
      };
      const next = { ...record, decidedSteps: [...record.decidedSteps, stepKey], updatedAt: at, version: record.version + 1 };
      const raise = await webhookEvents(deps, 'step.decided');
      return (await openStep(deps.store, decided, [], [
        def.put(deps, next, record),
        ...raise({ requestKind: def.kind, requestId: id, stepKey, stepId, decision: 'approve', decidedBy: 'system', channel: 'system' }),
      ])) === 'opened';
    },

    async finish(deps, id, outcome, error) {
      const record = await load(deps, id);
      if (record.result) return record.result; // a retried finish changes nothing
      const raise = await webhookEvents(deps, 'request.finished');
      const result = await def.finish(deps, record, outcome, (status) => raise({ requestKind: def.kind, requestId: id, outcome, status }), error);
      if (outcome !== 'failed') await copyOnFinish(deps, def, record);
      return result;
    },
  };
}

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
 * 抄送 by policy: when the request ends, the people the kind's policy names get a read-only
 * notice. The subject and the requester are told by their own email and are not copied. A
 * notice that cannot be sent is logged; it never undoes the outcome.
 */
async function copyOnFinish<R extends RequestRecord>(deps: WorkflowDeps, def: KindDefinition<R>, record: R): Promise<void> {
  const rules = def.ccOnFinish(record);
  if (rules.length === 0) return;
  try {
    const subjectId = def.subjectEmployeeId(record);
    const subject = subjectId ? await getEmployee(deps.store, subjectId) : null;
    const line = subject ? await getEmployees(deps.store, reportingLine(subject)) : [];
    const users = new Map<string, User>();
    for (const rule of rules) {
      const resolved = resolveApprover(rule, line, subjectId);
      if (resolved?.kind === 'employee') {
        const user = await findUserByEmployee(deps.store, resolved.employeeId);
        if (user?.status === 'active') users.set(user.id, user);
      } else if (resolved?.kind === 'role') {
        for (const user of await usersWithRole(deps.store, resolved.role as Role)) users.set(user.id, user);
      }
    }
    const userIds = [...users.values()].filter((u) => u.id !== record.requesterId && (!subjectId || u.employeeId !== subjectId)).map((u) => u.id).slice(0, 20);
    if (userIds.length > 0) await carbonCopy(deps, { kind: def.kind, requestId: record.id, actor: null, userIds, comment: null, channel: 'system' });
  } catch (err) {
    deps.log('error', 'policy CC not sent', { requestKind: def.kind, requestId: record.id, error: err instanceof Error ? err.message : String(err) });
  }
}

export type { Lang };
