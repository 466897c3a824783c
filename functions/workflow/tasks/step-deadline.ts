/**
 * A subject's step (`waitForSubject`) ran out of time: the step is decided as its spec says
 * (`onDeadline`, e.g. a warning takes effect once the appeal window closes, POLICIES.md §4) by
 * the system, through the same storage write as any decision. If the subject decided at the
 * last moment (their resume found the token timed out), their decision stands and is returned.
 */
import { DomainError } from '../../domain/errors.js';
import { decideStep, getStep, getTasks, StepChanged, type ApprovalTask } from '../../storage/approvals.js';
import { kindOf, type WorkflowDeps } from '../kinds.js';
import { decisionOutput } from '../resume.js';
import { sendGuarded } from '../notify.js';
import { webhookEvents } from '../webhooks.js';

export const SYSTEM_ACTOR = { id: 'system', name: '系统 / System' };

export async function stepDeadline(deps: WorkflowDeps, p: { requestKind: string; requestId: string; stepKey: string; stepId: string }): Promise<{ decision: string; stepKey: string; stepId: string }> {
  const kind = kindOf(deps, p.requestKind);
  const spec = await kind.specFor(deps, p.requestId, p.stepKey);
  const decision = spec.onDeadline ?? 'approve';
  const decided = await webhookEvents(deps, 'step.decided');
  for (let attempt = 0; attempt < 5; attempt++) {
    const step = await getStep(deps.store, p.stepId);
    if (!step) throw new Error(`step ${p.stepId} is missing`);
    if (step.status !== 'pending') return decisionOutput(step);
    const tasks = await getTasks(deps.store, step.taskIds);
    const [task, ...others] = tasks.filter((t) => t.status === 'pending');
    if (!task) throw new Error(`step ${p.stepId} has no pending task to decide`);
    const at = deps.now().toISOString();
    const comment = decision === 'approve' ? '期限已过，按制度生效 / The deadline passed: in effect by policy' : '期限已过，按制度结束 / The deadline passed: ended by policy';
    const { writes: extra, mails = [] } = await kind.onDecision(deps, { requestId: p.requestId, stepKey: p.stepKey, decision, completesStep: true, comment, fields: {}, actor: SYSTEM_ACTOR, at });
    const cancel = (t: ApprovalTask) => ({ before: t, after: { ...t, status: 'cancelled' as const, cancelledBy: 'deadline' as const, decidedAt: at, version: t.version + 1 } });
    try {
      await decideStep(deps.store, {
        step, task, changed: others.map(cancel), decision, complete: true, stages: step.stages ?? [], activeStage: step.activeStage ?? 0,
        comment, channel: 'system', actor: SYSTEM_ACTOR, at, resume: false,
        extra: [...extra, ...decided({ requestKind: p.requestKind, requestId: p.requestId, stepKey: p.stepKey, stepId: p.stepId, decision, decidedBy: SYSTEM_ACTOR.id, channel: 'system' })],
        audit: { entityType: 'approvalTask', entityId: task.id, action: decision, before: { status: 'pending' }, after: { status: decision, comment, requestKind: p.requestKind, requestId: p.requestId, stepKey: p.stepKey, deadline: true } },
      });
      await Promise.all(mails.map((m) => sendGuarded(deps, m)));
      return { decision, stepKey: p.stepKey, stepId: p.stepId };
    } catch (err) {
      // The subject decided at the same moment: read the step again and return what won.
      if (!(err instanceof StepChanged) && !(err instanceof DomainError && err.code === 'APPROVAL.ALREADY_DECIDED')) throw err;
    }
  }
  throw new Error(`step ${p.stepId}: could not be decided at its deadline`);
}
