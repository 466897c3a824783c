/**
 * Reminders before an interview (#14; POLICIES.md §2 step 4): a round starting within the
 * recruitment policy's `interviewReminderHours` (gap: 24) reminds its interviewers (their
 * language) and the candidate (zh-CN, with the calendar entry again), once — the slot is marked
 * in the transaction that puts the mails in the outbox. A round rescheduled since, or a process
 * that ended (not hired, withdrawn), reminds no one. Runs hourly (jobs.ts); idempotent.
 */
import { interviewReminder } from '../email/templates/index.js';
import { enumName } from '../email/values.js';
import { getCandidate } from '../storage/candidates.js';
import { interviewSlotReminded, upcomingInterviews } from '../storage/interview-slots.js';
import { getPolicy } from '../storage/policies.js';
import { getRequest } from '../storage/requests.js';
import { transact } from '../storage/transact.js';
import { getUsersByIds } from '../storage/users.js';
import { candidateInvitation, HIRING, type HiringRequest } from './kinds/hiring.js';
import type { WorkflowDeps } from './kinds.js';
import { guardMail, sendGuarded, type GuardedMail } from './notify.js';

export async function remindInterviews(deps: WorkflowDeps): Promise<{ reminded: number }> {
  const policy = await getPolicy(deps.store, 'recruitment');
  const now = deps.now();
  const to = new Date(now.getTime() + policy.values.interviewReminderHours * 3600_000).toISOString();
  let reminded = 0;
  for (const slot of await upcomingInterviews(deps.store, now.toISOString(), to)) {
    if (slot.remindedAt) continue;
    const r = await getRequest<HiringRequest>(deps.store, HIRING, slot.hiringId);
    const interview = r?.interviews.find((i) => i.round === slot.round);
    // Ended, or moved (its slot was replaced; this one is stale).
    if (!r || r.status !== 'interviewing' || !interview || new Date(interview.at).toISOString() !== slot.at) continue;
    const [users, candidate] = await Promise.all([getUsersByIds(deps.store, interview.interviewers.map((p) => p.userId)), getCandidate(deps.store, r.candidateId)]);
    const round = r.rounds[slot.round - 1];
    const mails: GuardedMail[] = users.filter((u) => u.status === 'active').map((u) => guardMail(deps, {
      to: u.email,
      content: interviewReminder({
        recipientName: u.name, candidateName: r.candidateName, post: enumName('post', r.post, u.language),
        roundLabel: round ? (u.language === 'zh-CN' ? round.labelZh : round.labelEn) : `#${slot.round}`,
        at: interview.at, place: interview.place, openUrl: `${deps.publicUrl}/#/candidates/${r.candidateId}/show`,
      }, u.language),
      ids: { hiringId: r.id, kind: `interview-${slot.round}-reminder`, userId: u.id },
    }));
    const toCandidate = candidateInvitation(deps, r, interview, candidate?.email ?? null, 'reminder');
    if (toCandidate) mails.push(toCandidate);
    try {
      await transact(deps.store, [interviewSlotReminded(deps.store, slot, now.toISOString()), ...mails.map((m) => m.tx)]);
    } catch (err) {
      // Another run reminded it, or it moved meanwhile: nothing to send.
      deps.log('info', 'interview reminder skipped', { hiringId: slot.hiringId, round: slot.round, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    await Promise.all(mails.map((m) => sendGuarded(deps, m)));
    reminded += 1;
  }
  return { reminded };
}
