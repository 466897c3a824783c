/**
 * The scheduled jobs (functions/workflow/jobs.ts) on one machine. Daily jobs run on the
 * runtime's clock — at their hour, company time, and once at start to catch up on days the
 * machine was off — so advancing a controllable clock by ten days runs each ten times, each at
 * its own time. Rate jobs (the outbox) run on real time, reading the clock, and once more after
 * every advance: over ten days a rate job every few minutes would only repeat itself.
 */
import { SCHEDULED_JOBS, nextDailyRun, type ScheduledJob } from '../../functions/workflow/jobs.js';
import type { WorkflowDeps } from '../../functions/workflow/kinds.js';
import type { Clock } from './clock.js';

export interface LocalJobs {
  /** Runs every rate job once (after the clock was advanced). */
  runRateJobs(): Promise<void>;
  stop(): void;
}

/**
 * `hold` wraps each run of a rate job (quiesce.ts: a backup holds them); daily jobs are held by
 * their clock. Never both: a run held twice could wait on itself.
 */
export function scheduleJobs(
  clock: Clock,
  deps: WorkflowDeps,
  jobs: readonly ScheduledJob[] = SCHEDULED_JOBS,
  hold: (run: () => Promise<void>) => Promise<void> = (run) => run(),
): LocalJobs {
  const stops: (() => void)[] = [];
  let stopped = false;
  const run = async (job: ScheduledJob) => {
    if (stopped) return;
    try {
      await job.run(deps);
    } catch (err) {
      deps.log('error', 'scheduled job failed', { job: job.name, error: err instanceof Error ? err.message : String(err) });
    }
  };
  for (const job of jobs) {
    const { schedule } = job;
    if ('dailyAt' in schedule) {
      const next = () => {
        if (stopped) return;
        stops.push(clock.at(nextDailyRun(schedule.dailyAt, clock.now().getTime()), async () => {
          await run(job);
          next();
        }));
      };
      void run(job);
      next();
    } else {
      const timer = setInterval(() => void hold(() => run(job)), (job.localEveryMinutes ?? schedule.everyMinutes) * 60_000);
      timer.unref();
      stops.push(() => clearInterval(timer));
    }
  }
  return {
    runRateJobs: async () => {
      for (const job of jobs) if ('everyMinutes' in job.schedule) await run(job);
    },
    stop: () => {
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}
