/**
 * AWS entry of the workflow's task functions. The state machine invokes one function per
 * Task (PlanNextStepFn, RequestApprovalFn, FinishRequestFn); all run this handler, which
 * dispatches on the payload's `task` — the same handlers the local endpoint calls in-process.
 */
import { SFNClient } from '@aws-sdk/client-sfn';
import { readWorkflowConfig } from '../config.js';
import { sesMailer } from '../email/mailer.js';
import { loadLinkSecret } from '../email/link-secret.js';
import { jsonLogger } from '../http/deps.js';
import { createStore } from '../storage/client.js';
import { createObjectStore } from '../storage/objects.js';
import { taskNamed } from './handlers.js';
import { jobNamed } from './jobs.js';
import { engineCall, type WorkflowDeps } from './kinds.js';
import { kindRegistry } from './registry.js';

const config = readWorkflowConfig(process.env);
const deps: WorkflowDeps = {
  store: createStore({ table: config.tableName, region: config.region }),
  objects: createObjectStore({ bucket: config.attachmentsBucket, region: config.region }),
  sfn: new SFNClient({ region: config.region }),
  approvalStateMachineArn: config.approvalStateMachineArn,
  mailer: sesMailer(config.mailFrom, { region: config.region }),
  publicUrl: config.publicUrl,
  // Read once per container (Secrets Manager on AWS), at cold start.
  linkSecret: await loadLinkSecret(config.linkSecret, { region: config.region }),
  now: () => new Date(),
  kinds: kindRegistry(),
  webhooks: config.webhooks,
  log: jsonLogger,
};

/** A Task state (handlers.ts) or a scheduled job (jobs.ts, invoked by EventBridge Scheduler), by `task`. */
export async function handler(event: { task?: string } & Record<string, unknown>): Promise<unknown> {
  const name = String(event.task);
  const task = taskNamed(name);
  if (task) return task.run(engineCall(deps), event);
  const job = jobNamed(name);
  if (job) return job.run(deps);
  throw new Error(`unknown workflow task ${name}`);
}
