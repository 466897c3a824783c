/**
 * The 人才增补单 (headcount requisition, POLICIES.md §2) on the engine: a supervisor or above
 * asks for heads for a team in their part of the organisation; the chain is the `recruitment`
 * policy's (default CS manager → HR review → GM; a step may be asked only from N heads on),
 * found up from the requester. Approved, it opens the opening (招聘职位) HR fills; rejected, it
 * ends with the reason and the requester is told.
 */
import type { ChainStep } from '../../domain/approvals/chain.js';
import { DECISION_STEP, type FieldSpec } from '../../domain/approvals/step-spec.js';
import type { Level } from '../../domain/people/model.js';
import type { RecruitmentChainStep, RecruitmentPolicy } from '../../domain/policy/defaults.js';
import { requisitionChain, type RequisitionPost } from '../../domain/recruitment/requisition.js';
import { requestOutcome } from '../../email/templates/index.js';
import { enumName, formatDate, formatMoney } from '../../email/values.js';
import { requestKey } from '../../storage/keys.js';
import { openingCreate, type Opening } from '../../storage/openings.js';
import { getPolicy } from '../../storage/policies.js';
import { getRequest, requestPut } from '../../storage/requests.js';
import { transact } from '../../storage/transact.js';
import { getUser } from '../../storage/users.js';
import { chainKind, type KindDefinition, type RequestRecord } from '../chain-kind.js';
import type { Lang, RequestSummary, WorkflowDeps } from '../kinds.js';
import { guardMail, sendGuarded } from '../notify.js';

export const REQUISITION = 'requisition';

export const REQUISITION_STATUSES = ['pending_approval', 'rejected', 'withdrawn', 'failed', 'open', 'filled', 'cancelled'] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

export interface Requisition extends RequestRecord {
  status: RequisitionStatus;
  post: RequisitionPost;
  teamId: string;
  teamName: string;
  headcount: number;
  /** Heads filled so far (the opening's count, kept here for lists). */
  filled: number;
  reason: string;
  requirements: string;
  level: Level;
  /** The range the level offers (org policy's ladder and the recruitment policy's range), yuan a month. */
  salaryMin: number;
  salaryMax: number;
  wantedBy: string;
  requesterEmployeeId: string;
  /** The requester's reporting path: their superiors see the requisition. */
  requesterPath: string;
  policyVersion: number;
  /** The recruitment policy's chain as it applied to this requisition (its headcount): a snapshot. */
  chainSteps: RecruitmentChainStep[];
  stepDueHours: number;
  /** Who rejected it, at which step and why. */
  rejection: { stepKey: string; byName: string; comment: string | null } | null;
  createdAt: string;
}

const TEXT_MAX = 2000;
const RESUBMIT_FIELDS: FieldSpec[] = [
  { name: 'reason', type: 'text', maxLength: TEXT_MAX, label: { 'zh-CN': '增补原因', en: 'Reason' } },
  { name: 'requirements', type: 'text', maxLength: TEXT_MAX, label: { 'zh-CN': '任职要求', en: 'Requirements' } },
];

const STATUS_LABELS: Record<RequisitionStatus, Record<Lang, string>> = {
  pending_approval: { 'zh-CN': '审批中', en: 'Awaiting approval' },
  rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  failed: { 'zh-CN': '流程出错', en: 'Workflow error' },
  open: { 'zh-CN': '招聘中', en: 'Open' },
  filled: { 'zh-CN': '已招满', en: 'Filled' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

export const requisitionStatusLabel = (status: RequisitionStatus, lang: Lang) => STATUS_LABELS[status][lang];

function chainStep(step: RecruitmentChainStep): ChainStep {
  return { key: step.key, labelZh: step.labelZh, labelEn: step.labelEn, approver: step.approver, spec: DECISION_STEP };
}

export function requisitionTitle(r: Pick<Requisition, 'post' | 'headcount' | 'teamName'>): Record<Lang, string> {
  return {
    'zh-CN': `人才增补：${enumName('post', r.post, 'zh-CN')} ${r.headcount} 人（${r.teamName}）`,
    en: `Requisition: ${r.headcount} × ${enumName('post', r.post, 'en')} (${r.teamName})`,
  };
}

export function requisitionRows(r: Requisition, lang: Lang): [string, string][] {
  const zh = lang === 'zh-CN';
  return [
    [zh ? '岗位' : 'Post', enumName('post', r.post, lang)],
    [zh ? '团队' : 'Team', r.teamName],
    [zh ? '增补人数' : 'Headcount', String(r.headcount)],
    [zh ? '职级' : 'Level', enumName('level', r.level, lang)],
    [zh ? '薪资范围（月）' : 'Salary range (monthly)', `${formatMoney(r.salaryMin, lang)} – ${formatMoney(r.salaryMax, lang)}`],
    [zh ? '期望到岗' : 'Wanted by', formatDate(r.wantedBy, lang)],
    [zh ? '增补原因' : 'Reason', r.reason],
    [zh ? '任职要求' : 'Requirements', r.requirements],
  ];
}

const consolePath = (r: Pick<Requisition, 'id'>) => `/#/requisitions/${r.id}/show`;

export const requisitionDefinition: KindDefinition<Requisition> = {
  kind: REQUISITION,
  auditEntity: 'requisition',
  runningStatus: 'pending_approval',
  openStatuses: ['pending_approval'],
  key: (id) => requestKey(REQUISITION, id),
  load: (deps, id) => getRequest<Requisition>(deps.store, REQUISITION, id),
  put: (deps, next, previous) => requestPut(deps.store, REQUISITION, next, previous),
  subjectEmployeeId: () => null,
  lineFrom: 'requester',
  chain: (r) => r.chainSteps.map(chainStep),
  currentChain: async (deps) => (await getPolicy(deps.store, 'recruitment')).values.chain.map(chainStep),
  stepDueHours: (r) => r.stepDueHours,
  ccOnFinish: () => [],
  resubmit: {
    fields: RESUBMIT_FIELDS,
    values: (r) => ({ reason: r.reason, requirements: r.requirements }),
    apply: (_r, fields) => ({
      ...(typeof fields.reason === 'string' && fields.reason.trim() ? { reason: fields.reason.trim() } : {}),
      ...(typeof fields.requirements === 'string' && fields.requirements.trim() ? { requirements: fields.requirements.trim() } : {}),
    }),
  },
  listed: {
    kindLabel: { 'zh-CN': '人才增补单', en: 'Requisition' },
    title: requisitionTitle,
    statusLabels: STATUS_LABELS,
    consolePath,
  },

  async describe(_deps, r): Promise<RequestSummary> {
    return {
      title: requisitionTitle(r),
      kindLabel: { 'zh-CN': '人才增补单', en: 'Requisition' },
      summary: { 'zh-CN': requisitionRows(r, 'zh-CN'), en: requisitionRows(r, 'en') },
      requester: r.requesterId ? { id: r.requesterId, name: r.requesterName ?? '' } : null,
      subjectEmployeeId: null,
      consolePath: consolePath(r),
      steps: r.chainSteps.map((s) => ({ key: s.key, label: { 'zh-CN': s.labelZh, en: s.labelEn } })),
    };
  },

  async onDecision(_deps, _r, d) {
    if (d.decision !== 'reject') return {};
    return { rejection: { stepKey: d.stepKey, byName: d.actor.name, comment: d.comment } };
  },

  async finish(deps, r, outcome, finished) {
    const at = deps.now().toISOString();
    if (r.status !== 'pending_approval') return { outcome: r.status };
    const status: RequisitionStatus = outcome === 'approved' ? 'open' : outcome === 'rejected' ? 'rejected' : 'failed';
    const result = { outcome: status };
    const next: Requisition = { ...r, status, currentStep: null, result, updatedAt: at, version: r.version + 1 };
    const writes = [requestPut(deps.store, REQUISITION, next, r), ...finished(status)];
    if (status === 'open') {
      const opening: Opening = {
        id: r.id, requisitionId: r.id, post: r.post, teamId: r.teamId, teamName: r.teamName, level: r.level, salaryMin: r.salaryMin, salaryMax: r.salaryMax,
        headcount: r.headcount, filled: 0, status: 'open', statusReason: null, requesterId: r.requesterId, requesterName: r.requesterName, scopePath: r.requesterPath,
        createdAt: at, updatedAt: at, version: 1,
      };
      writes.push(openingCreate(deps.store, opening));
    }
    // The requester is told either way; a rejection with the reason (POLICIES.md §2).
    const mail = status === 'failed' ? null : await outcomeMail(deps, next);
    await transact(deps.store, [...writes, ...(mail ? [mail.tx] : [])]);
    if (mail) await sendGuarded(deps, mail);
    return result;
  },
};

async function outcomeMail(deps: WorkflowDeps, r: Requisition) {
  const requester = r.requesterId ? await getUser(deps.store, r.requesterId) : null;
  if (!requester) return null;
  const lang = requester.language;
  const zh = lang === 'zh-CN';
  const rows = requisitionRows(r, lang).slice(0, 5);
  if (r.status === 'rejected' && r.rejection) {
    const step = r.chainSteps.find((s) => s.key === r.rejection?.stepKey);
    rows.push([zh ? '驳回环节' : 'Rejected at', `${step ? (zh ? step.labelZh : step.labelEn) : r.rejection.stepKey}（${r.rejection.byName}）`]);
  }
  if (r.status === 'open') rows.push([zh ? '下一步' : 'Next', zh ? '人力资源部已开始招聘' : 'HR has opened the position']);
  const content = requestOutcome({
    recipientName: requester.name,
    requestTitle: requisitionTitle(r)[lang],
    outcome: r.status === 'open' ? 'approved' : 'rejected',
    details: rows,
    ...(r.status === 'rejected' && r.rejection?.comment ? { comment: r.rejection.comment } : {}),
    openUrl: `${deps.publicUrl}${consolePath(r)}`,
  }, lang);
  return guardMail(deps, { to: requester.email, content, ids: { requisitionId: r.id, kind: 'outcome' } });
}

export const requisitionKind = chainKind(requisitionDefinition);

/** The chain a requisition of `headcount` heads gets under `policy`, as stored on it. */
export const chainFor = (policy: RecruitmentPolicy, headcount: number) => requisitionChain(policy.chain, headcount);
