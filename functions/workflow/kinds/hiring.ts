/**
 * A candidate's hiring request (POLICIES.md §2 step 4; seeds 000 第三章, 001 第二篇): the interview
 * rounds, then the hire decision, as steps of one request on the engine.
 *
 * - `round_1`: the interviewers HR named when scheduling it (the request starts then); each
 *   records a score (0–100), a recommendation (hire / hold / reject) and notes. 或签 or 会签 by
 *   the policy's round (second round: 会签 by default — everyone answers).
 * - `schedule_n` (n ≥ 2): HR schedules the next round (POST /interviews); approving the step
 *   without a schedule is refused; rejecting it ends the candidate's process (not hired).
 * - `decision`: the hire decision (the GM by default; the policy may name another decider).
 *
 * A round's result is each answer and their average. Approved, the candidate may be offered the
 * post; rejected at any step, they are not hired.
 */
import type { ApproverRule, ChainStep } from '../../domain/approvals/chain.js';
import { DECISION_STEP, type FieldSpec } from '../../domain/approvals/step-spec.js';
import { DomainError } from '../../domain/errors.js';
import type { InterviewRound, RecruitmentPolicy } from '../../domain/policy/defaults.js';
import { calendarAttachment } from '../../email/ics.js';
import { formatDateTime } from '../../email/render.js';
import { interviewInvitation } from '../../email/templates/index.js';
import { guardMail, sendGuarded, type GuardedMail } from '../notify.js';
import { enumName } from '../../email/values.js';
import { candidatePut, getCandidate } from '../../storage/candidates.js';
import { interviewSlotPut } from '../../storage/interview-slots.js';
import { newId } from '../../storage/ids.js';
import { getPolicy } from '../../storage/policies.js';
import { requestKey } from '../../storage/keys.js';
import { createRequest, getRequest, requestPut } from '../../storage/requests.js';
import { transact } from '../../storage/transact.js';
import { chainKind, type KindDefinition, type RequestRecord } from '../chain-kind.js';
import type { Lang, RequestSummary, WorkflowDeps } from '../kinds.js';
import { executionArnOf, startLater } from '../start.js';

export const HIRING = 'hiring';

export const HIRING_STATUSES = ['interviewing', 'hire_approved', 'not_hired', 'withdrawn', 'failed'] as const;
export type HiringStatus = (typeof HIRING_STATUSES)[number];

export const RECOMMENDATIONS = ['hire', 'hold', 'reject'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface Interview {
  round: number;
  /** When (ISO-8601 with its offset) and where (a room, or an online meeting's link). */
  at: string;
  place: string;
  interviewers: { userId: string; employeeId: string | null; name: string }[];
  scheduledById: string;
  scheduledByName: string;
  scheduledAt: string;
}

export interface InterviewAnswer {
  userId: string;
  name: string;
  score: number;
  recommendation: Recommendation;
  notes: string | null;
  at: string;
}

export interface HiringRequest extends RequestRecord {
  status: HiringStatus;
  candidateId: string;
  candidateName: string;
  openingId: string;
  post: string;
  teamName: string;
  /** The opening's scope (the requester's reporting path): who sees the process besides HR. */
  scopePath: string;
  policyVersion: number;
  rounds: InterviewRound[];
  hireDecider: ApproverRule;
  stepDueHours: number;
  /** The rounds scheduled so far, in order. */
  interviews: Interview[];
  /** Each round's answers, by round number. */
  answers: Record<string, InterviewAnswer[]>;
  createdAt: string;
}

export const roundKey = (n: number) => `round_${n}`;
export const scheduleKey = (n: number) => `schedule_${n}`;
export const DECISION_KEY = 'decision';

const ANSWER_FIELDS: FieldSpec[] = [
  { name: 'score', type: 'integer', required: true, min: 0, max: 100, label: { 'zh-CN': '面试评分（0–100）', en: 'Score (0–100)' } },
  {
    name: 'recommendation', type: 'choice', required: true, label: { 'zh-CN': '建议', en: 'Recommendation' },
    options: [
      { value: 'hire', label: { 'zh-CN': '建议录用', en: 'Hire' } },
      { value: 'hold', label: { 'zh-CN': '待定', en: 'Hold' } },
      { value: 'reject', label: { 'zh-CN': '不建议录用', en: 'Do not hire' } },
    ],
  },
  { name: 'notes', type: 'text', maxLength: 2000, label: { 'zh-CN': '面试记录', en: 'Notes' } },
];

/** The request's chain from its policy snapshot: round 1; then each later round's scheduling and the round; then the decision. */
export function hiringChain(r: Pick<HiringRequest, 'rounds' | 'hireDecider'>): ChainStep[] {
  const steps: ChainStep[] = [];
  r.rounds.forEach((round, i) => {
    const n = i + 1;
    if (n > 1) {
      steps.push({
        key: scheduleKey(n), labelZh: `安排${round.labelZh}`, labelEn: `Schedule: ${round.labelEn}`,
        approver: { kind: 'role', role: 'hr', mode: 'any' },
        spec: { ...DECISION_STEP, verbs: ['transfer'], skippable: false },
      });
    }
    steps.push({
      key: roundKey(n), labelZh: round.labelZh, labelEn: round.labelEn, approver: { kind: 'named', mode: round.mode },
      spec: { ...DECISION_STEP, fields: ANSWER_FIELDS, verbs: ['transfer'], skippable: false },
    });
  });
  steps.push({ key: DECISION_KEY, labelZh: '录用决定', labelEn: 'Hire decision', approver: r.hireDecider, spec: { ...DECISION_STEP, verbs: ['transfer'], skippable: false } });
  return steps;
}

/** A round's result: the average score (one decimal) and how many recommend each way. */
export function roundResult(answers: readonly InterviewAnswer[]): { average: number | null; count: number; recommendations: Record<Recommendation, number> } {
  const recommendations = { hire: 0, hold: 0, reject: 0 };
  for (const a of answers) recommendations[a.recommendation] += 1;
  const average = answers.length ? Math.round((answers.reduce((s, a) => s + a.score, 0) / answers.length) * 10) / 10 : null;
  return { average, count: answers.length, recommendations };
}

const STATUS_LABELS: Record<HiringStatus, Record<Lang, string>> = {
  interviewing: { 'zh-CN': '面试中', en: 'Interviewing' },
  hire_approved: { 'zh-CN': '同意录用', en: 'Hire approved' },
  not_hired: { 'zh-CN': '未录用', en: 'Not hired' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  failed: { 'zh-CN': '流程出错', en: 'Workflow error' },
};

export const hiringStatusLabel = (s: HiringStatus, lang: Lang) => STATUS_LABELS[s][lang];

export const hiringTitle = (r: Pick<HiringRequest, 'candidateName' | 'post' | 'teamName'>): Record<Lang, string> => ({
  'zh-CN': `招聘面试：${r.candidateName}（${enumName('post', r.post, 'zh-CN')}，${r.teamName}）`,
  en: `Hiring: ${r.candidateName} (${enumName('post', r.post, 'en')}, ${r.teamName})`,
});

function rows(r: HiringRequest, lang: Lang): [string, string][] {
  const zh = lang === 'zh-CN';
  const out: [string, string][] = [
    [zh ? '候选人' : 'Candidate', r.candidateName],
    [zh ? '应聘岗位' : 'Post', `${enumName('post', r.post, lang)}（${r.teamName}）`],
  ];
  for (const i of r.interviews) {
    const round = r.rounds[i.round - 1];
    const label = round ? (zh ? round.labelZh : round.labelEn) : `#${i.round}`;
    out.push([label, `${formatDateTime(i.at, lang)} · ${i.place} · ${i.interviewers.map((p) => p.name).join('、')}`]);
    const result = roundResult(r.answers[String(i.round)] ?? []);
    if (result.count) out.push([zh ? `${label}平均分` : `${label}: average`, `${result.average}（${result.count}）`]);
  }
  return out;
}

/** How long an interview's calendar entry lasts (a calendar convenience, not a department rule). */
export const INTERVIEW_MINUTES = 60;

/** The calendar entry of a round: one UID per round, its SEQUENCE growing when it is rescheduled. */
export function interviewEvent(r: Pick<HiringRequest, 'id' | 'candidateName' | 'post' | 'teamName' | 'rounds'>, i: Interview, publicUrl: string) {
  const round = r.rounds[i.round - 1];
  return {
    uid: `${r.id}-round-${i.round}@${new URL(publicUrl).hostname}`,
    sequence: Math.floor(Date.parse(i.scheduledAt) / 1000),
    start: i.at, minutes: INTERVIEW_MINUTES, stamp: i.scheduledAt,
    summary: `${round?.labelZh ?? `第 ${i.round} 轮面试`}：${r.candidateName}（${enumName('post', r.post, 'zh-CN')}）`,
    location: i.place,
    description: `面试官：${i.interviewers.map((p) => p.name).join('、')}`,
  };
}

/** The candidate's invitation to a round (its new time, or the reminder before it), with the calendar entry; null without an email address. */
export function candidateInvitation(deps: WorkflowDeps, r: Pick<HiringRequest, 'id' | 'candidateName' | 'post' | 'teamName' | 'rounds'>, i: Interview, email: string | null, why: 'new' | 'moved' | 'reminder'): GuardedMail | null {
  if (!email) return null;
  const round = r.rounds[i.round - 1];
  const content = interviewInvitation({
    candidateName: r.candidateName, post: enumName('post', r.post, 'zh-CN'), teamName: r.teamName, roundLabel: round?.labelZh ?? `第 ${i.round} 轮面试`,
    at: i.at, place: i.place, rescheduled: why === 'moved', reminder: why === 'reminder',
  }, 'zh-CN');
  return guardMail(deps, { to: email, content: { ...content, attachments: [calendarAttachment(interviewEvent(r, i, deps.publicUrl))] }, ids: { hiringId: r.id, kind: `interview-${i.round}-candidate-${why}` } });
}

// The candidate's page: their rounds, answers and averages, and the offer.
const consolePath = (r: Pick<HiringRequest, 'candidateId'>) => `/#/candidates/${r.candidateId}/show`;

export const hiringDefinition: KindDefinition<HiringRequest> = {
  kind: HIRING,
  auditEntity: 'hiringRequest',
  runningStatus: 'interviewing',
  openStatuses: ['interviewing'],
  key: (id) => requestKey(HIRING, id),
  load: (deps, id) => getRequest<HiringRequest>(deps.store, HIRING, id),
  put: (deps, next, previous) => requestPut(deps.store, HIRING, next, previous),
  subjectEmployeeId: () => null,
  named: (r, stepKey) => {
    const n = Number(stepKey.replace(/^round_/, ''));
    return r.interviews.find((i) => i.round === n)?.interviewers.map((p) => p.userId) ?? [];
  },
  chain: hiringChain,
  currentChain: async (deps) => {
    const policy = (await getPolicy(deps.store, 'recruitment')).values;
    return hiringChain({ rounds: policy.interviewRounds, hireDecider: policy.hireDecider });
  },
  stepDueHours: (r) => r.stepDueHours,
  ccOnFinish: () => [],
  listed: {
    kindLabel: { 'zh-CN': '招聘面试', en: 'Hiring' },
    title: hiringTitle,
    statusLabels: STATUS_LABELS,
    consolePath,
  },

  async describe(deps, r): Promise<RequestSummary> {
    return {
      // Each round's ask carries its calendar entry.
      askAttachments: Object.fromEntries(r.interviews.map((i) => [roundKey(i.round), [calendarAttachment(interviewEvent(r, i, deps.publicUrl))]])),
      title: hiringTitle(r),
      kindLabel: { 'zh-CN': '招聘面试', en: 'Hiring' },
      summary: { 'zh-CN': rows(r, 'zh-CN'), en: rows(r, 'en') },
      requester: r.requesterId ? { id: r.requesterId, name: r.requesterName ?? '' } : null,
      subjectEmployeeId: null,
      consolePath: consolePath(r),
    };
  },

  async onDecision(_deps, r, d) {
    if (d.decision === 'return') return {};
    const round = /^round_(\d+)$/.exec(d.stepKey)?.[1];
    if (round) {
      const answer: InterviewAnswer = {
        userId: d.actor.id, name: d.actor.name, at: d.at,
        score: d.fields.score as number, recommendation: d.fields.recommendation as Recommendation, notes: (d.fields.notes as string | undefined) ?? null,
      };
      // A reject without its answer still ends the process; with one, the answer is kept.
      if (typeof answer.score !== 'number') return {};
      return { answers: { ...r.answers, [round]: [...(r.answers[round] ?? []).filter((a) => a.userId !== d.actor.id), answer] } };
    }
    const scheduled = /^schedule_(\d+)$/.exec(d.stepKey)?.[1];
    if (scheduled && d.decision === 'approve' && !r.interviews.some((i) => i.round === Number(scheduled))) {
      throw new DomainError('INTERVIEW.NOT_SCHEDULED', 'decision', { round: Number(scheduled) });
    }
    return {};
  },

  async finish(deps, r, outcome, finished) {
    const at = deps.now().toISOString();
    if (r.status !== 'interviewing') return { outcome: r.status };
    const status: HiringStatus = outcome === 'approved' ? 'hire_approved' : outcome === 'rejected' ? 'not_hired' : 'failed';
    const result = { outcome: status };
    // The candidate moves on with it: to an offer when the hire is approved, out when not.
    const candidate = status === 'failed' ? null : await getCandidate(deps.store, r.candidateId);
    const stage = status === 'hire_approved' ? 'offer' : 'rejected';
    const moved = candidate && candidate.hiringId === r.id && candidate.stage === 'interview'
      ? [candidatePut(deps.store, { ...candidate, stage, updatedAt: at, version: candidate.version + 1 }, candidate)]
      : [];
    await transact(deps.store, [requestPut(deps.store, HIRING, { ...r, status, currentStep: null, result, updatedAt: at, version: r.version + 1 }, r), ...moved, ...finished(status)]);
    return result;
  },
};

export const hiringKind = chainKind(hiringDefinition);

export interface StartHiringInput {
  candidate: { id: string; name: string; email?: string | null };
  opening: { id: string; post: string; teamName: string; scopePath: string };
  policy: { version: number; values: RecruitmentPolicy };
  /** HR scheduling round 1. */
  by: { id: string; name: string };
  interview: Omit<Interview, 'round' | 'scheduledById' | 'scheduledByName' | 'scheduledAt'>;
  /** Written with the request (the candidate's stage, their pointer to this request), given its id. */
  extra?: Parameters<typeof createRequest>[4];
  candidateUpdate?: (hiringId: string) => NonNullable<Parameters<typeof createRequest>[4]>;
}

/** Round 1 scheduled: the candidate's hiring request starts, its first step asking the interviewers. */
export async function startHiring(deps: WorkflowDeps, input: StartHiringInput): Promise<HiringRequest> {
  const id = newId(deps.now().getTime());
  const at = deps.now().toISOString();
  const record: HiringRequest = {
    id, status: 'interviewing', requesterId: input.by.id, requesterName: input.by.name,
    candidateId: input.candidate.id, candidateName: input.candidate.name,
    openingId: input.opening.id, post: input.opening.post, teamName: input.opening.teamName, scopePath: input.opening.scopePath,
    policyVersion: input.policy.version, rounds: input.policy.values.interviewRounds, hireDecider: input.policy.values.hireDecider, stepDueHours: input.policy.values.stepDueHours,
    interviews: [{ ...input.interview, round: 1, scheduledById: input.by.id, scheduledByName: input.by.name, scheduledAt: at }],
    answers: {}, decidedSteps: [], currentStep: null, result: null, executionArn: executionArnOf(deps, HIRING, id), createdAt: at, updatedAt: at, version: 1,
  };
  const start = await startLater(deps, HIRING, id, at, { status: record.status, startedBy: input.by.id });
  const invitation = candidateInvitation(deps, record, record.interviews[0]!, input.candidate.email ?? null, 'new');
  await createRequest(deps.store, HIRING, record, {
    entityType: 'hiringRequest', entityId: id, action: 'create', actor: input.by, channel: 'api', at, before: null,
    after: { candidateId: input.candidate.id, openingId: input.opening.id, round: 1, at: input.interview.at },
  }, [...start.tx, ...(input.extra ?? []), ...(input.candidateUpdate?.(id) ?? []), ...(invitation ? [invitation.tx] : []), interviewSlotPut(deps.store, id, 1, input.interview.at)]);
  await start.start();
  if (invitation) await sendGuarded(deps, invitation);
  return record;
}

/**
 * A later round scheduled (or rescheduled while its scheduling step waits): written on the
 * request; the caller then approves HR's scheduling task, and the round asks its interviewers.
 */
export async function scheduleRound(deps: WorkflowDeps, r: HiringRequest, interview: Omit<Interview, 'scheduledAt'>): Promise<HiringRequest> {
  if (r.status !== 'interviewing' || r.currentStep !== scheduleKey(interview.round)) {
    throw new DomainError('INTERVIEW.NOT_WAITING', 'round', { round: interview.round });
  }
  const at = deps.now().toISOString();
  const scheduled: Interview = { ...interview, scheduledAt: at };
  const next: HiringRequest = { ...r, interviews: [...r.interviews.filter((i) => i.round !== interview.round), scheduled], updatedAt: at, version: r.version + 1 };
  const candidate = await getCandidate(deps.store, r.candidateId);
  const invitation = candidateInvitation(deps, next, scheduled, candidate?.email ?? null, r.interviews.some((i) => i.round === interview.round) ? 'moved' : 'new');
  await transact(deps.store, [requestPut(deps.store, HIRING, next, r), ...(invitation ? [invitation.tx] : []), interviewSlotPut(deps.store, r.id, interview.round, interview.at)]);
  if (invitation) await sendGuarded(deps, invitation);
  return next;
}
