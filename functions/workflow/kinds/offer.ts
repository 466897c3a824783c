/**
 * An offer (录用, POLICIES.md §2 steps 5–6; seeds 000 第三章, 001 第二篇) on the engine: HR
 * offers the post to a candidate whose hire the GM approved. The chain:
 *
 * - `gm_salary`, only when the base salary is outside the level's range on the ladder (org
 *   policy's base salary up to the recruitment policy's percent above): the GM approves it
 *   before the letter goes. Rejected, the offer ends `rejected` and its head is free again.
 * - `report_window`: nobody acts; the chain goes on at the end of the last day to report
 *   (`reportBy` = start date + `reportWithinDays`, 10 by default). If the hire has not reported
 *   by then, the offer **lapses by itself**: its head is free again, HR and the requester are
 *   told, and the candidate is told politely.
 *
 * Meanwhile the candidate accepts or declines from the letter's signed link (no account), and
 * HR records the report (报到: POST /offers/{id}/report), which makes them an employee on
 * probation. An offer holds one head of its opening from the moment it is made until it is
 * declined, lapses, is withdrawn or rejected (the head is free again), or the hire reports (the
 * head is filled) — so an opening is never offered or filled beyond its headcount.
 */
import type { ChainStep } from '../../domain/approvals/chain.js';
import { DECISION_STEP } from '../../domain/approvals/step-spec.js';
import { DomainError } from '../../domain/errors.js';
import { addDays, companyDayStart } from '../../domain/people/dates.js';
import type { Level } from '../../domain/people/model.js';
import { offerLetter, offerNotice, offerToCandidate, type OfferEvent } from '../../email/templates/index.js';
import { enumName, formatDate, formatMoney } from '../../email/values.js';
import { candidatePut, getCandidate, type Candidate } from '../../storage/candidates.js';
import { funnelCount } from '../../storage/counters.js';
import { requestKey } from '../../storage/keys.js';
import { getOpening, openingPut, type Opening } from '../../storage/openings.js';
import { getRequest, requestPut } from '../../storage/requests.js';
import { transact, type TxItem } from '../../storage/transact.js';
import { getUser, usersWithRole, type User } from '../../storage/users.js';
import { signOfferLink } from '../../email/offer-links.js';
import { chainKind, type KindDefinition, type KindWrites, type RequestRecord } from '../chain-kind.js';
import type { Lang, RequestSummary, WorkflowDeps } from '../kinds.js';
import { guardMail, sendGuarded, type GuardedMail } from '../notify.js';

export const OFFER = 'offer';

/**
 * `pending_approval`: the GM is to approve a salary outside the ladder (no letter yet);
 * `sent` → `accepted` | `declined`; `lapsed` (not reported in time); `reported` (an employee now);
 * `withdrawn` (HR took it back); `rejected` (the GM refused the salary).
 */
export const OFFER_STATUSES = ['pending_approval', 'sent', 'accepted', 'declined', 'lapsed', 'reported', 'withdrawn', 'rejected', 'failed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
/** The statuses in which the offer holds a head and may still be withdrawn. */
export const OFFER_OPEN: readonly OfferStatus[] = ['pending_approval', 'sent', 'accepted'];

/** The documents HR checks when the hire reports (001 第二篇: ID card, diploma, health check). */
export const REPORT_DOCUMENTS = ['id_card', 'diploma', 'health_check'] as const;
export type ReportDocument = (typeof REPORT_DOCUMENTS)[number];

export interface Offer extends RequestRecord {
  status: OfferStatus;
  candidateId: string;
  candidateName: string;
  candidateEmail: string;
  candidatePhone: string | null;
  openingId: string;
  requisitionId: string;
  hiringId: string | null;
  post: string;
  teamId: string;
  teamName: string;
  /** The opening's scope (the requisition's requester's reporting path). */
  scopePath: string;
  startDate: string;
  level: Level;
  baseSalary: number;
  /** The level's range on the ladder when the offer was made. */
  salaryMin: number;
  salaryMax: number;
  outsideLadder: boolean;
  probationMonths: number;
  reportWithinDays: number;
  /** The last day to report (start date + reportWithinDays). */
  reportBy: string;
  /** When the offer lapses if nobody reported: the start of the day after `reportBy`, company time. */
  lapseAt: string;
  /** Bound into the candidate's link: a link made for another offer (or an older letter) does not answer this one. */
  linkNonce: string;
  sentAt: string | null;
  response: { answer: 'accept' | 'decline'; at: string; reason: string | null; byName: string | null } | null;
  report: { on: string; documentsSeen: ReportDocument[]; employeeId: string; mentorId: string | null; byId: string; byName: string; at: string } | null;
  withdrawal: { reason: string | null; byName: string; at: string } | null;
  policyVersion: number;
  stepDueHours: number;
  createdAt: string;
}

export const GM_SALARY_STEP = 'gm_salary';
export const REPORT_WINDOW_STEP = 'report_window';

export function offerChain(r: Pick<Offer, 'outsideLadder'>): ChainStep[] {
  return [
    ...(r.outsideLadder ? [{
      key: GM_SALARY_STEP, labelZh: '总经理审批薪资（超出职级范围）', labelEn: 'GM approves a salary outside the ladder',
      approver: { kind: 'role' as const, role: 'gm', mode: 'any' as const },
      spec: { ...DECISION_STEP, verbs: ['transfer' as const], skippable: false },
    }] : []),
    {
      key: REPORT_WINDOW_STEP, labelZh: '等待报到', labelEn: 'Waiting for the hire to report', approver: null,
      spec: { ...DECISION_STEP, type: 'waitUntil' as const, verbs: [], skippable: false },
    },
  ];
}

/** The last day to report and the moment the offer lapses (the start of the next day, company time). */
export function reportWindow(startDate: string, reportWithinDays: number): { reportBy: string; lapseAt: string } {
  const reportBy = addDays(startDate, reportWithinDays);
  return { reportBy, lapseAt: companyDayStart(addDays(reportBy, 1)) };
}

/** The level's range on the ladder: its base salary up to `percent` above (whole yuan). */
export function ladderRange(levelBase: number, percent: number): { min: number; max: number } {
  return { min: levelBase, max: Math.round(levelBase * (1 + percent / 100)) };
}

const STATUS_LABELS: Record<OfferStatus, Record<Lang, string>> = {
  pending_approval: { 'zh-CN': '待总经理审批', en: 'Waiting for the GM' },
  sent: { 'zh-CN': '已发出', en: 'Sent' },
  accepted: { 'zh-CN': '已接受', en: 'Accepted' },
  declined: { 'zh-CN': '已拒绝', en: 'Declined' },
  lapsed: { 'zh-CN': '已失效（未按期报到）', en: 'Lapsed (did not report)' },
  reported: { 'zh-CN': '已报到', en: 'Reported' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  rejected: { 'zh-CN': '总经理未批准', en: 'Not approved by the GM' },
  failed: { 'zh-CN': '流程出错', en: 'Workflow error' },
};

export const offerStatusLabel = (s: OfferStatus, lang: Lang) => STATUS_LABELS[s][lang];

export const offerTitle = (r: Pick<Offer, 'candidateName' | 'post' | 'teamName'>): Record<Lang, string> => ({
  'zh-CN': `录用通知：${r.candidateName}（${enumName('post', r.post, 'zh-CN')}，${r.teamName}）`,
  en: `Offer: ${r.candidateName} (${enumName('post', r.post, 'en')}, ${r.teamName})`,
});

export function offerRows(r: Offer, lang: Lang): [string, string][] {
  const zh = lang === 'zh-CN';
  return [
    [zh ? '候选人' : 'Candidate', r.candidateName],
    [zh ? '岗位' : 'Post', `${enumName('post', r.post, lang)}（${r.teamName}）`],
    [zh ? '职级' : 'Level', enumName('level', r.level, lang)],
    [zh ? '基本工资' : 'Base salary', `${formatMoney(r.baseSalary, lang)}${zh ? '/月' : ' a month'}`],
    [zh ? '职级薪资范围' : 'Range on the ladder', `${formatMoney(r.salaryMin, lang)} – ${formatMoney(r.salaryMax, lang)}`],
    [zh ? '试用期' : 'Probation', zh ? `${r.probationMonths} 个月` : `${r.probationMonths} month(s)`],
    [zh ? '入职日期' : 'Start date', formatDate(r.startDate, lang)],
    [zh ? '最迟报到日期' : 'Report by', formatDate(r.reportBy, lang)],
  ];
}

export const offerConsolePath = (r: Pick<Offer, 'id'>) => `/#/offers/${r.id}/show`;

/** The candidate's page for the letter: read it, print it, accept or decline. */
export const offerLinkUrl = (deps: Pick<WorkflowDeps, 'publicUrl' | 'linkSecret'>, r: Pick<Offer, 'id' | 'linkNonce'>) =>
  `${deps.publicUrl}/a/offer/${signOfferLink({ offerId: r.id, nonce: r.linkNonce }, deps.linkSecret)}`;

/** The 录用通知书 to the candidate (zh-CN: candidates have no account and no language setting). */
export function letterMail(deps: WorkflowDeps, r: Offer): GuardedMail {
  const content = offerLetter({
    candidateName: r.candidateName, post: enumName('post', r.post, 'zh-CN'), teamName: r.teamName, level: enumName('level', r.level, 'zh-CN'),
    baseSalary: r.baseSalary, probationMonths: r.probationMonths, startDate: r.startDate, reportBy: r.reportBy, respondUrl: offerLinkUrl(deps, r),
  }, 'zh-CN');
  return guardMail(deps, { to: r.candidateEmail, content, ids: { offerId: r.id, kind: 'offer-letter' } });
}

/** HR and the requisition's requester hear what became of an offer (not the person who did it). */
export async function staffNotices(deps: WorkflowDeps, r: Offer, event: OfferEvent, extra: { byId?: string | null; comment?: string | null; openHeads?: number } = {}): Promise<GuardedMail[]> {
  const opening = await getOpening(deps.store, r.openingId);
  const [hr, requester] = await Promise.all([usersWithRole(deps.store, 'hr'), opening?.requesterId ? getUser(deps.store, opening.requesterId) : null]);
  const to = new Map<string, User>();
  for (const u of [...hr, ...(requester && requester.status === 'active' ? [requester] : [])]) if (u.id !== extra.byId) to.set(u.id, u);
  return [...to.values()].slice(0, 20).map((u) => guardMail(deps, {
    to: u.email,
    content: offerNotice({
      recipientName: u.name, title: offerTitle(r)[u.language], event, rows: offerRows(r, u.language).slice(0, 8),
      ...(extra.comment ? { comment: extra.comment } : {}),
      ...(extra.openHeads !== undefined ? { openHeads: extra.openHeads } : {}),
      openUrl: `${deps.publicUrl}${offerConsolePath(r)}`,
    }, u.language),
    ids: { offerId: r.id, kind: `offer-${event}`, userId: u.id },
  }));
}

/** The candidate is told, politely, that the offer lapsed or was withdrawn. */
export function candidateNotice(deps: WorkflowDeps, r: Offer, event: 'lapsed' | 'withdrawn'): GuardedMail {
  const content = offerToCandidate({ candidateName: r.candidateName, post: enumName('post', r.post, 'zh-CN'), teamName: r.teamName, event, reportBy: r.reportBy }, 'zh-CN');
  return guardMail(deps, { to: r.candidateEmail, content, ids: { offerId: r.id, kind: `offer-${event}-candidate` } });
}

/** Heads of an opening nobody holds: not filled, not held by an offer. */
export const freeHeads = (o: Pick<Opening, 'headcount' | 'filled' | 'held'>) => o.headcount - o.filled - (o.held ?? 0);

/** The opening with the offer's head free again (declined, lapsed, withdrawn, rejected). */
export function releaseHead(o: Opening, at: string): Opening {
  return { ...o, held: Math.max(0, (o.held ?? 0) - 1), updatedAt: at, version: o.version + 1 };
}

/**
 * The writes that end an offer without a hire (declined, lapsed, withdrawn, rejected): the
 * offer, its head free again, the candidate moved (out; or back to 待发offer after a withdrawal
 * or a refused salary, so HR may make them another offer), with what to tell whom.
 */
export async function endWithoutHire(
  deps: WorkflowDeps, before: Offer, next: Offer, event: 'declined' | 'lapsed' | 'withdrawn' | 'rejected', by: { id: string; name: string } | null, comment: string | null,
): Promise<{ writes: TxItem[]; mails: GuardedMail[]; opening: Opening | null }> {
  const at = next.updatedAt;
  const [opening, candidate] = await Promise.all([getOpening(deps.store, before.openingId), getCandidate(deps.store, before.candidateId)]);
  const released = opening ? releaseHead(opening, at) : null;
  const writes: TxItem[] = [];
  if (opening && released) writes.push(openingPut(deps.store, released, opening));
  if (candidate && candidate.offerId === before.id) {
    const again = event === 'withdrawn' || event === 'rejected';
    const moved: Candidate = {
      ...candidate, stage: again ? 'offer' : 'withdrawn', offerId: again ? null : candidate.offerId, updatedAt: at, version: candidate.version + 1,
      // Kept so that erasing the candidate later finds every offer naming them (candidate-retention.ts).
      ...(again ? { pastOfferIds: [...(candidate.pastOfferIds ?? []), before.id] } : {}),
    };
    writes.push(candidatePut(deps.store, moved, candidate));
  }
  const mails = await staffNotices(deps, next, event, { byId: by?.id ?? null, comment, ...(released ? { openHeads: freeHeads(released) } : {}) });
  // The candidate had a letter only once it was sent.
  if ((event === 'lapsed' || event === 'withdrawn') && before.status !== 'pending_approval') mails.push(candidateNotice(deps, next, event));
  return { writes, mails, opening: released };
}

export const offerDefinition: KindDefinition<Offer> = {
  kind: OFFER,
  auditEntity: 'offer',
  // The offer's own status says where it stands (sent, accepted…) while the window runs.
  runningStatus: (r) => r.status,
  openStatuses: OFFER_OPEN,
  key: (id) => requestKey(OFFER, id),
  load: (deps, id) => getRequest<Offer>(deps.store, OFFER, id),
  put: (deps, next, previous) => requestPut(deps.store, OFFER, next, previous),
  subjectEmployeeId: () => null,
  chain: offerChain,
  currentChain: async () => offerChain({ outsideLadder: true }),
  stepDueHours: (r) => r.stepDueHours,
  waitUntil: (r) => r.lapseAt,
  ccOnFinish: () => [],
  // Any HR member may take an offer back, not only the one who made it.
  mayWithdraw: (_r, actor) => actor.roles.includes('hr'),
  listed: { kindLabel: { 'zh-CN': '录用通知', en: 'Offer' }, title: offerTitle, statusLabels: STATUS_LABELS, consolePath: offerConsolePath },

  async describe(_deps, r): Promise<RequestSummary> {
    return {
      title: offerTitle(r),
      kindLabel: { 'zh-CN': '录用通知', en: 'Offer' },
      summary: { 'zh-CN': offerRows(r, 'zh-CN'), en: offerRows(r, 'en') },
      requester: r.requesterId ? { id: r.requesterId, name: r.requesterName ?? '' } : null,
      subjectEmployeeId: null,
      consolePath: offerConsolePath(r),
    };
  },

  async onDecision(deps, r, d) {
    // The GM approved the salary: the letter goes now.
    if (d.stepKey === GM_SALARY_STEP && d.decision === 'approve' && r.status === 'pending_approval') return { status: 'sent', sentAt: d.at };
    return {};
  },

  async decisionWrites(deps, before, after): Promise<KindWrites> {
    if (before.status === 'pending_approval' && after.status === 'sent') return { mails: [letterMail(deps, after)] };
    return {};
  },

  async onWithdraw(deps, before, after, w) {
    const withdrawal = { reason: w.reason, byName: w.actor.name, at: w.at };
    const ended = await endWithoutHire(deps, before, { ...after, withdrawal }, 'withdrawn', w.actor, w.reason);
    return { writes: ended.writes, mails: ended.mails, patch: { withdrawal } };
  },

  async finish(deps, r, outcome, finished) {
    // Answered, reported or withdrawn meanwhile: the end of the window changes nothing more.
    if (r.status === 'reported' || r.status === 'declined' || r.status === 'withdrawn') {
      const result = { outcome: r.status };
      await transact(deps.store, [requestPut(deps.store, OFFER, { ...r, currentStep: null, result, updatedAt: deps.now().toISOString(), version: r.version + 1 }, r), ...finished(r.status)]);
      return result;
    }
    for (let attempt = 0; ; attempt++) {
      const current = attempt === 0 ? r : await getRequest<Offer>(deps.store, OFFER, r.id);
      if (!current) throw new DomainError('WORKFLOW.REQUEST_NOT_FOUND', 'id');
      const at = deps.now().toISOString();
      // Reported or answered at the last moment: that stands.
      if (!OFFER_OPEN.includes(current.status)) return { outcome: current.status };
      const status: OfferStatus = outcome === 'approved' ? 'lapsed' : outcome === 'rejected' ? 'rejected' : 'failed';
      const result = { outcome: status };
      const next: Offer = { ...current, status, currentStep: null, result, updatedAt: at, version: current.version + 1 };
      const ended = status === 'failed' ? { writes: [], mails: [] } : await endWithoutHire(deps, current, next, status, null, null);
      try {
        await transact(deps.store, [
          { ...requestPut(deps.store, OFFER, next, current), ...(status === 'lapsed' ? { counts: funnelCount('lapsed', at) } : {}) },
          ...ended.writes, ...ended.mails.map((m) => m.tx), ...finished(status),
        ]);
      } catch (err) {
        // The candidate answered, HR reported or the opening moved at the same moment: read again.
        if (err instanceof DomainError && err.code === 'RECORD.VERSION_CONFLICT' && attempt < 5) continue;
        throw err;
      }
      await Promise.all(ended.mails.map((m) => sendGuarded(deps, m)));
      return result;
    }
  },
};

export const offerKind = chainKind(offerDefinition);
