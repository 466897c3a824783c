/**
 * The approval workflows on one machine: the local Step Functions endpoint runs the same
 * ASL file the CDK deploys, calling the same task handlers in-process, with executions
 * recorded in the app's table so a waiting approval survives a restart (or a kill -9).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CreateStateMachineCommand, SFNClient, StateMachineAlreadyExists, UpdateStateMachineCommand } from '@aws-sdk/client-sfn';
import type { Mailer } from '../../functions/email/mailer.js';
import type { Store } from '../../functions/storage/client.js';
import { localSubstitutions, taskHandlers } from '../../functions/workflow/handlers.js';
import type { KindRegistry, WorkflowDeps } from '../../functions/workflow/kinds.js';
import { kindRegistry } from '../../functions/workflow/registry.js';
import { resumeAll } from '../../functions/workflow/resume.js';
import type { Clock } from './clock.js';
import { localClientConfig } from './dynamodb.js';
import { freePort } from './ports.js';
import { startStepFunctionsEndpoint, type StepFunctionsEndpoint } from './stepfunctions/server.js';

export const APPROVAL_ASL = fileURLToPath(new URL('../../functions/workflow/approval.asl.json', import.meta.url));
export const APPROVAL_STATE_MACHINE = 'cs-approval';

/** The ASL with `${Placeholders}` replaced, as CDK's definitionSubstitutions does on AWS. */
export function approvalDefinition(): string {
  const subs = localSubstitutions();
  return readFileSync(APPROVAL_ASL, 'utf8').replace(/\$\{(\w+)\}/g, (m, name: string) => subs[name] ?? m);
}

export interface LocalWorkflows {
  deps: WorkflowDeps;
  endpoint: StepFunctionsEndpoint;
  stop(): Promise<void>;
}

export async function startWorkflows(opts: {
  store: Store;
  objects: WorkflowDeps['objects'];
  mailer: Mailer;
  publicUrl: string;
  linkSecret: Uint8Array;
  /** The runtime's one clock: the workflows' `now`, and every wait and time limit of the endpoint. */
  clock: Clock;
  /** Default: the product's kinds (functions/workflow/registry.ts); tests add their own. */
  kinds?: KindRegistry;
  /** Where webhooks may go (LocalConfig.webhooks). */
  webhooks: WorkflowDeps['webhooks'];
  log: WorkflowDeps['log'];
}): Promise<LocalWorkflows> {
  const now = () => opts.clock.now();
  // The client needs the endpoint's address before the endpoint starts: replay at start may
  // already call handlers that resume executions through it.
  const port = await freePort();
  const sfn = new SFNClient(localClientConfig(`http://127.0.0.1:${port}`));
  const deps: WorkflowDeps = {
    store: opts.store,
    objects: opts.objects,
    sfn,
    approvalStateMachineArn: `arn:aws:states:us-east-1:000000000000:stateMachine:${APPROVAL_STATE_MACHINE}`,
    mailer: opts.mailer,
    publicUrl: opts.publicUrl,
    linkSecret: opts.linkSecret,
    now,
    kinds: opts.kinds ?? kindRegistry(),
    webhooks: opts.webhooks,
    log: opts.log,
  };
  const endpoint = await startStepFunctionsEndpoint({
    host: '127.0.0.1',
    port,
    clock: opts.clock,
    handlers: taskHandlers(deps),
    persistence: { doc: opts.store.doc, table: opts.store.table },
    onError: (message, error) => opts.log('error', message, { error: error instanceof Error ? error.message : error === undefined ? undefined : String(error) }),
  });
  try {
    const definition = approvalDefinition();
    try {
      const created = await sfn.send(
        new CreateStateMachineCommand({ name: APPROVAL_STATE_MACHINE, definition, roleArn: 'arn:aws:iam::000000000000:role/cs-approval-local', type: 'STANDARD' }),
      );
      deps.approvalStateMachineArn = created.stateMachineArn!;
    } catch (err) {
      // The ASL file changed since the data was created: update it, as a deploy would.
      // Running executions keep the definition they started with.
      if (!(err instanceof StateMachineAlreadyExists)) throw err;
      await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: deps.approvalStateMachineArn, definition }));
    }
    await endpoint.replayRunning();
    await resumeAll(deps);
  } catch (err) {
    await endpoint.stop();
    throw err;
  }
  return { deps, endpoint, stop: () => endpoint.stop() };
}
