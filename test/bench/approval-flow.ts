/**
 * Drives probation reviews of the demo department through their whole chain on the local
 * runtime, as the people would: a supervisor starts an early review for a trainee, each
 * approver finds the task in their inbox and approves it over the API. Each decision that
 * hands over to a next approver is timed from the POST to that approver's email showing in
 * the mail catcher (figure 4); the finished executions are what figure 6 prices.
 */
import { DescribeExecutionCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { localClientConfig } from '../../infra/local/dynamodb.js';
import { recordCalls, type RecordedCall } from './recorder.js';
import { newestMail, signIn, until, type Api, type BenchRuntime } from './runtime.js';

interface Person {
  email: string;
  name: string;
  role: string;
  api: Api;
}

interface Task {
  id: string;
  requestId: string;
  stepKey: string;
}

interface Review {
  id: string;
  employeeName: string;
  status: string;
  chain: { key: string; label: string; records: string | null }[];
}

export interface Handover {
  fromStep: string;
  /** POST sent → next approver's email listed by the mail catcher. */
  roundTripMs: number;
  /** The decision request alone. */
  requestMs: number;
  /** The app's storage calls from the POST until the next approver is asked and mailed (read once, issue #11). */
  storageCalls: number;
}

export interface Conversion {
  reviewId: string;
  executionArn: string;
  handovers: Handover[];
}

const SCORES = { scores: { dailyPerformance: 95, professionalTest: 92, interview: 90 }, attendance: { personalLeaveCount: 0, lateCount: 0, earlyLeaveCount: 0 } };
const MAIL_POLL_MS = 10;

/** Everyone who can be asked in the probation chain, signed in once. */
async function approvers(rt: BenchRuntime): Promise<Person[]> {
  const logins = rt.runtime.demoLogins.filter((l) => ['supervisor', 'cs_manager', 'gm', 'hr'].includes(l.role));
  return Promise.all(logins.map(async (l) => ({ email: l.email, name: l.name, role: l.role, api: (await signIn(rt.runtime, l.email, l.password)).api })));
}

/** Starts up to `count` early reviews, each by the supervisor above the trainee. */
async function startReviews(people: Person[], count: number): Promise<{ review: Review; supervisor: Person }[]> {
  const started: { review: Review; supervisor: Person }[] = [];
  for (const supervisor of people.filter((p) => p.role === 'supervisor')) {
    const { items } = await supervisor.api<{ items: { id: string }[] }>('/employees?status=probation&limit=200');
    for (const trainee of items) {
      if (started.length >= count) return started;
      try {
        const review = await supervisor.api<Review>('/probation-reviews', { employeeId: trainee.id, kind: 'early' });
        started.push({ review, supervisor });
      } catch {
        // Too early (under a month of service) or already under review: the next one.
      }
    }
  }
  if (started.length === 0) throw new Error('no demo trainee could be put up for an early review');
  return started;
}

async function pendingTask(people: Person[], reviewId: string, stepKey: string): Promise<{ person: Person; task: Task }> {
  return until(async () => {
    for (const person of people) {
      const { items } = await person.api<{ items: Task[] }>('/approvals?limit=50');
      const task = items.find((t) => t.requestId === reviewId && t.stepKey === stepKey);
      if (task) return { person, task };
    }
    return undefined;
  }, `the ${stepKey} task of review ${reviewId}`, 30_000, 100);
}

/**
 * Up to `count` reviews, started together and then decided one decision at a time (so each
 * round trip is measured alone), every step approved: each ends as a conversion.
 */
export async function runConversions(rt: BenchRuntime, count: number, log: (m: string) => void): Promise<Conversion[]> {
  const people = await approvers(rt);
  const started = await startReviews(people, count);
  // Every execution has asked its first approver before any decision is timed.
  for (const { review } of started) await pendingTask(people, review.id, review.chain[0]!.key);
  log(`  ${started.length} early probation reviews started`);
  const stateMachineArn = await approvalStateMachine(rt);
  const sfn = sfnClient(rt);
  const out: Conversion[] = [];
  for (const { review, supervisor } of started) {
    const handovers: Handover[] = [];
    const chain = review.chain;
    for (const [i, step] of chain.entries()) {
      const { person, task } = await pendingTask(people, review.id, step.key);
      const next = chain[i + 1];
      const seen = new Set((await newestMail(rt.runtime)).map((m) => m.id));
      const subject = `转正评审：${review.employeeName}`;
      const t0 = performance.now();
      let requestMs = 0;
      let roundTripMs = 0;
      const { calls } = await recordCalls(rt.runtime.store, async () => {
        await person.api(`/approvals/${task.id}/decision`, { decision: 'approve', comment: '同意', ...(step.records === 'scores' ? SCORES : {}) });
        requestMs = performance.now() - t0;
        if (!next) return;
        await until(
          async () => (await newestMail(rt.runtime)).find((m) => !seen.has(m.id) && m.subject.includes(subject) && m.subject.endsWith(`— ${next.label}`)),
          `the ${next.key} approver's email for review ${review.id}`,
          30_000,
          MAIL_POLL_MS,
        );
        roundTripMs = performance.now() - t0;
        // The sent mail leaves the outbox just after it is delivered: the hand-over's last call.
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      if (!next) break;
      handovers.push({ fromStep: step.key, roundTripMs, requestMs, storageCalls: handoverCalls(calls).length });
    }
    // Finished: the outcome mails and CC notices are sent before the execution ends, so the
    // next review's first decision is not timed against this one's tail.
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:probation-${review.id}`;
    const status = await until(async () => {
      const { status: s } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      return s === 'RUNNING' ? undefined : s;
    }, `the execution of review ${review.id} to end`);
    const final = await supervisor.api<Review>(`/probation-reviews/${review.id}`);
    if (status !== 'SUCCEEDED' || final.status !== 'converted') throw new Error(`review ${review.id} ended as ${final.status} (execution ${status}), not a conversion`);
    out.push({ reviewId: review.id, executionArn, handovers });
    log(`  review ${out.length}/${started.length} converted: ${handovers.map((h) => `${h.fromStep} ${h.roundTripMs.toFixed(0)} ms`).join(', ')}`);
  }
  sfn.destroy();
  const list = finished.get(rt) ?? [];
  list.push(...out);
  finished.set(rt, list);
  return out;
}

/**
 * The app's calls of one hand-over: not the local Step Functions endpoint's own records
 * (`SFN#…`: AWS's internals in the cloud), nor the scheduled jobs' sweeps that may run meanwhile.
 */
export function handoverCalls(calls: RecordedCall[]): RecordedCall[] {
  return calls.filter((c) => {
    const text = JSON.stringify(c.input);
    if (text.includes('SFN#')) return false;
    return !(c.command === 'QueryCommand' && /":pk":\{"S":"(OUTBOX|STARTS|RESUME)"/.test(text));
  });
}

/** Conversions already run on a runtime (figure 6 prices those of figure 4 when both run). */
const finished = new WeakMap<BenchRuntime, Conversion[]>();

export function conversionsDone(rt: BenchRuntime): Conversion[] {
  return finished.get(rt) ?? [];
}

export function sfnClient(rt: BenchRuntime): SFNClient {
  return new SFNClient(localClientConfig(rt.runtime.stepFunctionsEndpoint));
}

async function approvalStateMachine(rt: BenchRuntime): Promise<string> {
  const sfn = sfnClient(rt);
  try {
    const { stateMachines } = await sfn.send(new ListStateMachinesCommand({}));
    const arn = stateMachines?.find((m) => m.name === 'cs-approval')?.stateMachineArn;
    if (!arn) throw new Error('the local Step Functions endpoint has no cs-approval state machine');
    return arn;
  } finally {
    sfn.destroy();
  }
}
