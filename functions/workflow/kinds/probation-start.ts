/**
 * Opening a probation review (POLICIES.md §3): on application (the employee or a supervisor,
 * through the API) or automatically when the end date comes within the policy's lead window
 * (the daily job). Both go through `openReview`: eligibility, the review record with the
 * policy version it applies, and its approval execution.
 */
import { planReview, reviewDueToStart, type ReviewApplicant, type ReviewKind, type ReviewPlan } from '../../domain/probation/eligibility.js';
import type { Channel } from '../../storage/audit.js';
import type { StoredEmployee } from '../../storage/employees.js';
import { listEmployees } from '../../storage/employees.js';
import { newId } from '../../storage/ids.js';
import { getPolicy } from '../../storage/policies.js';
import { createReview, reviewsOfEmployee, type ProbationReview } from '../../storage/probation-reviews.js';
import type { TxItem } from '../../storage/transact.js';
import type { WorkflowDeps } from '../kinds.js';
import { executionArnOf, startLater } from '../start.js';
import { companyToday } from './probation.js';

const OPEN: readonly string[] = ['scheduled', 'in_review'];

export interface OpenReviewInput {
  employee: StoredEmployee;
  kind: ReviewKind;
  applicant: ReviewApplicant | 'system';
  requester: { id: string; name: string } | null;
  channel: Channel;
  /** 申请说明: why the requester asks (optional; they may change it when it comes back to them). */
  statement?: string | null;
  /** The review's id when the caller needs it first (the files it claims name it). */
  id?: string;
  /** Files started with the request, and the writes that claim them in the review's transaction. */
  attachments?: { ids: string[]; writes: TxItem[] };
}

export async function openReview(deps: WorkflowDeps, input: OpenReviewInput): Promise<{ review: ProbationReview; plan: ReviewPlan; cutoffDay: number }> {
  const { employee } = input;
  const [policy, existing] = await Promise.all([getPolicy(deps.store, 'probation'), reviewsOfEmployee(deps.store, employee.id)]);
  const today = companyToday(deps.now());
  const plan = planReview({
    employee, kind: input.kind, applicant: input.applicant === 'employee' ? 'employee' : 'supervisor', today, policy: policy.values,
    hasOpenReview: existing.some((r) => OPEN.includes(r.status)),
  });
  const at = deps.now().toISOString();
  const id = input.id ?? newId();
  const review: ProbationReview = {
    id, employeeId: employee.id, employeeName: employee.name, employeeNo: employee.employeeNo, employeePath: employee.path,
    kind: input.kind, applicant: input.applicant, requesterId: input.requester?.id ?? null, requesterName: input.requester?.name ?? null,
    status: plan.deferred ? 'scheduled' : 'in_review', startsOn: plan.startsOn, deferred: plan.deferred,
    policyVersion: policy.version, policy: policy.values as unknown as Record<string, unknown>,
    statement: input.statement?.trim() || null,
    attachments: input.attachments?.ids ?? [],
    scores: null, attendance: null, weighted: null, band: null, breaches: [], recommendation: null, override: null,
    decidedSteps: [], currentStep: null, result: null, executionArn: executionArnOf(deps, 'probation', id), createdAt: at, updatedAt: at, version: 1,
  };
  // A deferred round starts at 00:00 company time on its first day (Asia/Shanghai, UTC+8).
  const startAt = plan.deferred ? new Date(`${plan.startsOn}T00:00:00+08:00`).toISOString() : at;
  // The review and its "start me" marker are one write; a crash before the start leaves the
  // marker for the startPending job, never a review that does not move.
  const start = await startLater(deps, 'probation', review.id, startAt, { status: review.status, startedBy: review.requesterId });
  await createReview(deps.store, review, {
    entityType: 'probationReview', entityId: review.id, action: 'create', actor: input.requester, channel: input.channel, at,
    before: null, after: { employeeId: employee.id, kind: input.kind, applicant: input.applicant, startsOn: plan.startsOn, policyVersion: policy.version },
  }, [...start.tx, ...(input.attachments?.writes ?? [])]);
  // The execution updates the review as soon as it runs: nothing is written here after the start.
  await start.start();
  return { review, plan, cutoffDay: policy.values.applicationCutoffDay };
}

/**
 * The daily job: a scheduled review opens by itself `reviewLeadDays` before the probation end
 * date (POLICIES.md §3 gap: 14 days) for everyone on probation without an open review.
 * Reads the probation partition page by page (a batch job, not a request path).
 */
export async function openDueReviews(deps: WorkflowDeps): Promise<string[]> {
  const policy = await getPolicy(deps.store, 'probation');
  const today = companyToday(deps.now());
  const opened: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEmployees(deps.store, { scopePath: null, status: 'probation', sort: 'tree', order: 'asc', limit: 200, cursor });
    for (const employee of page.items) {
      if (!reviewDueToStart(employee, today, policy.values)) continue;
      const existing = await reviewsOfEmployee(deps.store, employee.id, 5);
      if (existing.some((r) => OPEN.includes(r.status) || r.kind === 'scheduled')) continue;
      try {
        const { review } = await openReview(deps, { employee, kind: 'scheduled', applicant: 'system', requester: null, channel: 'system' });
        opened.push(review.id);
      } catch (err) {
        deps.log('warn', 'scheduled review not opened', { employeeId: employee.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return opened;
}
