/**
 * A request kind used only by tests ("drill"), to prove the engine with something that is not
 * probation: every step type in one chain, on the generic request storage, with nothing in
 * the generic routes, the link pages or the console written for it.
 *
 * 1. `review`      the subject's superior decides, recording a note (text, required) and a
 *                  number of days (a whole number 1–5, optional);
 * 2. `acknowledge` the subject signs (approve) or refuses (reject) within 3 days; when the
 *                  days pass it takes effect by itself (`onDeadline: approve`); no verbs;
 * 3. `coolOff`     nobody acts: the chain goes on one day after the acknowledgement;
 * 4. `confirm`     any HR member decides, signed in only (no decision from an emailed link).
 */
import type { ChainStep } from '../../functions/domain/approvals/chain.js';
import { DECISION_STEP } from '../../functions/domain/approvals/step-spec.js';
import { createRequest, getRequest, requestPut } from '../../functions/storage/requests.js';
import { newId } from '../../functions/storage/ids.js';
import { requestKey } from '../../functions/storage/keys.js';
import { transact } from '../../functions/storage/transact.js';
import { chainKind, type KindDefinition, type RequestRecord } from '../../functions/workflow/chain-kind.js';
import type { WorkflowDeps } from '../../functions/workflow/kinds.js';
import { executionArnOf, startLater } from '../../functions/workflow/start.js';

export const DRILL = 'drill';

export interface DrillRequest extends RequestRecord {
  subjectEmployeeId: string;
  subjectName: string;
  note: string | null;
  days: number | null;
  /** When the cool-off step ends: a day after the acknowledgement (or its deadline). */
  coolOffUntil: string | null;
  createdAt: string;
}

const CHAIN: ChainStep[] = [
  {
    key: 'review', labelZh: '主管审核', labelEn: 'Supervisor review', approver: { kind: 'superior' },
    spec: {
      ...DECISION_STEP, skippable: false,
      fields: [
        { name: 'note', type: 'text', required: true, maxLength: 200, label: { 'zh-CN': '说明', en: 'Note' } },
        { name: 'days', type: 'integer', min: 1, max: 5, label: { 'zh-CN': '天数', en: 'Days' } },
      ],
    },
  },
  {
    key: 'acknowledge', labelZh: '本人签收', labelEn: 'Acknowledged by the employee', approver: { kind: 'subject' },
    spec: { type: 'waitForSubject', fields: [], verbs: [], subjectActs: true, signedInOnly: false, skippable: false, deadlineHours: 72, onDeadline: 'approve' },
  },
  {
    key: 'coolOff', labelZh: '冷静期', labelEn: 'Cool-off', approver: null,
    spec: { type: 'waitUntil', fields: [], verbs: [], subjectActs: false, signedInOnly: false, skippable: false },
  },
  {
    key: 'confirm', labelZh: '人事确认', labelEn: 'HR confirms', approver: { kind: 'role', role: 'hr', mode: 'any' },
    spec: { ...DECISION_STEP, verbs: ['return', 'transfer'], signedInOnly: true, skippable: false },
  },
];

const DAY_MS = 86_400_000;

export const drillDefinition: KindDefinition<DrillRequest> = {
  kind: DRILL,
  auditEntity: 'drillRequest',
  runningStatus: 'in_progress',
  openStatuses: ['in_progress'],
  key: (id) => requestKey(DRILL, id),
  load: (deps, id) => getRequest<DrillRequest>(deps.store, DRILL, id),
  put: (deps, next, previous) => requestPut(deps.store, DRILL, next, previous),
  subjectEmployeeId: (r) => r.subjectEmployeeId,
  chain: () => CHAIN,
  currentChain: async () => CHAIN,
  stepDueHours: () => 48,
  waitUntil: (r) => r.coolOffUntil ?? r.createdAt,
  ccOnFinish: () => [],
  async describe(_deps, r) {
    return {
      title: { 'zh-CN': `演练：${r.subjectName}`, en: `Drill: ${r.subjectName}` },
      kindLabel: { 'zh-CN': '演练', en: 'Drill' },
      summary: { 'zh-CN': [['员工', r.subjectName]], en: [['Employee', r.subjectName]] },
      requester: r.requesterId ? { id: r.requesterId, name: r.requesterName ?? '' } : null,
      subjectEmployeeId: r.subjectEmployeeId,
      consolePath: `/#/approvals`,
    };
  },
  async onDecision(deps, r, d) {
    if (d.decision !== 'approve') return {};
    if (d.stepKey === 'review') return { note: d.fields.note as string, days: (d.fields.days as number | undefined) ?? null };
    if (d.stepKey === 'acknowledge') return { coolOffUntil: new Date(Date.parse(d.at) + DAY_MS).toISOString() };
    return {};
  },
  async finish(deps, r, outcome, finished) {
    const at = deps.now().toISOString();
    const result = { outcome };
    const status = outcome === 'approved' ? 'done' : outcome;
    await transact(deps.store, [requestPut(deps.store, DRILL, { ...r, status, currentStep: null, result, updatedAt: at, version: r.version + 1 }, r), ...finished(status)]);
    return result;
  },
};

export const drillKind = chainKind(drillDefinition);

/** Starts a drill about `subject`, requested by `requester` (a user), as a kind's create route would. */
export async function startDrill(deps: WorkflowDeps, requester: { id: string; name: string }, subject: { id: string; name: string }): Promise<DrillRequest> {
  const id = newId();
  const at = deps.now().toISOString();
  const record: DrillRequest = {
    id, status: 'in_progress', requesterId: requester.id, requesterName: requester.name, subjectEmployeeId: subject.id, subjectName: subject.name,
    note: null, days: null, coolOffUntil: null, decidedSteps: [], currentStep: null, result: null,
    executionArn: executionArnOf(deps, DRILL, id), createdAt: at, updatedAt: at, version: 1,
  };
  const start = await startLater(deps, DRILL, id, at, { status: record.status, startedBy: requester.id });
  await createRequest(deps.store, DRILL, record, {
    entityType: 'drillRequest', entityId: id, action: 'create', actor: requester, channel: 'api', at, before: null, after: { subjectEmployeeId: subject.id },
  }, start.tx);
  await start.start();
  return record;
}
