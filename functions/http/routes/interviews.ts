/**
 * Scheduling interviews (面试, POLICIES.md §2 step 4; seed 000 第三章): HR names the time, the
 * place (a room or an online link) and the interviewers of a candidate's round. Round 1 starts
 * the candidate's hiring request (workflow/kinds/hiring.ts); a later round is scheduled when the
 * request waits for it, and HR's scheduling step completes with it. The interviewers are asked
 * (mailed) by the engine; they answer through POST /approvals/{id}/decision with a score, a
 * recommendation and notes. GET /interviews is 面试安排: the rounds of a stretch of days
 * (interview-schedule.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '../../domain/errors.js';
import { SCHEDULE_DEFAULT_DAYS, SCHEDULE_MAX_DAYS, scheduleRange } from '../../domain/recruitment/interview-schedule.js';
import { getTasks, listSteps } from '../../storage/approvals.js';
import { candidatePut, getCandidate } from '../../storage/candidates.js';
import { funnelCount } from '../../storage/counters.js';
import { getEmployees } from '../../storage/employees.js';
import { getOpening } from '../../storage/openings.js';
import { getPolicy } from '../../storage/policies.js';
import { getRequest } from '../../storage/requests.js';
import { findUserByEmployee } from '../../storage/users.js';
import { checkOpeningTakesCandidates } from '../../domain/recruitment/candidate.js';
import { decide } from '../../workflow/decisions.js';
import { HIRING, hiringStatusLabel, scheduleKey, scheduleRound, startHiring, type HiringRequest, type Interview } from '../../workflow/kinds/hiring.js';
import { actorOf, newRouter, principalOf } from '../env.js';
import { requires, signedIn } from '../middleware/requires.js';
import { json, jsonBody, lineText, problemResponses } from '../schemas.js';
import { ScheduleItemSchema, interviewSchedule } from './interview-schedule.js';

const ScheduleInterview = z.object({
  candidateId: z.string().min(1).max(64),
  round: z.number().int().min(1).openapi({ description: 'The round (1 starts the candidate’s interviews; the recruitment policy says how many there are)' }),
  at: z.string().datetime({ offset: true }).openapi({ description: 'When, ISO-8601 with its offset (2026-12-10T10:00:00+08:00); not in the past' }),
  place: lineText(500).openapi({ description: 'A room, or an online meeting’s link' }),
  interviewerIds: z.array(z.string().min(1).max(64)).min(1).max(10).openapi({ description: 'Employee ids of the interviewers (each with an active account)' }),
}).strict().openapi('ScheduleInterview');

const ScheduledSchema = z.object({
  hiringId: z.string().openapi({ description: 'The candidate’s hiring request (kind `hiring` in /requests/{kind}/…)' }),
  candidateId: z.string(), round: z.number().int(), at: z.string(), place: z.string(),
  interviewers: z.array(z.object({ employeeId: z.string().nullable(), name: z.string() })),
  status: z.string(), statusLabel: z.string(), currentStep: z.string().nullable(),
}).openapi('ScheduledInterview');

const RangeEnd = (end: string) => z.string().min(1).max(40).optional().openapi({
  description: `${end}: a date (company time, the whole day) or a date-time with its offset (encode \`+\` as %2B)`, example: '2026-12-10',
});

const ScheduleQuery = z.object({
  from: RangeEnd('From'), to: RangeEnd('To, inclusive'),
  mine: z.enum(['true', 'false']).default('false').openapi({ description: '`true`: only the rounds I interview' }),
});

export function interviewsRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/', operationId: 'listInterviews', tags: ['recruitment'],
      summary: '面试安排: the scheduled rounds from `from` to `to`, soonest first — every round for HR, the rounds I interview, and those of the openings whose candidates I see',
      description:
        `Without \`from\`: from the start of today (company time); without \`to\`: ${SCHEDULE_DEFAULT_DAYS} days on. At most ${SCHEDULE_MAX_DAYS} days (else 400 INTERVIEW.RANGE_TOO_LONG naming \`to\`); ` +
        '`to` before `from` is 400 INTERVIEW.RANGE_ORDER naming `to`; a value that is neither a date nor a date-time with its offset is 400 INTERVIEW.RANGE_FORMAT naming it. ' +
        'Rounds that took place stay listed (their process may have ended: `status`). An API key needs `recruitment:manage` and sees every round.',
      middleware: [signedIn({ apiKeys: 'recruitment:manage' })] as const,
      request: { query: ScheduleQuery },
      responses: { 200: json(z.object({ items: z.array(ScheduleItemSchema) }).openapi('InterviewSchedule')), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      const p = principalOf(c);
      const q = c.req.valid('query');
      const range = scheduleRange({ from: q.from, to: q.to }, c.get('deps').now());
      return c.json({ items: await interviewSchedule(c, p, range, q.mine === 'true') }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/', operationId: 'scheduleInterview', tags: ['recruitment'],
      summary: 'HR schedules a candidate’s interview round: round 1 starts their hiring request; a later round when the request waits for it',
      middleware: [requires('recruitment:manage')] as const,
      request: { body: jsonBody(ScheduleInterview) },
      responses: { 201: json(ScheduledSchema, 'Scheduled'), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const lang = c.get('lang');
      if (Date.parse(body.at) < deps.now().getTime()) throw new DomainError('INTERVIEW.AT_PAST', 'at');
      const [candidate, policy] = await Promise.all([getCandidate(deps.store, body.candidateId), getPolicy(deps.store, 'recruitment')]);
      if (!candidate) throw new DomainError('CANDIDATE.NOT_FOUND', 'candidateId');
      const opening = await getOpening(deps.store, candidate.openingId);
      if (!opening) throw new DomainError('OPENING.NOT_FOUND', 'candidateId');
      // An interview for a candidate of a closed opening is refused, as adding one is.
      checkOpeningTakesCandidates(opening.status, lang);
      const rounds = policy.values.interviewRounds.length;
      if (body.round > rounds) throw new DomainError('INTERVIEW.ROUND_RANGE', 'round', { rounds });

      // The interviewers: employees with an active account (they decide in 待我审批 and by mail).
      const ids = [...new Set(body.interviewerIds)];
      const [employees, users] = await Promise.all([getEmployees(deps.store, ids), Promise.all(ids.map((id) => findUserByEmployee(deps.store, id)))]);
      const unknown = ids.filter((id, i) => !employees.some((e) => e.id === id && (e.status === 'regular' || e.status === 'probation')) || users[i]?.status !== 'active');
      if (unknown.length) throw new DomainError('INTERVIEW.INTERVIEWER_UNKNOWN', 'interviewerIds', { ids: unknown.join(', ') });
      const interviewers = ids.map((id, i) => ({ userId: users[i]!.id, employeeId: id, name: employees.find((e) => e.id === id)!.name }));
      const interview: Omit<Interview, 'round' | 'scheduledById' | 'scheduledByName' | 'scheduledAt'> = { at: body.at, place: body.place, interviewers };
      const by = actorOf(p);

      let hiring: HiringRequest;
      if (body.round === 1) {
        if (candidate.hiringId) throw new DomainError('INTERVIEW.ALREADY_STARTED', 'round');
        const at = deps.now().toISOString();
        hiring = await startHiring(deps.workflow, {
          candidate: { id: candidate.id, name: candidate.name, email: candidate.email },
          opening: { id: opening.id, post: opening.post, teamName: opening.teamName, scopePath: opening.scopePath },
          policy: policy as { version: number; values: typeof policy.values }, by, interview,
          // The candidate points at their process and is in interviews, in the same transaction.
          extra: [],
          candidateUpdate: (id) => [{ ...candidatePut(deps.store, { ...candidate, hiringId: id, stage: 'interview', updatedAt: at, version: candidate.version + 1 }, candidate), counts: funnelCount('interviewed', at) }],
        });
      } else {
        const current = candidate.hiringId ? await getRequest<HiringRequest>(deps.store, HIRING, candidate.hiringId) : null;
        if (!current) throw new DomainError('INTERVIEW.NOT_WAITING', 'round', { round: body.round });
        if (body.round > current.rounds.length) throw new DomainError('INTERVIEW.ROUND_RANGE', 'round', { rounds: current.rounds.length });
        // HR's scheduling task for this round, held by the caller.
        const steps = await listSteps(deps.store, HIRING, current.id);
        const step = steps.find((s) => s.stepKey === scheduleKey(body.round) && s.status === 'pending');
        const task = step ? (await getTasks(deps.store, step.taskIds)).find((t) => t.approverId === p.id && t.status === 'pending') : undefined;
        if (!task) throw new DomainError('INTERVIEW.NOT_WAITING', 'round', { round: body.round });
        hiring = await scheduleRound(deps.workflow, current, { ...interview, round: body.round, scheduledById: by.id, scheduledByName: by.name });
        await decide(deps.workflow, {
          taskId: task.id, actor: by, decision: 'approve', channel: c.get('channel'),
          comment: lang === 'zh-CN' ? `已安排第 ${body.round} 轮面试` : `Round ${body.round} scheduled`,
        });
      }
      return c.json({
        hiringId: hiring.id, candidateId: candidate.id, round: body.round, at: body.at, place: body.place,
        interviewers: interviewers.map((i) => ({ employeeId: i.employeeId, name: i.name })),
        status: hiring.status, statusLabel: hiringStatusLabel(hiring.status, lang), currentStep: hiring.currentStep,
      }, 201);
    },
  );

  return app;
}
