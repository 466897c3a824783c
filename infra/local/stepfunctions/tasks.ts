/**
 * The wrapper the library calls for every Task state (and every Wait we rewrote into one).
 * It records each invocation BEFORE acting — started (with its token), then the outcome —
 * so a replay after a kill returns recorded outcomes without calling handlers again, and
 * re-registers the same token for a task still waiting for its human.
 *
 * Every way a task can end — handler result or error, SendTaskSuccess/Failure, timeout —
 * goes through `settle`, which writes the outcome conditionally: exactly one wins.
 */
import type { TaskPlan, WrappedInput } from './definition.js';
import type { Outcome } from './journal.js';
import { ContinueWaiting, TaskError } from './library.js';
import type { ExecutionRun } from './run.js';
import { callHandler, outcomeEvents, resolveCall, scheduledEvents, withToken, type Call } from './task-calls.js';
import { nextTurn } from './timers.js';
import { newTaskToken } from './tokens.js';

export interface Invocation {
  seq: number;
  state: string;
  call: Call;
  token?: string;
  startedAt: number;
  endedAt?: number;
  /** Its handler is running (for a callback task: until it has asked, i.e. returned). */
  busy: boolean;
  settled: Promise<Outcome>;
  /** Records `outcome` unless the task is settled already; true when this one won. */
  settle(outcome: Outcome): Promise<boolean>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function taskHandler(run: ExecutionRun, name: string, plan: TaskPlan) {
  return async (input: unknown): Promise<unknown> => {
    // One macrotask: the library's TaskStateEntered is logged before our TaskScheduled.
    await nextTurn();
    run.assertRunning();
    const wrapped = input as WrappedInput;
    if (plan.kind === 'wait') return waitUntil(run, name, wrapped);
    const invocation = run.resuming.get(name) ?? (await begin(run, name, plan, wrapped));
    run.resuming.delete(name);
    run.waiting = invocation;
    let outcome: Outcome;
    try {
      outcome = await waitFor(run, invocation, invocation.settled);
    } finally {
      run.waiting = null;
    }
    run.pending.delete(invocation.seq);
    outcomeEvents(run, invocation, outcome);
    if (outcome.ok) return outcome.result;
    if (outcome.error === 'States.Timeout') throw new run.deps.timeoutError();
    throw new TaskError(outcome.error, outcome.cause);
  };
}

async function begin(run: ExecutionRun, name: string, plan: TaskPlan, wrapped: WrappedInput): Promise<Invocation> {
  const call = resolveCall(run, name, plan, wrapped);
  const seq = run.nextSeq++;
  const recorded = run.recorded[seq - 1];
  if (recorded && recorded.state !== name) {
    throw run.runtimeFailure(`replay diverged: task #${seq} was state '${recorded.state}', now '${name}'; the execution cannot be resumed`);
  }
  const { deps } = run;
  const startedAt = recorded ? Date.parse(recorded.startedAt) : deps.now().getTime();
  const token = recorded ? recorded.token : call.kind === 'callback' ? newTaskToken(run.arn, seq) : undefined;
  if (recorded) {
    run.replayTime = startedAt;
  } else {
    run.markCaughtUp();
    const fresh = await deps.journal.startInvocation(run.arn, { seq, state: name, ...(token ? { token } : {}), startedAt: iso(startedAt) });
    if (!fresh) throw run.runtimeFailure(`task #${seq} was recorded by someone else (another endpoint running this execution?)`);
    run.assertRunning();
  }

  let resolve!: (outcome: Outcome) => void;
  let settling = false;
  let cancelDeadline = () => {};
  const invocation: Invocation = {
    seq,
    state: name,
    call,
    ...(token ? { token } : {}),
    startedAt,
    busy: false,
    settled: new Promise<Outcome>((ok) => (resolve = ok)),
    async settle(outcome) {
      if (settling || run.finished || run.detached) return false;
      settling = true;
      const endedAt = deps.now().getTime();
      try {
        if (!(await deps.journal.settleInvocation(run.arn, seq, outcome, iso(endedAt)))) return false;
      } catch (error) {
        settling = false;
        throw error;
      }
      invocation.endedAt = endedAt;
      cancelDeadline();
      resolve(outcome);
      return true;
    },
  };
  scheduledEvents(run, invocation);

  if (recorded?.outcome) {
    settling = true;
    invocation.endedAt = Date.parse(recorded.endedAt ?? recorded.startedAt);
    run.replayTime = invocation.endedAt;
    if (call.kind === 'callback' && recorded.submittedAt) run.history.add('TaskSubmitted', call.submitted(), Date.parse(recorded.submittedAt));
    resolve(recorded.outcome);
    return invocation;
  }

  const report = (error: unknown) => deps.onError(`execution ${run.arn}: could not record task #${seq} (${name})`, error);
  if (call.timeoutSeconds !== undefined) {
    // Counted from the recorded start, also across restarts, as on AWS.
    cancelDeadline = run.timers.at(startedAt + call.timeoutSeconds * 1000, () => {
      invocation.settle({ ok: false, error: 'States.Timeout', cause: `Task timed out after ${call.timeoutSeconds} s (TimeoutSeconds)` }).catch(report);
    });
  }
  if (call.kind !== 'callback') {
    run.markCaughtUp();
    // Not recorded as ended: a handler interrupted by a kill runs again (handlers are idempotent).
    invocation.busy = true;
    callHandler(call, call.payload).then((outcome) => invocation.settle(outcome)).catch(report).finally(() => (invocation.busy = false));
    return invocation;
  }
  run.pending.set(seq, invocation);
  run.markCaughtUp();
  if (recorded?.submittedAt) {
    run.history.add('TaskSubmitted', call.submitted(), Date.parse(recorded.submittedAt));
    return invocation;
  }
  // The handler's result is ignored, as on AWS; an error fails the task. If we were killed
  // before it returned, we do not know whether it notified anyone, so it runs again.
  invocation.busy = true;
  callHandler(call, withToken(call.payload, token!))
    .then(async (outcome) => {
      if (!outcome.ok) return void (await invocation.settle(outcome));
      if (run.finished || run.detached || invocation.endedAt !== undefined) return;
      // Recorded before reported: a TaskSubmitted in the history means a replay won't call again.
      const at = deps.now().getTime();
      await deps.journal.submitInvocation(run.arn, seq, iso(at));
      if (!run.detached) run.history.add('TaskSubmitted', call.submitted(outcome.result), at);
    })
    .catch(report)
    .finally(() => (invocation.busy = false));
  return invocation;
}

/**
 * Waits for `done`, but never longer than half the library's own task timer: then the
 * library re-enters the state (ContinueWaiting + its retrier) and we resume this wait.
 */
async function waitFor<T>(run: ExecutionRun, invocation: Invocation | undefined, done: Promise<T>): Promise<T> {
  let cancelStep = () => {};
  const step = new Promise<never>((_, reject) => {
    cancelStep = run.timers.after((run.deps.libraryTaskSeconds * 1000) / 2, () => reject(new ContinueWaiting()));
  });
  try {
    return await Promise.race([done, step, run.cancelled]);
  } catch (error) {
    if (error instanceof ContinueWaiting && invocation) run.resuming.set(invocation.state, invocation);
    throw error;
  } finally {
    cancelStep();
  }
}

/** A Wait state (Timestamp/TimestampPath): passes its input on at that time. */
async function waitUntil(run: ExecutionRun, name: string, wrapped: WrappedInput): Promise<unknown> {
  const at = wrapped.at;
  const target = typeof at === 'string' && RFC3339.test(at) ? Date.parse(at) : NaN;
  if (Number.isNaN(target)) throw run.runtimeFailure(`Wait state '${name}': ${JSON.stringify(at)} is not an RFC 3339 timestamp`);
  if (target > run.deps.now().getTime()) {
    run.markCaughtUp();
    let cancel = () => {};
    const reached = new Promise<void>((resolve) => (cancel = run.timers.at(target, resolve)));
    run.waiting = 'time';
    try {
      await waitFor(run, undefined, reached);
    } finally {
      run.waiting = null;
      cancel();
    }
  }
  return wrapped.p;
}
