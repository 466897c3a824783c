import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, localClientConfig, startDynamoLocal, type DynamoLocal } from '../../../infra/local/dynamodb.js';
import { assertPortFree } from '../../../infra/local/ports.js';
import { canConnect, lanAddress } from '../../support/net.js';

const posix = process.platform !== 'win32';
describe('DynamoDB Local', () => {
  const started: DynamoLocal[] = [];
  const clients: DynamoDBClient[] = [];
  const dirs: string[] = [];
  let memory: DynamoLocal;
  let memoryClient: DynamoDBClient;

  const start = async (opts: Parameters<typeof startDynamoLocal>[0]) => {
    const dynamo = await startDynamoLocal(opts);
    started.push(dynamo);
    const client = new DynamoDBClient(localClientConfig(dynamo.endpoint));
    clients.push(client);
    return { dynamo, client };
  };
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cs-dynamodb-test-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    ({ dynamo: memory, client: memoryClient } = await start({}));
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await Promise.all(started.map((dynamo) => dynamo.stop()));
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('creates the table from schema.ts once, and keeps its items across a restart', async () => {
    const dataDir = await tempDir();
    const first = await start({ dataDir });
    expect(await ensureTable(first.client, 'cs-test')).toBe('created');
    expect(await ensureTable(first.client, 'cs-test')).toBe('exists');

    const { Table } = await first.client.send(new DescribeTableCommand({ TableName: 'cs-test' }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6']);
    expect(Table?.GlobalSecondaryIndexes?.find((index) => index.IndexName === 'gsi4')).toMatchObject({
      KeySchema: [
        { AttributeName: 'gsi4pk', KeyType: 'HASH' },
        { AttributeName: 'gsi4sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const ttl = await first.client.send(new DescribeTimeToLiveCommand({ TableName: 'cs-test' }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });

    const key = { pk: { S: 'PERSON#1' }, sk: { S: 'PROFILE' } };
    await first.client.send(new PutItemCommand({ TableName: 'cs-test', Item: { ...key, name: { S: '张三' } } }));
    expect((await first.client.send(new GetItemCommand({ TableName: 'cs-test', Key: key }))).Item?.name).toEqual({ S: '张三' });

    await first.dynamo.stop();
    await expect(first.dynamo.exited).resolves.toBeDefined();
    await assertPortFree(first.dynamo.port, '127.0.0.1', 'DynamoDB Local'); // the process is gone

    const second = await start({ dataDir });
    expect(await ensureTable(second.client, 'cs-test')).toBe('exists');
    expect((await second.client.send(new GetItemCommand({ TableName: 'cs-test', Key: key }))).Item?.name).toEqual({ S: '张三' });
  });

  it.skipIf(!lanAddress)('answers on 127.0.0.1 but not on the network', async () => {
    expect(await canConnect('127.0.0.1', memory.port)).toBe(true);
    expect(await canConnect(lanAddress!, memory.port)).toBe(false);
  });

  it('adds an index schema.ts gained to a table made before it', async () => {
    await memoryClient.send(
      new CreateTableCommand({
        TableName: 'cs-old',
        AttributeDefinitions: ['pk', 'sk', ...[1, 2, 3, 4, 5].flatMap((n) => [`gsi${n}pk`, `gsi${n}sk`])].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [1, 2, 3, 4, 5].map((n) => ({
          IndexName: `gsi${n}`,
          KeySchema: [
            { AttributeName: `gsi${n}pk`, KeyType: 'HASH' },
            { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    expect(await ensureTable(memoryClient, 'cs-old')).toBe('exists');
    const { Table } = await memoryClient.send(new DescribeTableCommand({ TableName: 'cs-old' }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6']);
  });

  it('refuses a table of the same name with other keys instead of patching it', async () => {
    await memoryClient.send(
      new CreateTableCommand({
        TableName: 'cs-foreign',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await expect(ensureTable(memoryClient, 'cs-foreign')).rejects.toThrow(/table has keys id but .*schema.ts says pk\/sk/);
  });

  it.skipIf(!posix)('reports what Java said when DynamoDB Local cannot start', async () => {
    const dir = await tempDir();
    const java = join(dir, 'java');
    await writeFile(java, '#!/bin/sh\necho "Error: Unable to access jarfile" >&2\nexit 3\n');
    await chmod(java, 0o755);
    await expect(startDynamoLocal({ java })).rejects.toThrow(
      /DynamoDB Local exited before it was ready \(exit code 3\):\nError: Unable to access jarfile/,
    );
  });

  it.skipIf(!posix)('falls back to all interfaces, with a warning, when Java cannot run the bind launcher', async () => {
    // A Java without the compiler module, as in some slim JRE images.
    const dir = await tempDir();
    const java = join(dir, 'java');
    await writeFile(java, '#!/bin/sh\nexec java --limit-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs "$@"\n');
    await chmod(java, 0o755);
    const warnings: string[] = [];
    const dynamo = await startDynamoLocal({ java, onWarning: (message) => warnings.push(message) });
    started.push(dynamo);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/jdk\.compiler.*listens on ALL interfaces on port \d+/);
    if (lanAddress) expect(await canConnect(lanAddress, dynamo.port)).toBe(true);
  });
});
