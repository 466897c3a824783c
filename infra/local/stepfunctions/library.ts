/**
 * Everything the engine relies on inside `aws-local-stepfunctions` 3.0.0 beyond its
 * documented API, in one place, so an upgrade has one file to check:
 *
 * - Retry/Catch match a thrown error by its `name`, and read `isRetryable`/`isCatchable`
 *   (absent = true). `States.TaskFailed` matches any Task error except an instance of the
 *   library's own, unexported `StatesTimeoutError` class.
 * - A Task state always races its handler against `setTimeout(TimeoutSeconds)` (60 s when
 *   unset), so the engine sets every Task's `TimeoutSeconds` to a fixed, setTimeout-safe
 *   value and enforces the real deadline itself (tasks.ts).
 * - A retrier with `IntervalSeconds: 0` retries at once, re-running the state with the same
 *   input; the engine uses one to let a task wait longer than one library timer (see
 *   `ContinueWaiting`).
 * - `overrides` is read at each use, so getters on it see the current replay position.
 */
import { StateMachine } from 'aws-local-stepfunctions';

/** The library's event log entry (its type is not exported). */
export type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** A task's failure as the library needs it for Retry/Catch: Error = name, Cause = message. */
export class TaskError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/**
 * States.Runtime: on AWS neither Retry nor Catch (not even States.ALL) handles it, and the
 * execution fails. Used for what this endpoint cannot do, never for a handler's own error.
 */
export class RuntimeFailure extends Error {
  override readonly name: string = 'States.Runtime';
  get isRetryable(): boolean {
    return false;
  }
  get isCatchable(): boolean {
    return false;
  }
}

/**
 * Thrown by a waiting task before the library's own timer for it would fire; the retrier
 * below re-enters the state at once and the engine resumes the same wait (same token, same
 * deadline). This is how a task waits for weeks although one timer lasts at most 24.8 days.
 */
export class ContinueWaiting extends Error {
  override readonly name = 'Local.ContinueWaiting';
}

export const CONTINUE_RETRIER = {
  ErrorEquals: ['Local.ContinueWaiting'],
  IntervalSeconds: 0,
  BackoffRate: 1,
  MaxAttempts: Number.MAX_SAFE_INTEGER,
};

/** Thrown into a task's wait when its execution is stopped, timed out or detached; like States.Runtime, no Retry or Catch may handle it. */
export class RunCancelled extends RuntimeFailure {
  override readonly name = 'Local.RunCancelled';
}

type ErrorClass = new () => Error;
let timeoutClass: Promise<ErrorClass> | undefined;

/**
 * The library's `StatesTimeoutError` class. It is not exported, yet a `States.Timeout` we
 * raise must be an instance of it, or `States.TaskFailed` would wrongly match a timeout
 * (AWS: it does not). So we provoke one 1 ms task timeout once and keep the class.
 */
export function statesTimeoutClass(): Promise<ErrorClass> {
  return (timeoutClass ??= (async () => {
    const probe = new StateMachine(
      { StartAt: 'Probe', States: { Probe: { Type: 'Task', Resource: 'arn:aws:states:::local:probe', TimeoutSeconds: 0.001, End: true } } },
      { validationOptions: { noValidate: true } },
    );
    const run = probe.run(null, { overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => undefined) } } });
    const error = await run.result.then(
      () => undefined,
      (failure: unknown) => (failure as { cause?: unknown }).cause,
    );
    if (!(error instanceof Error) || error.name !== 'States.Timeout') {
      throw new Error('aws-local-stepfunctions no longer times out Tasks as expected; review infra/local/stepfunctions/library.ts');
    }
    return error.constructor as ErrorClass;
  })());
}
