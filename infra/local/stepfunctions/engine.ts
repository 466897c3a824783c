/**
 * The executions running in this process, and what the API asks of them: start, replay
 * after a restart, stop, decide a task token. Records live in the journal; a run (run.ts)
 * exists only while an execution is running here.
 */
import { compileDefinition, type CompiledDefinition } from './definition.js';
import { executionDoesNotExist, invalidToken, taskTimedOut } from './errors.js';
import type { ExecutionRecord, InvocationRecord, Outcome, StoredEvent } from './journal.js';
import { statesTimeoutClass } from './library.js';
import { ExecutionRun, type RunDeps } from './run.js';
import { readTaskToken } from './tokens.js';

export type EngineDeps = Omit<RunDeps, 'timeoutError'>;

export class Engine {
  private readonly live = new Map<string, ExecutionRun>();
  private readonly compiled = new Map<string, CompiledDefinition>();
  /** The replay in progress (or done): replays run one at a time, and decisions wait for them. */
  private replaying: Promise<unknown> = Promise.resolve();

  private constructor(private readonly deps: RunDeps) {}

  static async create(deps: EngineDeps): Promise<Engine> {
    return new Engine({ ...deps, timeoutError: await statesTimeoutClass() });
  }

  /** Validates a definition the way executions will run it; throws the API error. */
  compile(definition: string): CompiledDefinition {
    let compiled = this.compiled.get(definition);
    if (!compiled) {
      compiled = compileDefinition(definition, this.deps.libraryTaskSeconds);
      this.compiled.set(definition, compiled);
    }
    return compiled;
  }

  /** Records and starts an execution; when its ARN is taken, returns that execution instead. */
  async start(record: ExecutionRecord): Promise<ExecutionRecord | undefined> {
    this.compile(record.definition);
    const existing = await this.deps.journal.createExecution(record);
    if (existing) return existing;
    this.launch(record, []);
    return undefined;
  }

  /**
   * Runs every execution the journal lists as running again from its start, with its
   * recorded task outcomes (see run.ts). Resolves once each has caught up — reached live
   * work or ended — so a token SendTaskSuccess'd right after finds its task. Idempotent.
   */
  replayRunning(): Promise<string[]> {
    const replay = this.replaying.then(() => this.replayOnce());
    this.replaying = replay.catch(() => undefined);
    return replay;
  }

  private async replayOnce(): Promise<string[]> {
    const runs: ExecutionRun[] = [];
    for (const arn of await this.deps.journal.runningExecutions()) {
      if (this.live.has(arn)) continue;
      const record = await this.deps.journal.getExecution(arn);
      if (record?.status !== 'RUNNING') continue;
      try {
        this.compile(record.definition);
      } catch (error) {
        // Only if this endpoint changed what it accepts since the execution started.
        this.deps.onError(`execution ${arn} cannot be replayed: ${(error as Error).message}`);
        await this.endOffline(record, 'FAILED', 'States.Runtime', `cannot be replayed: ${(error as Error).message}`);
        continue;
      }
      runs.push(this.launch(record, await this.deps.journal.invocations(arn)));
    }
    await Promise.all(runs.map((run) => run.caughtUp));
    return runs.map((run) => run.arn);
  }

  async describe(arn: string): Promise<ExecutionRecord | undefined> {
    return this.live.get(arn)?.record ?? (await this.deps.journal.getExecution(arn));
  }

  async history(arn: string): Promise<StoredEvent[] | undefined> {
    const run = this.live.get(arn);
    if (run) return [...run.history.events];
    const stored = await this.deps.journal.history(arn);
    if (stored) return stored;
    return (await this.deps.journal.getExecution(arn)) ? [] : undefined;
  }

  async stop(arn: string, error?: string, cause?: string): Promise<ExecutionRecord> {
    const run = this.live.get(arn);
    if (run) {
      await run.finish({ status: 'ABORTED', ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) });
      return run.record;
    }
    const record = await this.deps.journal.getExecution(arn);
    if (!record) throw executionDoesNotExist(arn);
    // Running in the journal but not here (not replayed): end it where it is recorded.
    return record.status === 'RUNNING' ? this.endOffline(record, 'ABORTED', error, cause) : record;
  }

  /** SendTaskSuccess/Failure (an outcome) or SendTaskHeartbeat. */
  async decide(token: string, outcome: Outcome | 'heartbeat'): Promise<void> {
    const ref = readTaskToken(token);
    if (!ref) throw invalidToken();
    await this.replaying;
    const run = this.live.get(ref.executionArn);
    if (run) await run.caughtUp;
    const invocation = run?.pending.get(ref.seq);
    if (invocation && invocation.token === token) {
      if (outcome === 'heartbeat' || (await invocation.settle(outcome))) return;
      throw taskTimedOut();
    }
    // Not waiting here: a closed task is TaskTimedOut, a token we never issued InvalidToken.
    const recorded = await this.deps.journal.getInvocation(ref.executionArn, ref.seq);
    if (recorded?.token === token) throw taskTimedOut();
    throw invalidToken();
  }

  /**
   * Nothing runs: every execution here waits for a time or a decision, and no replay is under
   * way. A controllable clock waits for this after each timer it fires.
   */
  isIdle(): boolean {
    return [...this.live.values()].every((run) => run.quiet || run.finished || run.detached);
  }

  /** The endpoint stops as if killed: runs are dropped, nothing is recorded. */
  detachAll(): void {
    for (const run of [...this.live.values()]) run.detach();
  }

  private launch(record: ExecutionRecord, recorded: InvocationRecord[]): ExecutionRun {
    const run = new ExecutionRun(this.deps, record, this.compile(record.definition), recorded, (ended) => {
      if (this.live.get(ended.arn) === ended) this.live.delete(ended.arn);
    });
    this.live.set(record.arn, run);
    run.launch();
    return run;
  }

  private async endOffline(record: ExecutionRecord, status: 'FAILED' | 'ABORTED', error?: string, cause?: string): Promise<ExecutionRecord> {
    const ended: ExecutionRecord = { ...record, status, stopDate: this.deps.now().toISOString(), ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) };
    await this.deps.journal.finishExecution(ended, (await this.deps.journal.history(record.arn)) ?? []);
    return ended;
  }
}
