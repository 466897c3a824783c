/**
 * AWS entry of the workflow's task functions. The state machine invokes one function per
 * Task (PlanNextStepFn, RequestApprovalFn, FinishRequestFn); all run this handler, which
 * dispatches on the payload's `task` — the same handlers the local endpoint calls in-process.
 */
import { SFNClient } from '@aws-sdk/client-sfn';
import { readWorkflowConfig } from '../config.js';
import { sesMailer } from '../email/mailer.js';
import { linkSecretFromEnv } from '../email/links.js';
import { jsonLogger } from '../http/deps.js';
import { createStore } from '../storage/client.js';
import { finishRequest } from './tasks/finish-request.js';
import { planNextStep } from './tasks/plan-next-step.js';
import { requestApproval, type RequestApprovalInput } from './tasks/request-approval.js';
import type { WorkflowDeps } from './kinds.js';
import './kinds/probation.js';
import { openDueReviews } from './kinds/probation-start.js';
import { flushOutbox } from './notify.js';

const config = readWorkflowConfig(process.env);
const deps: WorkflowDeps = {
  store: createStore({ table: config.tableName, region: config.region }),
  sfn: new SFNClient({ region: config.region }),
  approvalStateMachineArn: config.approvalStateMachineArn,
  mailer: sesMailer(config.mailFrom, { region: config.region }),
  publicUrl: config.publicUrl,
  linkSecret: linkSecretFromEnv(config.linkSecret),
  now: () => new Date(),
  log: jsonLogger,
};

export async function handler(event: { task?: string } & Record<string, unknown>): Promise<unknown> {
  switch (event.task) {
    case 'planNextStep':
      return planNextStep(deps, event as never);
    case 'requestApproval':
      return requestApproval(deps, event as unknown as RequestApprovalInput);
    case 'finishRequest':
      return finishRequest(deps, event as never);
    case 'openDueReviews':
      // The daily schedule (EventBridge Scheduler) invokes this.
      return { opened: await openDueReviews(deps) };
    case 'flushOutbox':
      // Every five minutes (EventBridge Scheduler): mail the transport refused earlier.
      return flushOutbox(deps);
    default:
      throw new Error(`unknown workflow task ${String(event.task)}`);
  }
}
