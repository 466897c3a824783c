/**
 * The workflow's task handlers by Lambda function name: the CDK stack deploys one function
 * per name; the local Step Functions endpoint calls the same handlers in-process.
 */
import type { WorkflowDeps } from './kinds.js';
import { finishRequest } from './tasks/finish-request.js';
import { planNextStep } from './tasks/plan-next-step.js';
import { requestApproval, type RequestApprovalInput } from './tasks/request-approval.js';

export const FUNCTION_NAMES = {
  PlanNextStepFn: 'cs-plan-next-step',
  RequestApprovalFn: 'cs-request-approval',
  FinishRequestFn: 'cs-finish-request',
} as const;

export type TaskHandler = (payload: unknown) => Promise<unknown>;

export function taskHandlers(deps: WorkflowDeps): Record<string, TaskHandler> {
  return {
    [FUNCTION_NAMES.PlanNextStepFn]: (p) => planNextStep(deps, p as Parameters<typeof planNextStep>[1]),
    [FUNCTION_NAMES.RequestApprovalFn]: (p) => requestApproval(deps, p as RequestApprovalInput),
    [FUNCTION_NAMES.FinishRequestFn]: (p) => finishRequest(deps, p as Parameters<typeof finishRequest>[1]),
  };
}

/** `${Placeholder}` → Lambda ARN, for the ASL files (definitionSubstitutions on AWS). */
export function localSubstitutions(region = 'us-east-1', account = '000000000000'): Record<string, string> {
  return Object.fromEntries(Object.entries(FUNCTION_NAMES).map(([k, name]) => [k, `arn:aws:lambda:${region}:${account}:function:${name}`]));
}
