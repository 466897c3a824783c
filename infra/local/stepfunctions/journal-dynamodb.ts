/**
 * The journal in the app's DynamoDB table, so executions survive a kill of the runtime.
 * Every key starts with `SFN#`, which no app entity uses, and no item sets the app's GSI
 * attributes, so the app's queries and indexes never see these items. No Scans: every
 * listing is a Query on one partition.
 *
 *   pk                          sk                        item
 *   SFN#STATEMACHINES           <stateMachineArn>         state machine (definition, role, dates)
 *   SFN#EXEC#<executionArn>     META                      execution (definition, input, status, output/error, dates)
 *   SFN#EXEC#<executionArn>     EV#<seq, 6 digits>        task invocation: state, token, startedAt, submittedAt, outcome
 *   SFN#EXEC#<executionArn>     HIST#<page, 4 digits>     history of an ended execution (JSON, ≤ ~300 KB per item)
 *   SFN#RUNNING                 <executionArn>            executions to replay at start
 *   SFN#EXECS#<stateMachineArn> <startDate>#<name>        ListExecutions, newest first
 */
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { listPosition, summary, type ExecutionQuery, type ExecutionRecord, type ExecutionSummary, type InvocationRecord, type Journal, type Outcome, type StateMachineRecord, type StoredEvent } from './journal.js';

export interface Persistence {
  doc: DynamoDBDocumentClient;
  table: string;
}

const STATE_MACHINES = 'SFN#STATEMACHINES';
const RUNNING = 'SFN#RUNNING';
const exec = (arn: string) => `SFN#EXEC#${arn}`;
const list = (stateMachineArn: string) => `SFN#EXECS#${stateMachineArn}`;
const ev = (seq: number) => `EV#${String(seq).padStart(6, '0')}`;
const HISTORY_ITEM_CHARS = 300_000;

type Item = Record<string, unknown>;
/** Callers may pass a document client without removeUndefinedValues. */
const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
const failedCondition = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException' ||
  ((error as Error).name === 'TransactionCanceledException' &&
    ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'));

export class DynamoJournal implements Journal {
  constructor(private readonly p: Persistence) {}

  private async get<T>(pk: string, sk: string): Promise<T | undefined> {
    const { Item } = await this.p.doc.send(new GetCommand({ TableName: this.p.table, Key: { pk, sk }, ConsistentRead: true }));
    return Item ? (strip(Item) as T) : undefined;
  }

  private async query(pk: string, skPrefix?: string): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.p.doc.send(
        new QueryCommand({
          TableName: this.p.table,
          KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** Conditional put; false when the item exists. */
  private async putNew(item: Item): Promise<boolean> {
    try {
      await this.p.doc.send(new PutCommand({ TableName: this.p.table, Item: defined(item), ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (failedCondition(error)) return false;
      throw error;
    }
  }

  getStateMachine(arn: string) {
    return this.get<StateMachineRecord>(STATE_MACHINES, arn);
  }
  async createStateMachine(record: StateMachineRecord) {
    if (await this.putNew({ pk: STATE_MACHINES, sk: record.arn, ...record })) return undefined;
    return this.getStateMachine(record.arn);
  }
  async updateStateMachine(record: StateMachineRecord) {
    await this.p.doc.send(new PutCommand({ TableName: this.p.table, Item: defined({ pk: STATE_MACHINES, sk: record.arn, ...record }) }));
  }
  async listStateMachines() {
    return (await this.query(STATE_MACHINES)).map((item) => strip(item) as unknown as StateMachineRecord);
  }

  async createExecution(record: ExecutionRecord) {
    // One transaction: an execution is never recorded without its place in the replay list.
    try {
      await this.p.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.p.table, Item: defined({ pk: exec(record.arn), sk: 'META', ...record }), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.p.table, Item: { pk: RUNNING, sk: record.arn } } },
            { Put: { TableName: this.p.table, Item: defined({ pk: list(record.stateMachineArn), sk: listPosition(record), ...summary(record) }) } },
          ],
        }),
      );
      return undefined;
    } catch (error) {
      if (!failedCondition(error)) throw error;
      return this.getExecution(record.arn);
    }
  }
  getExecution(arn: string) {
    return this.get<ExecutionRecord>(exec(arn), 'META');
  }
  async listExecutions({ stateMachineArn, status, limit, after }: ExecutionQuery) {
    const items: ExecutionSummary[] = [];
    let start: Item | undefined = after === undefined ? undefined : { pk: list(stateMachineArn), sk: after };
    do {
      const page = await this.p.doc.send(
        new QueryCommand({
          TableName: this.p.table,
          KeyConditionExpression: 'pk = :pk',
          ...(status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
          ExpressionAttributeValues: { ':pk': list(stateMachineArn), ...(status ? { ':status': status } : {}) },
          ScanIndexForward: false,
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []).map((item) => strip(item) as unknown as ExecutionSummary));
      start = page.LastEvaluatedKey;
    } while (start && items.length <= limit);
    const page = items.slice(0, limit);
    return { items: page, ...(items.length > limit ? { next: listPosition(page.at(-1)!) } : {}) };
  }
  async runningExecutions() {
    return (await this.query(RUNNING)).map((item) => item.sk as string);
  }
  async finishExecution(record: ExecutionRecord, history: StoredEvent[]) {
    // History first: if we die before the transaction, the execution is replayed and rewrites it.
    await this.putHistory(record.arn, history);
    try {
      await this.p.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.p.table, Item: defined({ pk: exec(record.arn), sk: 'META', ...record }), ConditionExpression: '#status = :running', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':running': 'RUNNING' } } },
            { Delete: { TableName: this.p.table, Key: { pk: RUNNING, sk: record.arn } } },
            {
              Update: {
                TableName: this.p.table,
                Key: { pk: list(record.stateMachineArn), sk: listPosition(record) },
                UpdateExpression: 'SET #status = :status, stopDate = :stop',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':status': record.status, ':stop': record.stopDate },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (failedCondition(error)) return false;
      throw error;
    }
  }
  private async putHistory(arn: string, history: StoredEvent[]) {
    const pages: string[] = [];
    let current: StoredEvent[] = [];
    let size = 0;
    for (const event of history) {
      const length = JSON.stringify(event).length;
      if (current.length > 0 && size + length > HISTORY_ITEM_CHARS) {
        pages.push(JSON.stringify(current));
        [current, size] = [[], 0];
      }
      current.push(event);
      size += length;
    }
    pages.push(JSON.stringify(current));
    for (let i = 0; i < pages.length; i += 25) {
      const batch = pages.slice(i, i + 25).map((events, j) => ({
        PutRequest: { Item: { pk: exec(arn), sk: `HIST#${String(i + j + 1).padStart(4, '0')}`, events } },
      }));
      let request: Record<string, unknown[]> | undefined = { [this.p.table]: batch };
      while (request && Object.keys(request).length > 0) {
        const out = await this.p.doc.send(new BatchWriteCommand({ RequestItems: request as never }));
        request = out.UnprocessedItems as Record<string, unknown[]> | undefined;
      }
    }
  }
  async history(arn: string) {
    const pages = await this.query(exec(arn), 'HIST#');
    if (pages.length === 0) return undefined;
    return pages.flatMap((page) => JSON.parse(page.events as string) as StoredEvent[]);
  }

  async invocations(arn: string) {
    return (await this.query(exec(arn), 'EV#')).map(readInvocation);
  }
  async getInvocation(arn: string, seq: number) {
    const item = await this.get<Item>(exec(arn), ev(seq));
    return item && readInvocation(item);
  }
  startInvocation(arn: string, record: InvocationRecord) {
    return this.putNew({ pk: exec(arn), sk: ev(record.seq), ...record });
  }
  async submitInvocation(arn: string, seq: number, at: string) {
    await this.p.doc.send(
      new UpdateCommand({ TableName: this.p.table, Key: { pk: exec(arn), sk: ev(seq) }, UpdateExpression: 'SET submittedAt = :at', ExpressionAttributeValues: { ':at': at } }),
    );
  }
  async settleInvocation(arn: string, seq: number, outcome: Outcome, endedAt: string) {
    try {
      await this.p.doc.send(
        new UpdateCommand({
          TableName: this.p.table,
          Key: { pk: exec(arn), sk: ev(seq) },
          UpdateExpression: 'SET outcome = :outcome, endedAt = :at',
          // The conditional write is what makes "exactly one decision wins" hold across processes.
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(outcome)',
          // A JSON string: task results are arbitrary JSON, which DynamoDB maps cannot all hold.
          ExpressionAttributeValues: { ':outcome': JSON.stringify(outcome), ':at': endedAt },
        }),
      );
      return true;
    } catch (error) {
      if (failedCondition(error)) return false;
      throw error;
    }
  }
}

function readInvocation(item: Item): InvocationRecord {
  const record = strip(item) as unknown as InvocationRecord & { outcome?: unknown };
  return typeof record.outcome === 'string' ? { ...record, outcome: JSON.parse(record.outcome) as Outcome } : record;
}

function strip(item: Item): Item {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest;
}
