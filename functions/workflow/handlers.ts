/**
 * The one task table of the workflows: each Task state's `${Placeholder}`, the Lambda function
 * name the local endpoint resolves it to, the `task` the cloud handler dispatches on, and the
 * handler itself. The CDK stack deploys the functions, the workflow Lambda (lambda.ts) and the
 * local Step Functions endpoint both call the handlers from here.
 */
import { engineCall, type WorkflowDeps } from './kinds.js';
import { finishRequest } from './tasks/finish-request.js';
import { passStep } from './tasks/pass-step.js';
import { planNextStep } from './tasks/plan-next-step.js';
import { stepDeadline } from './tasks/step-deadline.js';
import { requestApproval, type RequestApprovalInput } from './tasks/request-approval.js';

export type TaskHandler = (payload: unknown) => Promise<unknown>;

interface TaskEntry {
  /** The `task` field of the Lambda payload (approval.asl.json). */
  task: string;
  /** The function's name locally (`arn:aws:lambda:…:function:<name>`). */
  functionName: string;
  run(deps: WorkflowDeps, payload: unknown): Promise<unknown>;
}

export const TASKS = {
  PlanNextStepFn: { task: 'planNextStep', functionName: 'cs-plan-next-step', run: (deps, p) => planNextStep(deps, p as Parameters<typeof planNextStep>[1]) },
  RequestApprovalFn: { task: 'requestApproval', functionName: 'cs-request-approval', run: (deps, p) => requestApproval(deps, p as RequestApprovalInput) },
  FinishRequestFn: { task: 'finishRequest', functionName: 'cs-finish-request', run: (deps, p) => finishRequest(deps, p as Parameters<typeof finishRequest>[1]) },
  PassStepFn: { task: 'passStep', functionName: 'cs-pass-step', run: (deps, p) => passStep(deps, p as Parameters<typeof passStep>[1]) },
  StepDeadlineFn: { task: 'stepDeadline', functionName: 'cs-step-deadline', run: (deps, p) => stepDeadline(deps, p as Parameters<typeof stepDeadline>[1]) },
} satisfies Record<string, TaskEntry>;

export type TaskPlaceholder = keyof typeof TASKS;

const BY_TASK = new Map<string, TaskEntry>(Object.values(TASKS).map((entry) => [entry.task, entry]));

/** The handler of a payload's `task` (the cloud entry dispatches on it). */
export function taskNamed(task: string): TaskEntry | undefined {
  return BY_TASK.get(task);
}

/** By Lambda function name, for the local endpoint. */
export function taskHandlers(deps: WorkflowDeps): Record<string, TaskHandler> {
  return Object.fromEntries(Object.values(TASKS).map((entry) => [entry.functionName, (payload: unknown) => entry.run(engineCall(deps), payload)]));
}

/** `${Placeholder}` → Lambda ARN, for the ASL files (definitionSubstitutions on AWS). */
export function localSubstitutions(region = 'us-east-1', account = '000000000000'): Record<string, string> {
  return Object.fromEntries(Object.entries(TASKS).map(([placeholder, entry]) => [placeholder, `arn:aws:lambda:${region}:${account}:function:${entry.functionName}`]));
}
