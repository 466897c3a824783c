/**
 * `npm run backup`: a copy of a running local installation (docs/backups.md). It finds the
 * installation from `DATA_DIR/runtime.json` (control.ts), holds it still (quiesce.ts) while it
 * reads every table — the Step Functions endpoint's executions, tokens and timers are items of
 * the app's table (stepfunctions/journal-dynamodb.ts), so they are copied in the same still
 * moment — and the caught mail, lets go, then reads the attachments. Those need no hold: the
 * app writes each object once, under a new key, and never changes or deletes one, so every
 * object the copied table names is still there, unchanged, after the hold.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, ListTablesCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { MIGRATION_APPLIED_PREFIX, MIGRATIONS } from '../../../functions/storage/keys.js';
import { LOCAL_S3_CREDENTIALS } from '../../../functions/storage/objects.js';
import { readRuntimeInfo } from '../control.js';
import { localClientConfig } from '../dynamodb.js';
import { itemToJson } from './attributes.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, PartWriter, readBackupFile, writeBackupFile, type Manifest, type Part, type TableSchema } from './format.js';
import { holdStill } from './hold.js';

/** The backup was not made; nothing was written to its file. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export async function backupInstallation(opts: { dataDir: string; file: string }): Promise<Manifest> {
  const { dataDir, file } = opts;
  const info = readRuntimeInfo(dataDir);
  if (!info) {
    throw new BackupError(`no installation is running on ${dataDir} (there is no runtime.json): a backup copies a running installation, so start it first (DATA_DIR=${dataDir} npm start)`);
  }
  if (existsSync(file)) throw new BackupError(`${file} exists: give the backup a new name (with the date, say), or move the old file away first`);
  if (!existsSync(dirname(file))) throw new BackupError(`${dirname(file)}, where the backup is to go, does not exist`);
  const dynamo = new DynamoDBClient(localClientConfig(info.dynamodb.endpoint));
  const s3 = new S3Client({ ...localClientConfig(info.objectStorage.endpoint), credentials: LOCAL_S3_CREDENTIALS, forcePathStyle: true });
  // Beside the file, not in /tmp: attachments may be large, and the last step is a rename.
  const work = await mkdtemp(join(dirname(file), `.${basename(file)}.`));
  try {
    const parts: Part[] = [];
    const facts = { migrations: [] as string[], summary: {} as Record<string, number> };
    const hold = await holdStill(info);
    try {
      for (const table of await listTables(dynamo)) parts.push(await copyTable(dynamo, table, join(work, `${parts.length}.jsonl`), facts));
      if (info.mailDir) parts.push(await copyFiles(join(dataDir, info.mailDir), info.mailDir, join(work, `${parts.length}.jsonl`), facts));
      if (!hold.intact()) throw new BackupError('the installation let go before the copy was complete (it was stopped, or held for too long); nothing was written');
    } finally {
      hold.letGo();
    }
    for (const bucket of await listBuckets(s3)) parts.push(await copyBucket(s3, bucket, join(work, `${parts.length}.jsonl`), facts));

    const manifest: Manifest = {
      format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, appVersion: hold.appVersion, createdAt: hold.now,
      migrations: facts.migrations.sort(), summary: facts.summary, parts,
    };
    const written = join(work, 'backup.jsonl.gz');
    await writeBackupFile(written, manifest, parts.map((_, i) => join(work, `${i}.jsonl`)));
    // Read back before it takes the name: a backup nobody could restore is worse than none.
    await readBackupFile(written);
    if (existsSync(file)) throw new BackupError(`${file} appeared while the backup was being made; nothing was written`);
    await rename(written, file);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
    dynamo.destroy();
    s3.destroy();
  }
}

type Facts = { migrations: string[]; summary: Record<string, number> };
const count = (facts: Facts, what: string, n = 1) => (facts.summary[what] = (facts.summary[what] ?? 0) + n);

async function listTables(dynamo: DynamoDBClient): Promise<string[]> {
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await dynamo.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    names.push(...(page.TableNames ?? []));
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}

async function copyTable(dynamo: DynamoDBClient, name: string, partFile: string, facts: Facts): Promise<Part> {
  const { Table: t } = await dynamo.send(new DescribeTableCommand({ TableName: name }));
  const ttl = (await dynamo.send(new DescribeTimeToLiveCommand({ TableName: name }))).TimeToLiveDescription;
  const keys = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) =>
    (schema ?? []).map((k) => ({ attributeName: k.AttributeName!, keyType: k.KeyType as 'HASH' | 'RANGE' }));
  const table: TableSchema = {
    name,
    keySchema: keys(t?.KeySchema),
    attributeDefinitions: (t?.AttributeDefinitions ?? []).map((a) => ({ attributeName: a.AttributeName!, attributeType: a.AttributeType as 'S' | 'N' | 'B' })),
    globalSecondaryIndexes: (t?.GlobalSecondaryIndexes ?? []).map((index) => ({
      indexName: index.IndexName!,
      keySchema: keys(index.KeySchema),
      projection: { projectionType: index.Projection?.ProjectionType ?? 'ALL', ...(index.Projection?.NonKeyAttributes ? { nonKeyAttributes: index.Projection.NonKeyAttributes } : {}) },
    })),
    ttlAttribute: ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING' ? (ttl.AttributeName ?? null) : null,
  };
  const writer = new PartWriter(`table/${name}`, partFile);
  // A Scan is for tools like this one, never for a request path (docs/data-model.md).
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: name, ConsistentRead: true, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      await writer.add({ item: itemToJson(item) });
      noteItem(item, facts);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  count(facts, 'tables');
  return writer.finish({ kind: 'table', table });
}

/** What a person reading the manifest wants to know: how many items, executions, migrations. */
function noteItem(item: Record<string, AttributeValue>, facts: Facts): void {
  count(facts, 'items');
  const pk = item.pk?.S ?? '';
  const sk = item.sk?.S ?? '';
  if (pk === MIGRATIONS && sk.startsWith(MIGRATION_APPLIED_PREFIX) && item.id?.S) facts.migrations.push(item.id.S);
  if (pk.startsWith('SFN#EXEC#') && sk === 'META') count(facts, 'executions');
  if (pk === 'SFN#RUNNING') count(facts, 'executionsRunning');
}

async function copyFiles(dir: string, name: string, partFile: string, facts: Facts): Promise<Part> {
  const writer = new PartWriter(`files/${name}`, partFile);
  for (const path of await filesUnder(dir)) {
    await writer.add({ path: relative(dir, path).split('\\').join('/'), body: (await readFile(path)).toString('base64') });
    count(facts, `${name}Files`);
  }
  return writer.finish({ kind: 'files', dir: name });
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

async function listBuckets(s3: S3Client): Promise<string[]> {
  return ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!).sort();
}

async function copyBucket(s3: S3Client, bucket: string, partFile: string, facts: Facts): Promise<Part> {
  const writer = new PartWriter(`objects/${bucket}`, partFile);
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const { Key } of page.Contents ?? []) {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
      const body = Buffer.from(await object.Body!.transformToByteArray());
      await writer.add({ key: Key!, contentType: object.ContentType ?? null, metadata: object.Metadata ?? {}, body: body.toString('base64') });
      count(facts, 'objects');
      count(facts, 'objectBytes', body.length);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return writer.finish({ kind: 'objects', bucket });
}
