import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStore } from '../../../functions/storage/client.js';
import { ensureTable, localClientConfig } from '../../../infra/local/dynamodb.js';
import { startStepFunctionsEndpoint, type StepFunctionsEndpoint } from '../../../infra/local/stepfunctions/server.js';

const roleArn = 'arn:aws:iam::000000000000:role/local';
const fn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(20);
  }
}

describe('local Step Functions endpoint: executions', () => {
  const table = `sfn-exec-${randomUUID().slice(0, 8)}`;
  const endpoints: StepFunctionsEndpoint[] = [];
  const clients: SFNClient[] = [];
  const errors: string[] = [];
  let flakyCalls = 0;
  let sfn: SFNClient;

  const handlers = {
    score: async (payload: unknown) => ({ score: (payload as { points: number }).points * 2 }),
    label: async (payload: unknown) => ({ label: `level ${(payload as { level: string }).level}` }),
    flaky: async () => {
      flakyCalls += 1;
      if (flakyCalls === 1) throw Object.assign(new Error('mail server busy'), { name: 'Transient' });
      return { sent: true };
    },
    refuse: async () => {
      throw Object.assign(new Error('probation not finished'), { name: 'NotEligible' });
    },
  };

  const start = async (opts: { libraryTaskSeconds?: number } = {}) => {
    const endpoint = await startStepFunctionsEndpoint({
      host: '127.0.0.1',
      handlers,
      persistence: createStore({ table, endpoint: inject('dynamoEndpoint') }),
      onError: (message) => errors.push(message),
      ...opts,
    });
    const client = new SFNClient({ ...localClientConfig(endpoint.endpoint), maxAttempts: 1 });
    endpoints.push(endpoint);
    clients.push(client);
    return client;
  };

  const machine = async (client: SFNClient, definition: object) =>
    (await client.send(new CreateStateMachineCommand({ name: `m-${randomUUID().slice(0, 8)}`, definition: JSON.stringify(definition), roleArn })))
      .stateMachineArn!;

  const run = async (client: SFNClient, stateMachineArn: string, input: object, name?: string) =>
    (await client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), ...(name ? { name } : {}) }))).executionArn!;

  const ended = (client: SFNClient, executionArn: string, timeoutMs?: number) =>
    until(async () => {
      const described = await client.send(new DescribeExecutionCommand({ executionArn }));
      return described.status === 'RUNNING' ? undefined : described;
    }, timeoutMs);

  beforeAll(async () => {
    const raw = new DynamoDBClient(localClientConfig(inject('dynamoEndpoint')));
    await ensureTable(raw, table);
    raw.destroy();
    sfn = await start();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await Promise.all(endpoints.map((endpoint) => endpoint.stop()));
  });

  const chain = {
    StartAt: 'Score',
    States: {
      Score: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: fn('score'), 'Payload.$': '$' },
        ResultSelector: { 'score.$': '$.Payload.score' },
        ResultPath: '$.result',
        Next: 'Decide',
      },
      Decide: { Type: 'Choice', Choices: [{ Variable: '$.result.score', NumericGreaterThanEquals: 10, Next: 'High' }], Default: 'Low' },
      High: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'label', Payload: { level: 'high', 'score.$': '$.result.score' } },
        OutputPath: '$.Payload',
        End: true,
      },
      Low: { Type: 'Pass', Result: { label: 'level low' }, End: true },
    },
  };

  it('runs a lambda:invoke chain: Payload through ResultSelector and OutputPath, a Choice picks the branch', async () => {
    const arn = await machine(sfn, chain);
    const high = await ended(sfn, await run(sfn, arn, { points: 6 }));
    expect(high).toMatchObject({ status: 'SUCCEEDED' });
    expect(JSON.parse(high.output!)).toEqual({ label: 'level high' });
    const low = await ended(sfn, await run(sfn, arn, { points: 2 }));
    expect(JSON.parse(low.output!)).toEqual({ label: 'level low' });
  });

  it('lists the history in order, with ids, timestamps, reverse order and paging', async () => {
    const executionArn = await run(sfn, await machine(sfn, chain), { points: 6 });
    await ended(sfn, executionArn);
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events!.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited',
      'ChoiceStateEntered', 'ChoiceStateExited',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events!.map((e) => e.id)).toEqual(events!.map((_, i) => i + 1));
    const times = events!.map((e) => e.timestamp!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events![2]!.taskScheduledEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke', region: 'us-east-1' });
    expect(JSON.parse(events![4]!.taskSucceededEventDetails!.output!)).toEqual({ ExecutedVersion: '$LATEST', Payload: { score: 12 }, StatusCode: 200 });

    const reversed = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));
    expect(reversed.events!.map((e) => e.id)).toEqual(events!.map((e) => e.id).reverse());
    const page1 = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 10 }));
    const page2 = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 10, nextToken: page1.nextToken }));
    expect([...page1.events!, ...page2.events!].map((e) => e.id)).toEqual(events!.map((e) => e.id));
    expect(page2.nextToken).toBeUndefined();
  });

  it('retries a handler that fails once, then succeeds', async () => {
    const arn = await machine(sfn, {
      StartAt: 'Notify',
      States: {
        Notify: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: fn('flaky'), Payload: {} },
          Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 1, MaxAttempts: 2 }],
          OutputPath: '$.Payload',
          End: true,
        },
      },
    });
    const done = await ended(sfn, await run(sfn, arn, {}));
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ sent: true });
    expect(flakyCalls).toBe(2);
  });

  it('catches a handler error by its custom name and takes the compensating path', async () => {
    const arn = await machine(sfn, {
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Task',
          Resource: fn('refuse'),
          Catch: [{ ErrorEquals: ['NotEligible'], ResultPath: '$.error', Next: 'Refused' }],
          Next: 'Accepted',
        },
        Accepted: { Type: 'Succeed' },
        Refused: { Type: 'Pass', End: true },
      },
    });
    const done = await ended(sfn, await run(sfn, arn, { employeeId: 'e-1' }));
    const output = JSON.parse(done.output!);
    expect(output).toMatchObject({ employeeId: 'e-1', error: { Error: 'NotEligible' } });
    expect(JSON.parse(output.error.Cause)).toEqual({ errorMessage: 'probation not finished', errorType: 'NotEligible' });
  });

  it('gives the context object: execution id, name and the recorded start time', async () => {
    const arn = await machine(sfn, {
      StartAt: 'Context',
      States: { Context: { Type: 'Pass', Parameters: { 'id.$': '$$.Execution.Id', 'name.$': '$$.Execution.Name', 'started.$': '$$.Execution.StartTime' }, End: true } },
    });
    const executionArn = await run(sfn, arn, {}, 'context-1');
    const done = await ended(sfn, executionArn);
    expect(JSON.parse(done.output!)).toEqual({ id: executionArn, name: 'context-1', started: done.startDate!.toISOString() });
  });

  it('runs Map and Parallel states whose branches have no tasks', async () => {
    const arn = await machine(sfn, {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Each', States: { Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'Wrap', States: { Wrap: { Type: 'Pass', Parameters: { 'item.$': '$' }, End: true } } }, End: true } } },
            { StartAt: 'Count', States: { Count: { Type: 'Pass', Parameters: { 'count.$': 'States.ArrayLength($.items)' }, End: true } } },
          ],
          End: true,
        },
      },
    });
    const done = await ended(sfn, await run(sfn, arn, { items: ['a', 'b'] }));
    expect(JSON.parse(done.output!)).toEqual([[{ item: 'a' }, { item: 'b' }], { count: 2 }]);
  });

  it('runs executions in memory when no persistence is given', async () => {
    const endpoint = await startStepFunctionsEndpoint({ host: '127.0.0.1', handlers });
    endpoints.push(endpoint);
    const client = new SFNClient({ ...localClientConfig(endpoint.endpoint), maxAttempts: 1 });
    clients.push(client);
    const executionArn = await run(client, await machine(client, chain), { points: 6 });
    expect(JSON.parse((await ended(client, executionArn)).output!)).toEqual({ label: 'level high' });
    expect((await client.send(new GetExecutionHistoryCommand({ executionArn }))).events!.at(-1)!.type).toBe('ExecutionSucceeded');
  });

  it('answers an unknown execution with ExecutionDoesNotExist, and a malformed ARN with InvalidArn', async () => {
    const executionArn = 'arn:aws:states:us-east-1:000000000000:execution:nobody:nothing';
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn }))).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await expect(sfn.send(new GetExecutionHistoryCommand({ executionArn }))).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:x' }))).rejects.toMatchObject({ name: 'InvalidArn' });
  });

  it('waits until a Timestamp, and reports the Wait state as such', async () => {
    const arn = await machine(sfn, {
      StartAt: 'Pause',
      States: { Pause: { Type: 'Wait', TimestampPath: '$.until', Next: 'Done' }, Done: { Type: 'Pass', End: true } },
    });
    const until_ = new Date(Date.now() + 1_000).toISOString();
    const executionArn = await run(sfn, arn, { until: until_ });
    const done = await ended(sfn, executionArn);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(until_));
    expect(JSON.parse(done.output!)).toEqual({ until: until_ });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events!.map((e) => e.type)).toEqual(['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  });

  it('fails loudly, with States.Runtime, on a resource it does not run or a function without a handler', async () => {
    const unsupported = await machine(sfn, { StartAt: 'Put', States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 't' }, End: true } } });
    const missing = await machine(sfn, { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: fn('nobody'), Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true }, Caught: { Type: 'Succeed' } } });
    const a = await ended(sfn, await run(sfn, unsupported, {}));
    const b = await ended(sfn, await run(sfn, missing, {}));
    expect(a).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: expect.stringContaining('dynamodb:putItem') });
    // States.Runtime is not caught, even by States.ALL (as on AWS).
    expect(b).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: expect.stringContaining("no local handler for Lambda function 'nobody'") });
    expect(errors.some((message) => message.includes('dynamodb:putItem'))).toBe(true);
  });

  it('refuses, at creation and saying why, definitions it could not replay or does not implement', async () => {
    const refused = async (state: object) =>
      sfn.send(new CreateStateMachineCommand({ name: `r-${randomUUID().slice(0, 8)}`, roleArn, definition: JSON.stringify({ StartAt: 'S', States: { S: state } }) }));
    await expect(refused({ Type: 'Wait', Seconds: 60, End: true })).rejects.toMatchObject({
      name: 'UnsupportedByLocalEndpointException',
      message: expect.stringMatching(/Wait state 'S' with Seconds .*replayed.*Timestamp/),
    });
    await expect(refused({ Type: 'Wait', SecondsPath: '$.s', End: true })).rejects.toMatchObject({ message: expect.stringContaining('SecondsPath') });
    await expect(refused({ Type: 'Pass', Parameters: { 'id.$': 'States.UUID()' }, End: true })).rejects.toMatchObject({
      message: expect.stringMatching(/States\.UUID in state 'S' .*replayed/),
    });
    const callback = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token' } } };
    await expect(refused({ ...callback, HeartbeatSeconds: 60, End: true })).rejects.toMatchObject({ message: expect.stringContaining("HeartbeatSeconds in Task state 'S'") });
    await expect(refused({ Type: 'Pass', QueryLanguage: 'JSONata', End: true })).rejects.toMatchObject({ message: expect.stringContaining('JSONata') });
    await expect(
      refused({ Type: 'Parallel', Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('score'), End: true } } }], End: true }),
    ).rejects.toMatchObject({ message: expect.stringContaining("Task state 'T' inside a Map or Parallel state") });
    await expect(refused({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: '${AskFn}' }, End: true })).rejects.toMatchObject({
      name: 'InvalidDefinition',
      message: expect.stringContaining('${AskFn}'),
    });
  });
});
