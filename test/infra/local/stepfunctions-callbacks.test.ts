/** Human steps: `.waitForTaskToken` tasks decided through SendTaskSuccess/Failure, with time limits. */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
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

/** A human step: the handler is told the token, the decision comes back via SendTask*. */
const askState = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: fn('ask'), Payload: { 'taskToken.$': '$$.Task.Token', 'requestId.$': '$.requestId' } },
  ResultPath: '$.decision',
  ...extra,
});

describe('local Step Functions endpoint: task tokens', () => {
  const table = `sfn-tokens-${randomUUID().slice(0, 8)}`;
  const endpoints: StepFunctionsEndpoint[] = [];
  const clients: SFNClient[] = [];
  const errors: string[] = [];
  const asked = new Map<string, string>(); // requestId → token
  let sfn: SFNClient;

  const handlers = {
    ask: async (payload: unknown) => {
      const { taskToken, requestId } = payload as { taskToken: string; requestId: string };
      asked.set(requestId, taskToken);
      return { notified: true };
    },
  };
  const tokenFor = (requestId: string) => until(async () => asked.get(requestId));

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

  it('waits for a human: the handler gets the token, SendTaskSuccess completes the execution with its output', async () => {
    const arn = await machine(sfn, { StartAt: 'Ask', States: { Ask: askState({ End: true }) } });
    const executionArn = await run(sfn, arn, { requestId: 'r-success' });
    const token = await tokenFor('r-success');
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));

    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }));
    const done = await ended(sfn, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ requestId: 'r-success', decision: { approved: true } });

    // A closed task's token: TaskTimedOut (AWS: "already been closed"); a forged one: InvalidToken.
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' }))).rejects.toMatchObject({ name: 'InvalidToken' });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events!.map((e) => e.type)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
  });

  it('takes the Catch path on SendTaskFailure', async () => {
    const arn = await machine(sfn, {
      StartAt: 'Ask',
      States: {
        Ask: askState({ Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.rejection', Next: 'Refused' }], Next: 'Approved' }),
        Approved: { Type: 'Succeed' },
        Refused: { Type: 'Pass', Result: 'refused', ResultPath: '$.outcome', End: true },
      },
    });
    const executionArn = await run(sfn, arn, { requestId: 'r-failure' });
    await sfn.send(new SendTaskFailureCommand({ taskToken: await tokenFor('r-failure'), error: 'Rejected', cause: 'no budget' }));
    const done = await ended(sfn, executionArn);
    expect(JSON.parse(done.output!)).toEqual({ requestId: 'r-failure', rejection: { Error: 'Rejected', Cause: 'no budget' }, outcome: 'refused' });
  });

  it('lets exactly one of two concurrent decisions win; the other gets TaskTimedOut', async () => {
    const arn = await machine(sfn, { StartAt: 'Ask', States: { Ask: askState({ End: true }) } });
    const executionArn = await run(sfn, arn, { requestId: 'r-race' });
    const token = await tokenFor('r-race');
    const results = await Promise.allSettled(
      ['approve', 'reject'].map((verdict) => sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ verdict }) }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ name: 'TaskTimedOut' });
    const winner = results[0]!.status === 'fulfilled' ? 'approve' : 'reject';
    expect(JSON.parse((await ended(sfn, executionArn)).output!).decision).toEqual({ verdict: winner });
  });

  it('times a task out after TimeoutSeconds: the Catch on States.Timeout runs, not the one on States.TaskFailed', async () => {
    const arn = await machine(sfn, {
      StartAt: 'Ask',
      States: {
        Ask: askState({
          TimeoutSeconds: 2,
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], Next: 'Wrong' },
            { ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Escalate' },
          ],
          Next: 'Wrong',
        }),
        Wrong: { Type: 'Fail', Error: 'Wrong' },
        Escalate: { Type: 'Pass', End: true },
      },
    });
    const started = Date.now();
    const executionArn = await run(sfn, arn, { requestId: 'r-timeout' });
    const token = await tokenFor('r-timeout');
    const done = await ended(sfn, executionArn);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!).timeout).toMatchObject({ Error: 'States.Timeout' });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events!.map((e) => e.type)).toContain('TaskTimedOut');
  });

  it('keeps waiting under a 30-day TimeoutSecondsPath, past the library timer, until decided', async () => {
    // A library timer of 2 s: the wait must outlive it (in steps) without timing out.
    const client = await start({ libraryTaskSeconds: 2 });
    const arn = await machine(client, {
      StartAt: 'Ask',
      States: { Ask: askState({ TimeoutSecondsPath: '$.limitSeconds', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], End: true }), Failed: { Type: 'Fail' } },
    });
    const executionArn = await run(client, arn, { requestId: 'r-month', limitSeconds: 30 * 24 * 3600 });
    const token = await tokenFor('r-month');
    await sleep(3_500);
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '"approved"' }));
    expect(JSON.parse((await ended(client, executionArn)).output!).decision).toBe('approved');
  });

  it('is idempotent for a running execution started again by name; StopExecution aborts it and closes its task', async () => {
    const arn = await machine(sfn, { StartAt: 'Ask', States: { Ask: askState({ End: true }) } });
    const input = { requestId: 'r-stop' };
    const first = await run(sfn, arn, input, 'probation-review-42');
    expect(await run(sfn, arn, input, 'probation-review-42')).toBe(first);
    await expect(run(sfn, arn, { requestId: 'other' }, 'probation-review-42')).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    const token = await tokenFor('r-stop');

    await sfn.send(new StopExecutionCommand({ executionArn: first, error: 'Withdrawn', cause: 'the manager withdrew the request' }));
    const stopped = await sfn.send(new DescribeExecutionCommand({ executionArn: first }));
    expect(stopped).toMatchObject({ status: 'ABORTED', error: 'Withdrawn', cause: 'the manager withdrew the request' });
    expect(stopped.stopDate).toBeInstanceOf(Date);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
    // AWS: a closed execution's name cannot be started again, even with the same input.
    await expect(run(sfn, arn, input, 'probation-review-42')).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: first, reverseOrder: true }));
    expect(events![0]).toMatchObject({ type: 'ExecutionAborted', executionAbortedEventDetails: { error: 'Withdrawn' } });
  });

  it('lists executions newest first, filtered by status and in pages', async () => {
    const arn = await machine(sfn, { StartAt: 'Ask', States: { Ask: askState({ End: true }) } });
    const names = ['list-a', 'list-b', 'list-c'];
    for (const name of names) {
      await run(sfn, arn, { requestId: name }, name);
      await sleep(5);
    }
    await sfn.send(new SendTaskSuccessCommand({ taskToken: await tokenFor('list-b'), output: '{}' }));
    await until(async () => {
      const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' }));
      return executions!.length === 1 ? executions : undefined;
    });
    const page1 = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2 }));
    const page2 = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2, nextToken: page1.nextToken }));
    expect([...page1.executions!, ...page2.executions!].map((e) => e.name)).toEqual(['list-c', 'list-b', 'list-a']);
    expect(page2.nextToken).toBeUndefined();
    const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'RUNNING' }));
    expect(running.executions!.map((e) => e.name)).toEqual(['list-c', 'list-a']);
  });
  it('reports no loud errors for these paths', () => expect(errors).toEqual([]));
});
