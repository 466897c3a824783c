/**
 * Executions: StartExecution, DescribeExecution, ListExecutions, StopExecution,
 * GetExecutionHistory — request and response shapes as the Step Functions API documents.
 */
import { randomUUID } from 'node:crypto';
import { SfnError, executionDoesNotExist, invalidArn, validation } from './errors.js';
import { historyPage } from './history.js';
import { epochSeconds, onlyFields, optionalBoolean, optionalInteger, optionalString, pageToken, readPageToken, requireString, type JsonObject } from './input.js';
import type { ExecutionRecord, ExecutionStatus } from './journal.js';
import { requireStateMachine } from './state-machines.js';
import type { Action, EndpointContext } from './context.js';

/** AWS: 1–80 characters, none of whitespace, brackets, wildcards, `"#%\^|~`$&,;:/` or control characters (\p{Cc}). */
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;
const STATUSES: ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
const MAX_PAYLOAD = 256 * 1024;

export function executionActions(ctx: EndpointContext): Record<string, Action> {
  const requireExecution = async (arn: string): Promise<ExecutionRecord> => {
    if (!arn.startsWith(`arn:aws:states:${ctx.region}:${ctx.accountId}:execution:`) || arn.split(':').length !== 8) {
      throw invalidArn(arn, 'Resource type not valid in this context');
    }
    const record = await ctx.engine.describe(arn);
    if (!record) throw executionDoesNotExist(arn);
    return record;
  };

  return {
    async StartExecution(input: JsonObject) {
      // traceHeader is accepted and ignored: there is no X-Ray locally.
      onlyFields('StartExecution', input, ['stateMachineArn', 'name', 'input', 'traceHeader']);
      const machine = await requireStateMachine(ctx, requireString(input, 'stateMachineArn'));
      const name = optionalString(input, 'name') ?? randomUUID();
      if (!EXECUTION_NAME.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
      const text = optionalString(input, 'input') ?? '{}';
      if (Buffer.byteLength(text) > MAX_PAYLOAD) throw new SfnError('InvalidExecutionInput', `Invalid Execution Input: over ${MAX_PAYLOAD} bytes`);
      try {
        JSON.parse(text);
      } catch (error) {
        throw new SfnError('InvalidExecutionInput', `Invalid Execution Input: '${(error as Error).message}'`);
      }
      const record: ExecutionRecord = {
        arn: `arn:aws:states:${ctx.region}:${ctx.accountId}:execution:${machine.name}:${name}`,
        stateMachineArn: machine.arn,
        name,
        definition: machine.definition,
        roleArn: machine.roleArn,
        input: text,
        startDate: ctx.now().toISOString(),
        status: 'RUNNING',
      };
      const existing = await ctx.engine.start(record);
      // AWS: the same name and input while the execution runs is the same start; a closed
      // execution or a different input under that name is ExecutionAlreadyExists.
      if (existing && (existing.status !== 'RUNNING' || existing.input !== text)) {
        throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${record.arn}'`);
      }
      const started = existing ?? record;
      return { executionArn: started.arn, startDate: epochSeconds(started.startDate) };
    },

    async DescribeExecution(input: JsonObject) {
      onlyFields('DescribeExecution', input, ['executionArn']);
      const r = await requireExecution(requireString(input, 'executionArn'));
      return {
        executionArn: r.arn,
        stateMachineArn: r.stateMachineArn,
        name: r.name,
        status: r.status,
        startDate: epochSeconds(r.startDate),
        ...(r.stopDate ? { stopDate: epochSeconds(r.stopDate) } : {}),
        input: r.input,
        inputDetails: { included: true },
        ...(r.output !== undefined ? { output: r.output, outputDetails: { included: true } } : {}),
        ...(r.error !== undefined ? { error: r.error } : {}),
        ...(r.cause !== undefined ? { cause: r.cause } : {}),
        redriveCount: 0,
      };
    },

    async ListExecutions(input: JsonObject) {
      onlyFields('ListExecutions', input, ['stateMachineArn', 'statusFilter', 'maxResults', 'nextToken']);
      const machine = await requireStateMachine(ctx, requireString(input, 'stateMachineArn'));
      const status = optionalString(input, 'statusFilter') as ExecutionStatus | undefined;
      if (status !== undefined && !STATUSES.includes(status)) throw validation(`'statusFilter' must be one of ${STATUSES.join(', ')}`);
      const after = readPageToken(optionalString(input, 'nextToken'));
      const limit = optionalInteger(input, 'maxResults', 0, 1000) || 100;
      const { items, next } = await ctx.journal.listExecutions({ stateMachineArn: machine.arn, limit, ...(status ? { status } : {}), ...(after ? { after } : {}) });
      return {
        executions: items.map((r) => ({
          executionArn: r.arn,
          stateMachineArn: r.stateMachineArn,
          name: r.name,
          status: r.status,
          startDate: epochSeconds(r.startDate),
          ...(r.stopDate ? { stopDate: epochSeconds(r.stopDate) } : {}),
        })),
        ...(next ? { nextToken: pageToken(next) } : {}),
      };
    },

    async StopExecution(input: JsonObject) {
      onlyFields('StopExecution', input, ['executionArn', 'error', 'cause']);
      const arn = requireString(input, 'executionArn');
      await requireExecution(arn);
      const stopped = await ctx.engine.stop(arn, optionalString(input, 'error'), optionalString(input, 'cause'));
      return { stopDate: epochSeconds(stopped.stopDate!) };
    },

    async GetExecutionHistory(input: JsonObject) {
      onlyFields('GetExecutionHistory', input, ['executionArn', 'maxResults', 'reverseOrder', 'nextToken', 'includeExecutionData']);
      const withData = optionalBoolean(input, 'includeExecutionData') ?? true;
      const arn = requireString(input, 'executionArn');
      await requireExecution(arn);
      const recorded = (await ctx.engine.history(arn)) ?? [];
      // As on AWS, includeExecutionData false leaves out every input, output and parameter.
      const events = withData ? recorded : recorded.map(withoutData);
      const nextToken = optionalString(input, 'nextToken');
      return historyPage(events, {
        maxResults: optionalInteger(input, 'maxResults', 0, 1000) ?? 0,
        reverseOrder: optionalBoolean(input, 'reverseOrder') ?? false,
        ...(nextToken !== undefined ? { nextToken } : {}),
      });
    },
  };
}

const DATA_FIELDS = new Set(['input', 'output', 'parameters', 'inputDetails', 'outputDetails']);

function withoutData<T>(event: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event as Record<string, unknown>)) {
    out[key] = key.endsWith('EventDetails') && value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !DATA_FIELDS.has(k)))
      : value;
  }
  return out as T;
}
