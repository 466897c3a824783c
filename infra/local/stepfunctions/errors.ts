/**
 * Errors in the shape of the AWS JSON 1.0 protocol: `{"__type": ..., "message": ...}` plus
 * the `x-amzn-ErrorType` header. `@aws-sdk/client-sfn` turns `__type` into the error's
 * `name` (and into its modelled class, e.g. `StateMachineDoesNotExist`), so callers catch
 * local errors exactly as they catch AWS's.
 */
export class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }

  toJSON(): { __type: string; message: string } {
    return { __type: this.type, message: this.message };
  }
}

export const validation = (message: string) => new SfnError('ValidationException', message);

export const invalidArn = (arn: string, why: string) => new SfnError('InvalidArn', `Invalid Arn: '${why}: ${arn}'`);

/**
 * Anything the real service would accept but this endpoint does not implement. A clear
 * error now beats an execution that silently behaves differently from AWS later.
 */
export const unsupported = (what: string, why?: string) =>
  new SfnError('UnsupportedByLocalEndpointException', `${what} is not supported by the local Step Functions endpoint${why ? `: ${why}` : ''}`);

export const executionDoesNotExist = (arn: string) => new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);

/** A token this endpoint never issued (malformed, or for an unknown execution or task). */
export const invalidToken = () => new SfnError('InvalidToken', "Invalid Token: 'Invalid token'");

/**
 * A token whose task is closed: decided already, timed out, or its execution ended. AWS
 * documents `TaskTimedOut` for exactly this ("the task token has either expired or the task
 * associated with the token has already been closed") and answers it with this message.
 */
export const taskTimedOut = () => new SfnError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
