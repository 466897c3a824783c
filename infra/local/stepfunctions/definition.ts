/**
 * From the ASL text a state machine was created with to what aws-local-stepfunctions runs.
 * The definition stays the one deployed to AWS; we rewrite a copy where the library and
 * AWS differ:
 *
 * - Task states: every task is answered by our wrapper (tasks.ts), bound by state name.
 *   `Parameters` is wrapped as `{p: <Parameters>}` (or `{"p.$": "$"}`), plus
 *   `"t.$": <TimeoutSecondsPath>`, so the wrapper gets the payload and the resolved timeout
 *   from the library's own JSONPath evaluation. `TimeoutSeconds` becomes a fixed
 *   setTimeout-safe value (the library's 60 s default and its timer overflow above 24.8
 *   days would both break long approvals); the wrapper enforces the real deadline.
 * - `$$.Task.Token`: the library has no task tokens, so the context object carries a
 *   placeholder at `Task.Token`; the callback wrapper replaces it with the token it issues.
 * - Wait states with Timestamp/TimestampPath become Tasks answered by a timer of ours,
 *   for the same overflow reason (their history still says Wait).
 * - `$$.Execution.StartTime`: the library sets it to the time it starts running, which
 *   would change on replay; it reads the recorded start time instead.
 * - The top-level `TimeoutSeconds` is enforced by the engine from the recorded start date.
 */
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { checkDefinition, lambdaName, subDefinitions, taskKind, type StateDef, type TaskKind } from './definition-checks.js';
import { SfnError } from './errors.js';
import { CONTINUE_RETRIER } from './library.js';

export interface TaskPlan {
  kind: TaskKind | 'wait';
  resource: string;
  /** Direct Lambda ARN resources name their function here; lambda:invoke in Parameters. */
  functionName?: string;
  timeoutSeconds?: number;
}

export interface CompiledDefinition {
  library: StateMachineDefinition;
  /** By state name: every Task, and every Wait we turned into one. */
  tasks: Map<string, TaskPlan>;
  /** The original Type of every state, for history event names. */
  stateTypes: Map<string, string>;
  timeoutSeconds?: number;
}

/** What a task wrapper receives: the payload, and the resolved TimeoutSecondsPath or wait time. */
export interface WrappedInput {
  p: unknown;
  t?: unknown;
  at?: unknown;
}

export const TOKEN_PLACEHOLDER = '@@local-sfn-task-token@@';
export const RECORDED_START_TIME = 'RecordedStartTime';
const WAIT_RESOURCE = 'arn:aws:states:::local:wait';

/** Parses, validates (like AWS's InvalidDefinition) and refuses what cannot run here. */
export function parseDefinition(text: string): StateDef {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SfnError('InvalidDefinition', `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(error as Error).message}'`);
  }
  try {
    new StateMachine(parsed as StateMachineDefinition);
  } catch (error) {
    const detail = (error as Error).message.replace(/^State machine definition is invalid, see error\(s\) below:\s*/, '');
    throw new SfnError('InvalidDefinition', `Invalid State Machine Definition: '${detail.trim()}'`);
  }
  checkDefinition(parsed as StateDef);
  return parsed as StateDef;
}

/** `libraryTaskSeconds`: the TimeoutSeconds every rewritten Task gets (see library.ts). */
export function compileDefinition(text: string, libraryTaskSeconds: number): CompiledDefinition {
  const parsed = parseDefinition(text);
  const tasks = new Map<string, TaskPlan>();
  const stateTypes = new Map<string, string>();

  const rewriteStates = (states: unknown) =>
    Object.fromEntries(Object.entries(states as Record<string, StateDef>).map(([name, state]) => [name, rewriteState(name, state)]));

  const rewriteState = (name: string, state: StateDef): StateDef => {
    stateTypes.set(name, state.Type as string);
    if (state.Type === 'Task') {
      const { TimeoutSeconds, TimeoutSecondsPath, Parameters, Retry, ...rest } = state;
      const resource = String(state.Resource);
      const functionName = lambdaName(resource);
      tasks.set(name, {
        kind: taskKind(resource),
        resource,
        ...(functionName ? { functionName } : {}),
        ...(typeof TimeoutSeconds === 'number' ? { timeoutSeconds: TimeoutSeconds } : {}),
      });
      return {
        ...rest,
        Parameters: { ...(Parameters === undefined ? { 'p.$': '$' } : { p: Parameters }), ...(TimeoutSecondsPath ? { 't.$': TimeoutSecondsPath } : {}) },
        TimeoutSeconds: libraryTaskSeconds,
        Retry: [CONTINUE_RETRIER, ...((Retry as unknown[]) ?? [])],
      };
    }
    if (state.Type === 'Wait') {
      const { Type: _type, Timestamp, TimestampPath, ...rest } = state;
      tasks.set(name, { kind: 'wait', resource: WAIT_RESOURCE });
      return {
        ...rest,
        Type: 'Task',
        Resource: WAIT_RESOURCE,
        Parameters: TimestampPath ? { 'p.$': '$', 'at.$': TimestampPath } : { 'p.$': '$', at: Timestamp },
        TimeoutSeconds: libraryTaskSeconds,
        Retry: [CONTINUE_RETRIER],
      };
    }
    const [sub] = subDefinitions(state);
    if (state.Type === 'Parallel') return { ...state, Branches: subDefinitions(state).map((b) => ({ ...b, States: rewriteStates(b.States) })) };
    if (state.Type === 'Map' && sub) return { ...state, [state.ItemProcessor ? 'ItemProcessor' : 'Iterator']: { ...sub, States: rewriteStates(sub.States) } };
    return state;
  };

  const { TimeoutSeconds, States, ...top } = parsed;
  const library = replaceStrings({ ...top, States: rewriteStates(States) }, (text) =>
    text.replace(/\$\$\.Execution\.StartTime\b/g, () => `$$.Execution.${RECORDED_START_TIME}`),
  ) as unknown as StateMachineDefinition;
  return { library, tasks, stateTypes, ...(typeof TimeoutSeconds === 'number' ? { timeoutSeconds: TimeoutSeconds } : {}) };
}

function replaceStrings(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, fn));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, fn)]));
  return value;
}
