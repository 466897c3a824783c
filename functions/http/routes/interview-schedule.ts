/**
 * 面试安排 (GET /interviews, #14): the scheduled rounds of a stretch of days, soonest first, for
 * whoever has a part in them. Who sees a round follows candidate-access.ts: HR and administrators
 * (`recruitment:manage`) every round; a reader of recruitment (`recruitment:read`) the rounds of
 * the openings whose candidates they see (the requisition's requester and its approvers); and
 * anyone the rounds they interview (named, answered, or holding its task after a transfer) — an
 * interviewer reads in their schedule what their ask already tells them, and no one else's score
 * unless they may see the candidate.
 *
 * Reads: one Query on the slot index for the range, a BatchGet of the hiring requests and one
 * Query of the reader's pending tasks (their `myTaskId`); for a reader of recruitment who is not
 * HR, a BatchGet of the openings and, per requisition they did not raise, the check
 * candidate-access.ts makes (its steps and tasks).
 */
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { can, type Principal } from '../../domain/auth/roles.js';
import { ROUND_STATUSES, roundStatus, roundStatusLabel } from '../../domain/recruitment/interview-schedule.js';
import { enumName } from '../../email/values.js';
import { listInbox, type ApprovalTask } from '../../storage/approvals.js';
import type { Store } from '../../storage/client.js';
import { interviewSlotsBetween } from '../../storage/interview-slots.js';
import { getOpenings } from '../../storage/openings.js';
import { getRequests } from '../../storage/requests.js';
import { HIRING, HIRING_STATUSES, RECOMMENDATIONS, hiringStatusLabel, roundKey, type HiringRequest, type Interview } from '../../workflow/kinds/hiring.js';
import type { AppEnv } from '../env.js';
import { seesCandidatesOf } from './candidate-access.js';
import { recommendationLabel } from './candidate-hiring.js';

const InterviewerSchema = z.object({
  employeeId: z.string().nullable().openapi({ description: 'Null for someone who answered in another’s place (a transfer)' }),
  name: z.string(),
  answered: z.boolean(),
  score: z.number().int().optional().openapi({ description: 'Their score (0–100), for a reader who may see the candidate, or the reader’s own' }),
  recommendation: z.enum(RECOMMENDATIONS).optional(),
  recommendationLabel: z.string().optional(),
});

export const ScheduleItemSchema = z.object({
  hiringId: z.string().openapi({ description: 'The candidate’s hiring request (kind `hiring`)' }),
  candidateId: z.string(),
  candidateName: z.string(),
  candidateVisible: z.boolean().openapi({ description: 'Whether the reader may open the candidate (GET /candidates/{id}): HR, the requisition’s chain, and the round’s interviewers (who see only their own scores)' }),
  openingId: z.string(),
  post: z.string().openapi({ description: 'The post’s key (`agent`)' }),
  postLabel: z.string(),
  teamName: z.string(),
  round: z.number().int(),
  roundLabel: z.string(),
  at: z.string().openapi({ description: 'When, ISO-8601 with the offset it was scheduled with' }),
  place: z.string().openapi({ description: 'A room, or an online meeting’s link' }),
  interviewers: z.array(InterviewerSchema),
  myTaskId: z.string().nullable().openapi({ description: 'The reader’s pending task for this round: answer it with POST /approvals/{id}/decision {decision, score, recommendation, notes, comment}' }),
  status: z.enum(ROUND_STATUSES).openapi({ description: '`asking`: answers outstanding; `done`: the round is complete; `ended`: the process ended before it completed' }),
  statusLabel: z.string(),
  hiringStatus: z.enum(HIRING_STATUSES),
  hiringStatusLabel: z.string(),
}).openapi('InterviewScheduleItem');

type Item = z.infer<typeof ScheduleItemSchema>;
type Lang = 'zh-CN' | 'en';

/** The reader's pending tasks on hiring requests (one Query of their inbox, paged). */
async function pendingHiringTasks(store: Store, userId: string): Promise<ApprovalTask[]> {
  const out: ApprovalTask[] = [];
  let cursor: string | undefined;
  do {
    const page = await listInbox(store, { userId, state: 'pending', limit: 100, cursor });
    out.push(...page.items.filter((t) => t.requestKind === HIRING));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The rounds scheduled from `from` to `to` (ISO-8601 UTC) the reader may see, soonest first; `mine`: only those they interview. */
export async function interviewSchedule(c: Context<AppEnv>, p: Principal, range: { from: string; to: string }, mine: boolean): Promise<Item[]> {
  const { store } = c.get('deps');
  const lang = c.get('lang');
  const me = p.kind === 'user' ? p.id : null;
  const slots = await interviewSlotsBetween(store, range.from, range.to);
  const [hirings, tasks] = await Promise.all([
    getRequests<HiringRequest>(store, HIRING, slots.map((s) => s.hiringId)),
    me ? pendingHiringTasks(store, me) : Promise.resolve([]),
  ]);
  const byId = new Map(hirings.map((h) => [h.id, h]));
  const rows = slots.flatMap((slot) => {
    const hiring = byId.get(slot.hiringId);
    const interview = hiring?.interviews.find((i) => i.round === slot.round);
    if (!hiring || !interview) return [];
    const task = tasks.find((t) => t.requestId === hiring.id && t.stepKey === roundKey(slot.round));
    const interviews = !!me && (!!task || interview.interviewers.some((i) => i.userId === me) || (hiring.answers[String(slot.round)] ?? []).some((a) => a.userId === me));
    return [{ hiring, interview, myTaskId: task?.id ?? null, interviews }];
  });

  // Whose candidates the reader sees, by opening: everyone's for HR; for a reader of recruitment, candidate-access.ts decides.
  const manages = can(p, 'recruitment:manage');
  const visibleOpenings = new Set<string>();
  if (!manages && can(p, 'recruitment:read')) {
    const openings = await getOpenings(store, rows.map((r) => r.hiring.openingId));
    const seen = await Promise.all(openings.map(async (o) => ((await seesCandidatesOf(c, p, o)) ? o.id : null)));
    for (const id of seen) if (id) visibleOpenings.add(id);
  }
  const seesCandidate = (h: HiringRequest) => manages || visibleOpenings.has(h.openingId);

  return rows
    .filter((r) => (mine ? r.interviews : r.interviews || seesCandidate(r.hiring)))
    // An interviewer opens their candidate (candidate-access.ts) but sees only their own scores.
    .map((r) => present(r.hiring, r.interview, { me, myTaskId: r.myTaskId, candidateVisible: seesCandidate(r.hiring) || r.interviews, scoresVisible: seesCandidate(r.hiring) }, lang));
}

function present(h: HiringRequest, i: Interview, reader: { me: string | null; myTaskId: string | null; candidateVisible: boolean; scoresVisible: boolean }, lang: Lang): Item {
  const answers = h.answers[String(i.round)] ?? [];
  const scoreOf = (userId: string) => {
    const a = answers.find((x) => x.userId === userId);
    // Scores are for those who see the candidate's page; an interviewer sees their own only.
    return a && (reader.scoresVisible || userId === reader.me) ? { score: a.score, recommendation: a.recommendation, recommendationLabel: recommendationLabel(a.recommendation, lang) } : {};
  };
  const named = i.interviewers.map((x) => ({ employeeId: x.employeeId, name: x.name, answered: answers.some((a) => a.userId === x.userId), ...scoreOf(x.userId) }));
  // Someone who answered in a named interviewer's place (a transfer) is listed after them.
  const others = answers.filter((a) => !i.interviewers.some((x) => x.userId === a.userId)).map((a) => ({ employeeId: null, name: a.name, answered: true, ...scoreOf(a.userId) }));
  const round = h.rounds[i.round - 1];
  const status = roundStatus(h, roundKey(i.round));
  return {
    hiringId: h.id, candidateId: h.candidateId, candidateName: h.candidateName, candidateVisible: reader.candidateVisible,
    openingId: h.openingId, post: h.post, postLabel: enumName('post', h.post, lang), teamName: h.teamName,
    round: i.round, roundLabel: round ? (lang === 'zh-CN' ? round.labelZh : round.labelEn) : `#${i.round}`, at: i.at, place: i.place,
    interviewers: [...named, ...others], myTaskId: reader.myTaskId,
    status, statusLabel: roundStatusLabel(status, lang), hiringStatus: h.status, hiringStatusLabel: hiringStatusLabel(h.status, lang),
  };
}
