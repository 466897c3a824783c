import { CreateStateMachineCommand, DescribeStateMachineCommand, SFNClient, UpdateStateMachineCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClientConfig } from '../../../infra/local/dynamodb.js';
import { startStepFunctionsEndpoint, type StepFunctionsEndpoint } from '../../../infra/local/stepfunctions/server.js';
import { approvalDefinition } from '../../../infra/local/workflows.js';

/**
 * UpdateStateMachine on the local endpoint: what every start does when the ASL file changed
 * since the data was written (an upgrade). It takes definitions up to the service's 1 MB, as
 * CreateStateMachine does — the approval machine is far longer than a short field's 2,048.
 */
const roleArn = 'arn:aws:iam::000000000000:role/local';
/** The approval machine as the local runtime registers it (placeholders substituted). */
const approvalAsl = approvalDefinition();

describe('local Step Functions endpoint: UpdateStateMachine', () => {
  let endpoint: StepFunctionsEndpoint;
  let sfn: SFNClient;
  beforeAll(async () => {
    endpoint = await startStepFunctionsEndpoint({ host: '127.0.0.1' });
    sfn = new SFNClient({ ...localClientConfig(endpoint.endpoint), maxAttempts: 1 });
  });
  afterAll(async () => {
    sfn.destroy();
    await endpoint.stop();
  });

  it('replaces a state machine’s definition with a changed ASL file of the real size', async () => {
    const older = JSON.stringify({ Comment: 'the previous release', StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'approval-upgrade', definition: older, roleArn }));
    expect(approvalAsl.length).toBeGreaterThan(2048);

    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: approvalAsl }));
    expect((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }))).definition).toBe(approvalAsl);
  });
});
