/**
 * "A workflow waiting for a human survives a hard kill of the local runtime: after a
 * restart it is still pending, its links still work, and deciding it completes the
 * workflow." An endpoint runs in a child process, executions get to where they wait, the
 * child is killed with SIGKILL, and a new endpoint on the same table takes over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStore } from '../../../functions/storage/client.js';
import { ensureTable, localClientConfig } from '../../../infra/local/dynamodb.js';
import { startStepFunctionsEndpoint, type StepFunctionsEndpoint } from '../../../infra/local/stepfunctions/server.js';

const roleArn = 'arn:aws:iam::000000000000:role/local';
const fn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(20);
  }
}

const ask = (step: number, next: Record<string, unknown>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: fn('ask'), Payload: { 'taskToken.$': '$$.Task.Token', 'requestId.$': '$.requestId', step } },
  ResultPath: `$.step${step}`,
  ...next,
});

const definitions = {
  approval: { StartAt: 'Ask', States: { Ask: ask(1, { End: true }) } },
  'two-step': {
    StartAt: 'First',
    States: {
      First: ask(1, { Next: 'Notify' }),
      // Fails once, then succeeds: both outcomes are recorded, neither is repeated on replay.
      Notify: {
        Type: 'Task',
        Resource: fn('notify'),
        Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 1, MaxAttempts: 2 }],
        ResultPath: null,
        Next: 'Second',
      },
      Second: ask(2, { Next: 'Archive' }),
      Archive: { Type: 'Task', Resource: fn('archive'), ResultPath: null, End: true },
    },
  },
  scoring: { StartAt: 'Score', States: { Score: { Type: 'Task', Resource: fn('score'), End: true } } },
  timed: {
    StartAt: 'Ask',
    States: {
      Ask: ask(1, { TimeoutSeconds: 4, Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timedOut', Next: 'Escalate' }], End: true }),
      Escalate: { Type: 'Pass', End: true },
    },
  },
};

/** The endpoint in a child process, its handlers saying on stdout what they were called with. */
const childSource = (serverUrl: string, storeUrl: string) => `
const { startStepFunctionsEndpoint } = await import(${JSON.stringify(serverUrl)});
const { createStore } = await import(${JSON.stringify(storeUrl)});
const say = (line) => process.stdout.write(JSON.stringify(line) + '\\n');
let notified = false;
const handlers = {
  ask: async (payload) => { say({ call: 'ask', ...payload }); return { notified: true }; },
  notify: async () => {
    say({ call: 'notify' });
    if (!notified) { notified = true; throw Object.assign(new Error('mail server busy'), { name: 'Transient' }); }
    return {};
  },
  score: async () => { say({ call: 'score' }); return { score: 7 }; },
  archive: async () => { say({ call: 'archive' }); return {}; },
};
const persistence = createStore({ table: process.env.SFN_TABLE, endpoint: process.env.SFN_DYNAMO });
const endpoint = await startStepFunctionsEndpoint({ host: '127.0.0.1', handlers, persistence });
say({ endpoint: endpoint.endpoint });
`;

interface Line {
  endpoint?: string;
  call?: string;
  requestId?: string;
  step?: number;
  taskToken?: string;
}

describe('local Step Functions endpoint: durability across a kill', () => {
  const table = `sfn-durable-${randomUUID().slice(0, 8)}`;
  const persistence = () => createStore({ table, endpoint: inject('dynamoEndpoint') });
  const calls: Record<string, number> = { ask: 0, notify: 0, score: 0, archive: 0 };
  const handlers = Object.fromEntries(
    Object.keys(calls).map((name) => [name, async () => ((calls[name]! += 1), name === 'score' ? { score: 7 } : {})]),
  );
  const lines: Line[] = [];
  const arns: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const endpoints: StepFunctionsEndpoint[] = [];
  const clients: SFNClient[] = [];
  let child: ChildProcess | undefined;
  let before: SFNClient;
  let after: SFNClient;
  let restarted: StepFunctionsEndpoint;

  const line = (match: (l: Line) => boolean) => until(() => lines.find(match));
  const submitted = (client: SFNClient, executionArn: string, count: number) =>
    until(async () => {
      const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn }));
      return events!.filter((e) => e.type === 'TaskSubmitted').length >= count ? true : undefined;
    });
  const ended = (executionArn: string) =>
    until(async () => {
      const described = await after.send(new DescribeExecutionCommand({ executionArn }));
      return described.status === 'RUNNING' ? undefined : described;
    });
  const client = (endpoint: string) => {
    const sfn = new SFNClient({ ...localClientConfig(endpoint), maxAttempts: 1 });
    clients.push(sfn);
    return sfn;
  };

  beforeAll(async () => {
    const raw = new DynamoDBClient(localClientConfig(inject('dynamoEndpoint')));
    await ensureTable(raw, table);
    raw.destroy();

    const source = childSource(
      new URL('../../../infra/local/stepfunctions/server.ts', import.meta.url).href,
      new URL('../../../functions/storage/client.ts', import.meta.url).href,
    );
    child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
      env: { ...process.env, SFN_TABLE: table, SFN_DYNAMO: inject('dynamoEndpoint') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        lines.push(JSON.parse(buffer.slice(0, i)) as Line);
        buffer = buffer.slice(i + 1);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    before = client((await line((l) => !!l.endpoint)).endpoint!);

    for (const [name, definition] of Object.entries(definitions)) {
      const { stateMachineArn } = await before.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn }));
      arns[name] = (await before.send(new StartExecutionCommand({ stateMachineArn, name: `${name}-1`, input: JSON.stringify({ requestId: name }) }))).executionArn!;
    }
    const asked = async (requestId: string, step: number) => (await line((l) => l.call === 'ask' && l.requestId === requestId && l.step === step)).taskToken!;
    tokens.approval = await asked('approval', 1);
    tokens.first = await asked('two-step', 1);
    await before.send(new SendTaskSuccessCommand({ taskToken: tokens.first, output: JSON.stringify({ approvedBy: 'manager' }) }));
    tokens.second = await asked('two-step', 2);
    tokens.timed = await asked('timed', 1);
    await submitted(before, arns.approval!, 1);
    await submitted(before, arns['two-step']!, 2);
    await submitted(before, arns.timed!, 1);
    await until(async () => ((await before.send(new DescribeExecutionCommand({ executionArn: arns.scoring! }))).status === 'SUCCEEDED' ? true : undefined));

    // Kill -9 two seconds into the timed task's four, then start again on the same table.
    const timedStart = (await before.send(new DescribeExecutionCommand({ executionArn: arns.timed! }))).startDate!.getTime();
    await sleep(Math.max(0, timedStart + 2_000 - Date.now()));
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    restarted = await startStepFunctionsEndpoint({ host: '127.0.0.1', handlers, persistence: persistence() });
    endpoints.push(restarted);
    after = client(restarted.endpoint);
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const sfn of clients) sfn.destroy();
    await Promise.all(endpoints.map((endpoint) => endpoint.stop()));
  });

  it('replays the running executions at start, without calling any handler again', async () => {
    expect([...restarted.replayed].sort()).toEqual([arns.approval, arns['two-step'], arns.timed].sort());
    expect(lines.filter((l) => l.call === 'notify')).toHaveLength(2);
    expect(calls).toMatchObject({ ask: 0, notify: 0, score: 0 });
  });

  it('keeps its state machines: described and created again without a conflict', async () => {
    const stateMachineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:approval';
    expect((await after.send(new DescribeStateMachineCommand({ stateMachineArn }))).definition).toBe(JSON.stringify(definitions.approval));
    const again = await after.send(new CreateStateMachineCommand({ name: 'approval', definition: JSON.stringify(definitions.approval), roleArn }));
    expect(again.stateMachineArn).toBe(stateMachineArn);
  });

  it('keeps a workflow waiting for a human pending; the token issued before the kill completes it', async () => {
    expect((await after.send(new DescribeExecutionCommand({ executionArn: arns.approval! }))).status).toBe('RUNNING');
    await after.send(new SendTaskSuccessCommand({ taskToken: tokens.approval!, output: JSON.stringify({ approved: true }) }));
    const done = await ended(arns.approval!);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ requestId: 'approval', step1: { approved: true } });
    expect(calls.ask).toBe(0);
  });

  it('resumes a two-step approval at step 2 when step 1 was decided before the kill', async () => {
    await expect(after.send(new SendTaskSuccessCommand({ taskToken: tokens.first!, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
    await after.send(new SendTaskSuccessCommand({ taskToken: tokens.second!, output: JSON.stringify({ approvedBy: 'director' }) }));
    const done = await ended(arns['two-step']!);
    expect(JSON.parse(done.output!)).toEqual({ requestId: 'two-step', step1: { approvedBy: 'manager' }, step2: { approvedBy: 'director' } });
    expect(calls).toMatchObject({ ask: 0, notify: 0, archive: 1 });
    const { events } = await after.send(new GetExecutionHistoryCommand({ executionArn: arns['two-step']! }));
    expect(events!.filter((e) => e.type === 'LambdaFunctionFailed')).toHaveLength(1);
    expect(events!.filter((e) => e.type === 'TaskSubmitted')).toHaveLength(2);
  });

  it('keeps an execution that had finished finished, with its history', async () => {
    const described = await after.send(new DescribeExecutionCommand({ executionArn: arns.scoring! }));
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: JSON.stringify({ score: 7 }) });
    const { events } = await after.send(new GetExecutionHistoryCommand({ executionArn: arns.scoring! }));
    expect(events!.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(calls.score).toBe(0);
  });

  it('counts a task timeout from when the task started before the kill, not from the restart', async () => {
    const done = await ended(arns.timed!);
    expect(JSON.parse(done.output!).timedOut).toMatchObject({ Error: 'States.Timeout' });
    const elapsed = done.stopDate!.getTime() - done.startDate!.getTime();
    expect(elapsed).toBeGreaterThanOrEqual(3_900);
    expect(elapsed).toBeLessThan(5_500); // from the restart it would be over 6 s
    await expect(after.send(new SendTaskSuccessCommand({ taskToken: tokens.timed!, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('drops running executions on stop() without ending them, so the next endpoint resumes them', async () => {
    let token = '';
    const first = await startStepFunctionsEndpoint({
      host: '127.0.0.1',
      persistence: persistence(),
      handlers: { ask: async (payload) => ((token = (payload as { taskToken: string }).taskToken), {}) },
    });
    endpoints.push(first);
    const sfn = client(first.endpoint);
    const stateMachineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:approval';
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ requestId: 'stop' }) }));
    await submitted(sfn, executionArn!, 1);
    await first.stop();

    const second = await startStepFunctionsEndpoint({ host: '127.0.0.1', persistence: persistence(), handlers });
    endpoints.push(second);
    expect(second.replayed).toEqual([executionArn]);
    const resumed = client(second.endpoint);
    await resumed.send(new SendTaskSuccessCommand({ taskToken: token, output: '"ok"' }));
    await until(async () => ((await resumed.send(new DescribeExecutionCommand({ executionArn }))).status === 'SUCCEEDED' ? true : undefined));
  });
});
