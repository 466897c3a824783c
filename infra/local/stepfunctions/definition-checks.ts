/**
 * What CreateStateMachine refuses beyond the library's own validation: definitions that
 * would run differently here than on AWS, or differently when replayed after a restart.
 * Every refusal names the state and says why, so the fix is obvious from the message.
 */
import { SfnError, unsupported } from './errors.js';

export type StateDef = Record<string, unknown>;
export type TaskKind = 'invoke' | 'callback' | 'lambda' | 'unsupported';

export const INVOKE = 'arn:aws:states:::lambda:invoke';
export const INVOKE_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:([^:]+)(:[^:]+)?$/;

const REPLAY =
  'executions are replayed from their recorded task results when the local runtime starts again, so a definition must do the same thing when run twice';

export function taskKind(resource: string): TaskKind {
  if (resource === INVOKE) return 'invoke';
  if (resource === INVOKE_CALLBACK) return 'callback';
  return LAMBDA_ARN.test(resource) ? 'lambda' : 'unsupported';
}

export const lambdaName = (resource: string) => LAMBDA_ARN.exec(resource)?.[1];

/** The sub-definitions a Map or Parallel state runs. */
export function subDefinitions(state: StateDef): StateDef[] {
  if (state.Type === 'Parallel') return (state.Branches as StateDef[]) ?? [];
  if (state.Type === 'Map') return [(state.ItemProcessor ?? state.Iterator) as StateDef].filter(Boolean);
  return [];
}

/** Every state, including those inside Map and Parallel states. */
export function* allStates(states: unknown, nested = false): Generator<{ name: string; state: StateDef; nested: boolean }> {
  for (const [name, state] of Object.entries((states ?? {}) as Record<string, StateDef>)) {
    yield { name, state, nested };
    for (const sub of subDefinitions(state)) yield* allStates(sub.States, true);
  }
}

export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const invalid = (message: string) => new SfnError('InvalidDefinition', `Invalid State Machine Definition: '${message}'`);

export function checkDefinition(definition: StateDef): void {
  if (definition.QueryLanguage !== undefined && definition.QueryLanguage !== 'JSONPath') {
    throw unsupported(`QueryLanguage '${String(definition.QueryLanguage)}'`, `it runs JSONPath definitions only (${REPLAY}, and aws-local-stepfunctions has no JSONata)`);
  }
  const seen = new Set<string>();
  for (const { name, state, nested } of allStates(definition.States)) {
    // Task handlers are bound by state name, so a name must mean one state.
    if (seen.has(name)) throw invalid(`DUPLICATE_STATE_NAME: '${name}' is used twice; the local endpoint needs unique state names`);
    seen.add(name);
    checkState(name, state, nested);
  }
}

function checkState(name: string, state: StateDef, nested: boolean): void {
  const own = { ...state, Branches: undefined, Iterator: undefined, ItemProcessor: undefined };
  const isCallback = state.Type === 'Task' && state.Resource === INVOKE_CALLBACK;
  if (state.QueryLanguage !== undefined && state.QueryLanguage !== 'JSONPath') {
    throw unsupported(`QueryLanguage '${String(state.QueryLanguage)}' in state '${name}'`, 'it runs JSONPath definitions only');
  }
  if (state.Assign !== undefined) throw unsupported(`Assign (variables) in state '${name}'`, 'aws-local-stepfunctions would silently ignore it');
  for (const text of strings(own)) {
    if (/States\.(UUID|MathRandom)\(/.test(text)) {
      throw unsupported(`${/States\.\w+/.exec(text)![0]} in state '${name}'`, `${REPLAY}, and a random value would differ — pass ids in the execution input instead`);
    }
    if (text.includes('$$.State.')) throw unsupported(`$$.State (context object) in state '${name}'`, 'aws-local-stepfunctions does not provide it');
    if (text.includes('${')) {
      throw invalid(`UNSUBSTITUTED_PLACEHOLDER: state '${name}' contains '${/\$\{[^}]*\}?/.exec(text)![0]}'; substitute the definition placeholders before creating the state machine`);
    }
  }
  if (!isCallback && strings(own).some((text) => text.includes('$$.Task.Token'))) {
    throw invalid(`state '${name}' uses $$.Task.Token, which exists only in the Parameters of a ${INVOKE_CALLBACK} task`);
  }
  if (state.Type === 'Wait' && (state.Seconds !== undefined || state.SecondsPath !== undefined)) {
    const field = state.Seconds !== undefined ? 'Seconds' : 'SecondsPath';
    throw unsupported(`Wait state '${name}' with ${field}`, `${REPLAY}, and a relative wait would start again from zero — wait until an absolute time with Timestamp or TimestampPath`);
  }
  if (state.Type === 'Map' && (state.ItemReader || state.ResultWriter || (state.ItemProcessor as StateDef | undefined)?.ProcessorConfig)) {
    throw unsupported(`Map state '${name}' with ItemReader, ResultWriter or ProcessorConfig (distributed map)`);
  }
  if (state.Type === 'Task') checkTask(name, state, nested, isCallback);
}

function checkTask(name: string, state: StateDef, nested: boolean, isCallback: boolean): void {
  for (const field of ['HeartbeatSeconds', 'HeartbeatSecondsPath', 'Credentials']) {
    if (state[field] !== undefined) throw unsupported(`${field} in Task state '${name}'`, field.startsWith('Heartbeat') ? 'use TimeoutSeconds for step time limits' : undefined);
  }
  if (nested) {
    throw unsupported(`Task state '${name}' inside a Map or Parallel state`, `${REPLAY}, and branches run concurrently, so their task results have no fixed order to replay`);
  }
  const kind = taskKind(String(state.Resource));
  if (kind !== 'invoke' && kind !== 'callback') return;
  const parameters = state.Parameters as StateDef | undefined;
  if (!parameters || typeof parameters !== 'object' || (parameters.FunctionName === undefined && parameters['FunctionName.$'] === undefined)) {
    throw invalid(`SCHEMA_VALIDATION_FAILED: Task state '${name}' (${state.Resource as string}) needs Parameters.FunctionName`);
  }
  if (isCallback && !strings(parameters).some((text) => text.includes('$$.Task.Token'))) {
    throw invalid(`Task state '${name}' waits for a task token but never passes $$.Task.Token in its Parameters, so it could never complete`);
  }
}
