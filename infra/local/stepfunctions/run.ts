/**
 * One execution running in this process: the library's run of the rewritten definition,
 * its history, its waiting tasks and timers. A run replays when it starts with recorded
 * invocations (`recorded`): tasks with a recorded outcome get it back at once, without a
 * handler call; the first task without one is where the live run continues.
 *
 * A run ends exactly once (`finish`), writing the final status with its history. `detach`
 * is the opposite: the endpoint stops as if killed, writing nothing, so the next start
 * replays the execution.
 */
import { StateMachine, type RunOptions } from 'aws-local-stepfunctions';
import { RECORDED_START_TIME, TOKEN_PLACEHOLDER, type CompiledDefinition } from './definition.js';
import { HistoryLog } from './history.js';
import type { ExecutionRecord, InvocationRecord, Journal } from './journal.js';
import type { Clock } from '../clock.js';
import { RunCancelled, RuntimeFailure } from './library.js';
import { taskHandler, type Invocation } from './tasks.js';
import { Timers } from './timers.js';

export type TaskHandlers = Record<string, (payload: unknown) => Promise<unknown>>;

export interface RunDeps {
  journal: Journal;
  handlers: TaskHandlers;
  /** Deadlines (waits, task time limits) are set on it; `now` reads it. */
  clock: Clock;
  now: () => Date;
  region: string;
  onError: (message: string, error?: unknown) => void;
  /** The library's StatesTimeoutError class (library.ts). */
  timeoutError: new () => Error;
  /** The TimeoutSeconds every rewritten Task runs with in the library. */
  libraryTaskSeconds: number;
}

export type RunEnd =
  | { status: 'SUCCEEDED'; output: string }
  | { status: 'FAILED' | 'ABORTED' | 'TIMED_OUT'; error?: string; cause?: string };

/** A retry pause of 0 for every state: used while replaying recorded failures. */
const RETRY_AT_ONCE = new Proxy({}, { get: () => 0 });

export class ExecutionRun {
  readonly history: HistoryLog;
  readonly timers: Timers;
  /** Callback tasks waiting for SendTaskSuccess/Failure, by sequence number. */
  readonly pending = new Map<number, Invocation>();
  /** Waits interrupted by ContinueWaiting, resumed when the library re-enters the state. */
  readonly resuming = new Map<string, Invocation>();
  /**
   * What the run waits for, if anything: a time (a Wait state), or a task. It is quiet (see
   * `quiet`) while it waits for a time or for a callback whose handler has returned.
   */
  waiting: 'time' | Invocation | null = null;
  nextSeq = 1;
  finished = false;
  detached = false;
  /** While replaying, history events take the recorded times. */
  replayTime: number;
  readonly caughtUp: Promise<void>;
  readonly cancelled: Promise<never>;
  private markCaught!: () => void;
  private cancel!: (error: Error) => void;
  private abortLibrary = () => {};
  private consumed: Promise<void> = Promise.resolve();

  constructor(
    readonly deps: RunDeps,
    public record: ExecutionRecord,
    readonly compiled: CompiledDefinition,
    readonly recorded: InvocationRecord[],
    private readonly onEnd: (run: ExecutionRun) => void,
  ) {
    this.timers = new Timers(deps.clock);
    this.replayTime = Date.parse(record.startDate);
    this.history = new HistoryLog(() => (this.replaying ? this.replayTime : deps.now().getTime()));
    this.caughtUp = new Promise((resolve) => (this.markCaught = resolve));
    this.cancelled = new Promise<never>((_, reject) => (this.cancel = reject));
    this.cancelled.catch(() => undefined);
    if (recorded.length === 0) this.markCaught();
  }

  get arn(): string {
    return this.record.arn;
  }

  /** Recorded invocations remain: the next task's outcome comes from the journal. */
  /** Nothing happens in this run until a time comes or someone decides (the clock's idle check). */
  get quiet(): boolean {
    return this.waiting === 'time' || (this.waiting !== null && !this.waiting.busy);
  }

  get replaying(): boolean {
    return this.nextSeq <= this.recorded.length;
  }

  /** Replay has reached live work (or the run ended): SendTask* may look for tokens now. */
  markCaughtUp(): void {
    this.markCaught();
  }

  assertRunning(): void {
    if (this.finished || this.detached) throw new RunCancelled('the execution is no longer running');
  }

  /** States.Runtime: the execution fails, loudly. */
  runtimeFailure(message: string): RuntimeFailure {
    this.deps.onError(`execution ${this.arn}: ${message}`);
    return new RuntimeFailure(message);
  }

  launch(): void {
    const { record, compiled } = this;
    this.history.add('ExecutionStarted', { input: record.input, inputDetails: { truncated: false }, roleArn: record.roleArn }, Date.parse(record.startDate));
    const machine = new StateMachine(compiled.library, { validationOptions: { noValidate: true } });
    const handlers = Object.fromEntries([...compiled.tasks].map(([name, plan]) => [name, taskHandler(this, name, plan)]));
    const replaying = () => this.replaying;
    const overrides = {
      // Our handlers return JSON values; the library's type says so more narrowly.
      taskResourceLocalHandlers: handlers as NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers'],
      get retryIntervalOverrides() {
        return replaying() ? RETRY_AT_ONCE : undefined;
      },
    };
    const execution = machine.run(JSON.parse(record.input), { overrides, context: this.contextObject() });
    this.abortLibrary = execution.abort;
    this.consumed = (async () => {
      for await (const event of execution.eventLogs) this.history.addLibraryEvent(event, compiled.stateTypes);
    })();
    if (compiled.timeoutSeconds !== undefined) {
      const deadline = Date.parse(record.startDate) + compiled.timeoutSeconds * 1000;
      this.timers.at(deadline, () => void this.finish({ status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out (TimeoutSeconds).' }));
    }
    execution.result
      .then(
        (output) => this.finish({ status: 'SUCCEEDED', output: JSON.stringify(output ?? null) }),
        (error: unknown) => this.finish(failure(error)),
      )
      .catch((error: unknown) => this.deps.onError(`execution ${this.arn}: could not record its end`, error));
  }

  /** Ends the run once: stops its timers and waits, records the end with the history. */
  async finish(end: RunEnd): Promise<boolean> {
    if (this.finished || this.detached) return false;
    this.finished = true;
    this.stopWork(new RunCancelled('the execution ended'));
    await this.consumed;
    const stopDate = this.deps.now();
    const { error, cause, output } = end as { error?: string; cause?: string; output?: string };
    const type = { SUCCEEDED: 'ExecutionSucceeded', FAILED: 'ExecutionFailed', ABORTED: 'ExecutionAborted', TIMED_OUT: 'ExecutionTimedOut' }[end.status];
    this.history.add(type, output !== undefined ? { output, outputDetails: { truncated: false } } : { ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) }, stopDate.getTime());
    this.record = { ...this.record, status: end.status, stopDate: stopDate.toISOString(), ...(output !== undefined ? { output } : {}), ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) };
    try {
      if (!(await this.deps.journal.finishExecution(this.record, this.history.events))) {
        this.deps.onError(`execution ${this.arn} had already ended elsewhere (another endpoint on the same table?)`);
      }
    } finally {
      this.onEnd(this);
    }
    return true;
  }

  /** As if the process died here: nothing more is recorded, the next start replays. */
  detach(): void {
    if (this.finished || this.detached) return;
    this.detached = true;
    this.stopWork(new RunCancelled('the endpoint stopped'));
    this.onEnd(this);
  }

  private stopWork(reason: Error): void {
    this.timers.clear();
    this.cancel(reason);
    this.pending.clear();
    this.markCaught();
    this.abortLibrary();
  }

  private contextObject() {
    const { record } = this;
    return {
      Execution: { Id: record.arn, Name: record.name, RoleArn: record.roleArn, RedriveCount: 0, [RECORDED_START_TIME]: record.startDate },
      StateMachine: { Id: record.stateMachineArn, Name: record.stateMachineArn.split(':').at(-1) },
      Task: { Token: TOKEN_PLACEHOLDER },
    };
  }
}

/** The library rejects with ExecutionError whose `cause` is the state's error. */
function failure(rejection: unknown): RunEnd {
  const inner = (rejection as { cause?: unknown })?.cause;
  const reason = inner instanceof Error ? inner : rejection instanceof Error ? rejection : new Error(String(rejection));
  if (reason.name === 'ExecutionAbortedError') return { status: 'ABORTED' };
  // A Fail state without Error/Cause: the library fills in defaults, AWS reports none.
  const error = reason.name === 'FailStateError' ? undefined : reason.name;
  const cause = reason.message === 'Execution failed because of a Fail state' ? undefined : reason.message;
  return { status: 'FAILED', ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) };
}
