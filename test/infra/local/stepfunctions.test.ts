import {
  CreateStateMachineCommand,
  DescribeStateMachineCommand,
  ListActivitiesCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClientConfig } from '../../../infra/local/dynamodb.js';
import { startStepFunctionsEndpoint, type StepFunctionsEndpoint } from '../../../infra/local/stepfunctions/server.js';

const roleArn = 'arn:aws:iam::000000000000:role/local';
const passDefinition = (comment: string) =>
  JSON.stringify({ Comment: comment, StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });

describe('local Step Functions endpoint', () => {
  let endpoint: StepFunctionsEndpoint;
  let sfn: SFNClient;
  const created = new Date('2026-03-01T08:00:00.000Z');

  const owned: { client: SFNClient; stop(): Promise<void> }[] = [];
  /** A fresh endpoint, for tests that need an empty registry. */
  const fresh = async () => {
    const own = await startStepFunctionsEndpoint({ host: '127.0.0.1', now: () => created });
    const client = new SFNClient({ ...localClientConfig(own.endpoint), maxAttempts: 1 });
    owned.push({ client, stop: own.stop });
    return { client };
  };

  beforeAll(async () => {
    endpoint = await startStepFunctionsEndpoint({ host: '127.0.0.1' });
    sfn = new SFNClient({ ...localClientConfig(endpoint.endpoint), maxAttempts: 1 });
  });
  afterAll(async () => {
    for (const { client } of owned) client.destroy();
    sfn.destroy();
    await Promise.all([endpoint.stop(), ...owned.map((own) => own.stop())]);
  });

  it('lists no state machines, then creates and describes one', async () => {
    const env = await fresh();
    expect((await env.client.send(new ListStateMachinesCommand({}))).stateMachines).toEqual([]);

    const definition = passDefinition('probation review');
    const out = await env.client.send(new CreateStateMachineCommand({ name: 'probation-review', definition, roleArn }));
    expect(out.stateMachineArn).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:probation-review');
    expect(out.creationDate).toEqual(created);

    const described = await env.client.send(new DescribeStateMachineCommand({ stateMachineArn: out.stateMachineArn }));
    expect(described).toMatchObject({
      stateMachineArn: out.stateMachineArn,
      name: 'probation-review',
      status: 'ACTIVE',
      type: 'STANDARD',
      definition,
      roleArn,
      creationDate: created,
    });
    expect((await env.client.send(new ListStateMachinesCommand({}))).stateMachines).toEqual([
      { stateMachineArn: out.stateMachineArn, name: 'probation-review', type: 'STANDARD', creationDate: created },
    ]);
  });

  it('treats the same create as idempotent and a different definition under the same name as a conflict', async () => {
    const input = { name: 'same-twice', definition: passDefinition('v1'), roleArn };
    const first = await sfn.send(new CreateStateMachineCommand(input));
    const second = await sfn.send(new CreateStateMachineCommand(input));
    expect(second.stateMachineArn).toBe(first.stateMachineArn);
    await expect(sfn.send(new CreateStateMachineCommand({ ...input, definition: passDefinition('v2') }))).rejects.toMatchObject({
      name: 'StateMachineAlreadyExists',
    });
  });

  it('pages through state machines', async () => {
    const env = await fresh();
    for (const name of ['c', 'a', 'b']) {
      await env.client.send(new CreateStateMachineCommand({ name, definition: passDefinition(name), roleArn }));
    }
    const page1 = await env.client.send(new ListStateMachinesCommand({ maxResults: 2 }));
    expect(page1.stateMachines?.map((m) => m.name)).toEqual(['a', 'b']);
    const page2 = await env.client.send(new ListStateMachinesCommand({ maxResults: 2, nextToken: page1.nextToken }));
    expect(page2.stateMachines?.map((m) => m.name)).toEqual(['c']);
    expect(page2.nextToken).toBeUndefined();
  });

  it('refuses an invalid definition at creation, naming the problem', async () => {
    const definition = JSON.stringify({ StartAt: 'Missing', States: { Done: { Type: 'Pass', End: true } } });
    await expect(sfn.send(new CreateStateMachineCommand({ name: 'broken', definition, roleArn }))).rejects.toMatchObject({
      name: 'InvalidDefinition',
      message: expect.stringContaining('MISSING_TRANSITION_TARGET'),
    });
    await expect(sfn.send(new CreateStateMachineCommand({ name: 'not-json', definition: '{', roleArn }))).rejects.toMatchObject({
      name: 'InvalidDefinition',
    });
  });

  it('answers an unknown state machine with StateMachineDoesNotExist', async () => {
    const stateMachineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:nobody';
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn }))).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'arn:aws:lambda:x' }))).rejects.toMatchObject({
      name: 'InvalidArn',
    });
  });

  it('refuses what it does not implement, loudly', async () => {
    const definition = passDefinition('express');
    await expect(sfn.send(new CreateStateMachineCommand({ name: 'fast', definition, roleArn, type: 'EXPRESS' }))).rejects.toMatchObject({
      name: 'UnsupportedByLocalEndpointException',
      message: expect.stringContaining('EXPRESS'),
    });
    await expect(
      sfn.send(new CreateStateMachineCommand({ name: 'logged', definition, roleArn, loggingConfiguration: { level: 'ALL' } })),
    ).rejects.toMatchObject({
      name: 'UnsupportedByLocalEndpointException',
      message: expect.stringContaining("'loggingConfiguration'"),
    });
    await expect(
      sfn.send(new ListActivitiesCommand({})),
    ).rejects.toMatchObject({
      name: 'UnknownOperationException',
      message: expect.stringContaining('AWSStepFunctions.ListActivities is not supported'),
    });
  });

  it('answers an unknown action with an AWS-style UnknownOperationException', async () => {
    const response = await fetch(endpoint.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AWSStepFunctions.Frobnicate' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(await response.json()).toEqual({
      __type: 'UnknownOperationException',
      message: expect.stringMatching(/^Operation AWSStepFunctions.Frobnicate is not supported .*CreateStateMachine/),
    });
  });

  it('refuses bodies that are not AWS JSON 1.0', async () => {
    const response = await fetch(endpoint.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AWSStepFunctions.ListStateMachines' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('SerializationException');
  });
});
