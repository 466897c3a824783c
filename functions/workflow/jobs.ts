/**
 * The scheduled jobs, one list: the CDK stack makes an EventBridge Scheduler schedule of each,
 * the workflow Lambda runs them by name, and the local runtime runs them on its clock. A job
 * is idempotent and returns what it did.
 */
import { eraseCandidates } from './candidate-retention.js';
import { remindInterviews } from './interview-reminders.js';
import { openDueReviews } from './kinds/probation-start.js';
import type { WorkflowDeps } from './kinds.js';
import { flushOutbox } from './notify.js';
import { offboardingDays } from './offboarding.js';
import { remindOnboarding } from './onboarding-reminders.js';
import { resumeAll } from './resume.js';
import { startPending } from './start.js';
import { deliverWebhooks } from './webhook-delivery.js';

export type JobSchedule =
  /** Once a day at this hour and minute, company time (Asia/Shanghai, UTC+8 all year). */
  | { dailyAt: { hour: number; minute: number } }
  /** Every this many minutes. */
  | { everyMinutes: number };

export interface ScheduledJob {
  /** The payload's `task` when the scheduler invokes the workflow function. */
  name: string;
  description: string;
  schedule: JobSchedule;
  /** Locally, rate jobs may run more often than in the cloud (a developer waits for mail). */
  localEveryMinutes?: number;
  /** Retries of the scheduler's invocation; 0 for a job the next run repeats anyway. */
  retryAttempts: number;
  run(deps: WorkflowDeps): Promise<unknown>;
}

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: 'openDueReviews',
    description: 'open scheduled probation reviews before the end date (POLICIES.md §3)',
    // 01:00 company time, when nobody is approving.
    schedule: { dailyAt: { hour: 1, minute: 0 } },
    retryAttempts: 2,
    run: async (deps) => ({ opened: await openDueReviews(deps) }),
  },
  {
    name: 'flushOutbox',
    description: 'send mail the transport refused or a crash left behind (functions/storage/outbox.ts)',
    schedule: { everyMinutes: 5 },
    localEveryMinutes: 0.25,
    retryAttempts: 0,
    run: (deps) => flushOutbox(deps),
  },
  {
    name: 'deliverWebhooks',
    description: 'send webhook deliveries that are due, retrying with backoff (functions/workflow/webhook-delivery.ts)',
    // Every minute, the shortest a schedule allows: receivers hear of a change within about a minute.
    schedule: { everyMinutes: 1 },
    localEveryMinutes: 0.25,
    retryAttempts: 0,
    run: (deps) => deliverWebhooks(deps),
  },
  {
    name: 'startPending',
    description: 'start the executions of requests whose start a crash interrupted (functions/workflow/start.ts)',
    schedule: { everyMinutes: 5 },
    localEveryMinutes: 1,
    retryAttempts: 0,
    run: (deps) => startPending(deps),
  },
  {
    name: 'resumeDecided',
    description: 'send decisions recorded but not yet sent to their execution (functions/workflow/resume.ts)',
    schedule: { everyMinutes: 5 },
    localEveryMinutes: 1,
    retryAttempts: 0,
    run: async (deps) => ({ resumed: await resumeAll(deps, { olderThanMs: 60_000 }) }),
  },
  {
    name: 'remindInterviews',
    description: 'remind interviewers and the candidate before an interview, once (recruitment policy interviewReminderHours; functions/workflow/interview-reminders.ts)',
    schedule: { everyMinutes: 60 },
    localEveryMinutes: 5,
    retryAttempts: 0,
    run: (deps) => remindInterviews(deps),
  },
  {
    name: 'remindOnboarding',
    description: 'remind the owners of overdue onboarding checklist items, once a day (POLICIES.md §2; functions/workflow/onboarding-reminders.ts)',
    // 09:00 company time: at the start of the working day, when the owner can act on it.
    schedule: { dailyAt: { hour: 9, minute: 0 } },
    retryAttempts: 2,
    run: (deps) => remindOnboarding(deps),
  },
  {
    name: 'offboardingDays',
    description: 'remind the owners of unsigned handover and inventory items before a leaver’s last day, and do the last day’s work once it is over: terminated, account disabled, tasks and reports moved (offboarding policy; functions/workflow/offboarding.ts)',
    // 00:15 company time: the first run after a last day ends (the leaver works all of it).
    schedule: { dailyAt: { hour: 0, minute: 15 } },
    retryAttempts: 2,
    run: (deps) => offboardingDays(deps),
  },
  {
    name: 'eraseCandidates',
    description: 'erase the personal data of candidates not hired after the retention period (recruitment policy candidateRetentionDays; functions/workflow/candidate-retention.ts)',
    // 02:30 company time: after the night's reviews open, before anyone works.
    schedule: { dailyAt: { hour: 2, minute: 30 } },
    retryAttempts: 2,
    run: (deps) => eraseCandidates(deps),
  },
];

const COMPANY_UTC_OFFSET_MS = 8 * 3600_000;

/** The first time after `afterMs` a daily job runs (company time is UTC+8 all year). */
export function nextDailyRun(at: { hour: number; minute: number }, afterMs: number): number {
  const local = afterMs + COMPANY_UTC_OFFSET_MS;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  let run = dayStart + (at.hour * 60 + at.minute) * 60_000;
  if (run <= local) run += 86_400_000;
  return run - COMPANY_UTC_OFFSET_MS;
}

export function jobNamed(name: string): ScheduledJob | undefined {
  return SCHEDULED_JOBS.find((job) => job.name === name);
}
