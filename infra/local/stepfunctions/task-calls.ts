/**
 * How a Task state reaches its in-process handler, in the shapes AWS gives them:
 * - `arn:aws:states:::lambda:invoke` (and `.waitForTaskToken`): `Parameters` are the Lambda
 *   Invoke request; the task's raw result is `{ExecutedVersion, Payload, StatusCode}`, so
 *   ASL written for AWS (`ResultSelector {"Payload.$": "$.Payload"}`, `OutputPath
 *   "$.Payload"`) works unchanged.
 * - `arn:aws:lambda:…:function:<name>`: the handler gets the state input, its result as-is.
 * A handler's error fails the task with Error = the error's `name` (AWS: errorType) and
 * Cause = `{"errorMessage", "errorType"}`, so Retry/Catch match as on AWS.
 */
import { INVOKE, INVOKE_CALLBACK } from './definition-checks.js';
import { TOKEN_PLACEHOLDER, type TaskPlan, type WrappedInput } from './definition.js';
import type { Outcome } from './journal.js';
import type { ExecutionRun } from './run.js';
import type { Invocation } from './tasks.js';

export interface Call {
  kind: 'invoke' | 'callback' | 'lambda';
  resource: string;
  functionName: string;
  handler: (payload: unknown) => Promise<unknown>;
  /** What the handler gets (before the token is filled in). */
  payload: unknown;
  /** The resolved Invoke request, for TaskScheduled. */
  parameters: unknown;
  timeoutSeconds?: number;
  /** TaskSubmitted details. */
  submitted(result?: unknown): Record<string, unknown>;
}

const INVOKE_FIELDS = ['FunctionName', 'Payload', 'Qualifier', 'InvocationType'];
const json = (value: unknown) => JSON.stringify(value ?? null);
const clone = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** `arn:aws:lambda:<region>:<account>:function:<name>[:qualifier]`, `<account>:function:<name>` or `<name>`. */
export function functionNameOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const arn = /^(?:arn:aws[a-z-]*:lambda:[^:]+:)?(?:\d{12}:)?function:([A-Za-z0-9_-]+)(?::[^:]+)?$/.exec(value);
  if (arn) return arn[1];
  return /^[A-Za-z0-9_-]+(?::[^:]+)?$/.test(value) ? value.split(':')[0] : undefined;
}

export function resolveCall(run: ExecutionRun, name: string, plan: TaskPlan, wrapped: WrappedInput): Call {
  if (plan.kind === 'unsupported' || plan.kind === 'wait') {
    throw run.runtimeFailure(`state '${name}': resource '${plan.resource}' is not supported by the local Step Functions endpoint (it runs ${INVOKE}, ${INVOKE_CALLBACK} and Lambda function ARNs)`);
  }
  let functionName = plan.functionName;
  let payload = wrapped.p;
  const parameters = wrapped.p as Record<string, unknown>;
  if (plan.kind !== 'lambda') {
    if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) throw run.runtimeFailure(`state '${name}': Parameters must be a Lambda Invoke request`);
    const extra = Object.keys(parameters).filter((key) => !INVOKE_FIELDS.includes(key));
    if (extra.length > 0) throw run.runtimeFailure(`state '${name}': Invoke parameter(s) ${extra.join(', ')} are not supported by the local endpoint`);
    if (parameters.InvocationType !== undefined && parameters.InvocationType !== 'RequestResponse') {
      throw run.runtimeFailure(`state '${name}': InvocationType ${String(parameters.InvocationType)} is not supported by the local endpoint`);
    }
    functionName = functionNameOf(parameters.FunctionName);
    if (!functionName) throw run.runtimeFailure(`state '${name}': FunctionName ${json(parameters.FunctionName)} is not a Lambda function name or ARN`);
    payload = parameters.Payload ?? {};
  }
  const handlers = run.deps.handlers;
  const handler = Object.hasOwn(handlers, functionName!) ? handlers[functionName!] : undefined;
  if (!handler) {
    throw run.runtimeFailure(`state '${name}': no local handler for Lambda function '${functionName}' (registered: ${Object.keys(handlers).join(', ') || 'none'})`);
  }
  const timeoutSeconds = plan.timeoutSeconds ?? (wrapped.t === undefined ? undefined : wrapped.t);
  if (timeoutSeconds !== undefined && (typeof timeoutSeconds !== 'number' || !Number.isInteger(timeoutSeconds) || timeoutSeconds < 1)) {
    throw run.runtimeFailure(`state '${name}': TimeoutSecondsPath gave ${json(timeoutSeconds)}, not a positive integer`);
  }
  const kind = plan.kind;
  return {
    kind,
    resource: plan.resource,
    functionName: functionName!,
    handler,
    payload,
    parameters,
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    submitted: (result?: unknown) => ({
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
      ...(result !== undefined ? { output: json(result), outputDetails: { truncated: false } } : {}),
    }),
  };
}

export async function callHandler(call: Call, payload: unknown): Promise<Outcome> {
  try {
    const result = clone(await call.handler(clone(payload)));
    return { ok: true, result: call.kind === 'lambda' ? result : { ExecutedVersion: '$LATEST', Payload: result, StatusCode: 200 } };
  } catch (error) {
    const errorType = error instanceof Error && error.name ? error.name : 'Error';
    const errorMessage = error instanceof Error ? error.message : String(error);
    return { ok: false, error: errorType, cause: JSON.stringify({ errorMessage, errorType }) };
  }
}

/** Puts the token wherever the definition referenced `$$.Task.Token`. */
export function withToken(value: unknown, token: string): unknown {
  if (typeof value === 'string') return value.split(TOKEN_PLACEHOLDER).join(token);
  if (Array.isArray(value)) return value.map((item) => withToken(item, token));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withToken(v, token)]));
  return value;
}

const lambdaResource = (call: Call) => ({ resourceType: 'lambda', resource: call.kind === 'callback' ? 'invoke.waitForTaskToken' : 'invoke' });

export function scheduledEvents(run: ExecutionRun, invocation: Invocation): void {
  const { call, startedAt: at } = invocation;
  const timeout = call.timeoutSeconds !== undefined ? { timeoutInSeconds: call.timeoutSeconds } : {};
  if (call.kind === 'lambda') {
    run.history.add('LambdaFunctionScheduled', { resource: call.resource, input: json(call.payload), inputDetails: { truncated: false }, ...timeout }, at);
    run.history.add('LambdaFunctionStarted', undefined, at);
    return;
  }
  const parameters = invocation.token ? withToken(call.parameters, invocation.token) : call.parameters;
  run.history.add('TaskScheduled', { ...lambdaResource(call), region: run.deps.region, parameters: json(parameters), ...timeout }, at);
  run.history.add('TaskStarted', lambdaResource(call), at);
}

export function outcomeEvents(run: ExecutionRun, invocation: Invocation, outcome: Outcome): void {
  const { call } = invocation;
  const at = invocation.endedAt;
  const prefix = call.kind === 'lambda' ? 'LambdaFunction' : 'Task';
  const resource = call.kind === 'lambda' ? {} : lambdaResource(call);
  if (outcome.ok) run.history.add(`${prefix}Succeeded`, { ...resource, output: json(outcome.result), outputDetails: { truncated: false } }, at);
  else run.history.add(`${prefix}${outcome.error === 'States.Timeout' ? 'TimedOut' : 'Failed'}`, { ...resource, error: outcome.error, cause: outcome.cause }, at);
}
