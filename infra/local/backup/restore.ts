/**
 * `npm run restore`: a backup file (format.ts) into an empty data directory, so that
 * `npm start` there serves everything the installation had — people, records, attachments,
 * the caught mail, and the approvals in flight, which the Step Functions endpoint replays from
 * their journal at start (the same way it survives a restart). The file is read through and
 * checked first; the directory is written only then, by the engines themselves (DynamoDB Local
 * and s3rver started on it), and emptied again if anything fails on the way.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { BatchWriteItemCommand, type BatchWriteItemCommandOutput, CreateTableCommand, DynamoDBClient, ScanCommand, UpdateTimeToLiveCommand, type AttributeValue, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { MIGRATIONS } from '../../../functions/storage/migrations/index.js';
import { createObjectStore, type ObjectStore } from '../../../functions/storage/objects.js';
import { localClientConfig, startDynamoLocal, waitUntilActive, type DynamoLocal } from '../dynamodb.js';
import { startObjectStorage, type LocalObjectStorage } from '../objects.js';
import { itemFromJson } from './attributes.js';
import { BackupFileError, readBackupFile, type BackupRecord, type Manifest, type Part, type TableSchema } from './format.js';

/** The restore was refused before anything was written. */
export class RestoreRefused extends Error {
  override readonly name = 'RestoreRefused';
}

export async function restoreInstallation(opts: { file: string; dataDir: string }): Promise<Manifest> {
  const { file, dataDir } = opts;
  if (!existsSync(file)) throw new RestoreRefused(`${file} does not exist`);
  const existing = existsSync(dataDir) ? await readdir(dataDir) : null;
  if (existing && existing.length > 0) {
    throw new RestoreRefused(
      `${dataDir} is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}): a restore goes into an empty or new directory ` +
        'only, so that it never mixes with or overwrites an installation. Choose another DATA_DIR, or move this one aside first.',
    );
  }
  let manifest: Manifest;
  try {
    manifest = await readBackupFile(file);
  } catch (error) {
    if (error instanceof BackupFileError) throw new RestoreRefused(`${file} cannot be restored: ${error.message}. Nothing was restored.`);
    throw error;
  }
  const known = new Set(MIGRATIONS.map((m) => m.id));
  const unknown = manifest.migrations.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new RestoreRefused(`${file} was made by release ${manifest.appVersion}, whose data has storage migrations this release does not know (${unknown.join(', ')}): restore it with that release or a later one`);
  }

  await mkdir(dataDir, { recursive: true });
  let engines: { dynamo: DynamoLocal; s3: LocalObjectStorage } | undefined;
  try {
    engines = await startEngines(dataDir);
    const loader = new Loader(dataDir, new DynamoDBClient(localClientConfig(engines.dynamo.endpoint)), createObjectStore({ bucket: '', endpoint: engines.s3.endpoint }));
    for (const part of manifest.parts) await loader.prepare(part);
    // Read again, now writing: the first reading checked every part before anything was written.
    await readBackupFile(file, (part, record) => loader.load(part, record));
    await loader.finish();
    for (const part of manifest.parts) await loader.check(part);
    return manifest;
  } catch (error) {
    await stopEngines(engines);
    engines = undefined;
    // The directory was empty: leave it so, for another try.
    for (const entry of await readdir(dataDir)) await rm(join(dataDir, entry), { recursive: true, force: true });
    if (error instanceof BackupFileError) throw new RestoreRefused(`${file} cannot be restored: ${error.message}. Nothing was restored.`);
    throw error;
  } finally {
    await stopEngines(engines);
  }
}

async function startEngines(dataDir: string): Promise<{ dynamo: DynamoLocal; s3: LocalObjectStorage }> {
  const [dynamo, s3] = await Promise.allSettled([
    startDynamoLocal({ dataDir: join(dataDir, 'dynamodb'), host: '127.0.0.1' }),
    startObjectStorage({ dataDir: join(dataDir, 's3') }),
  ]);
  if (dynamo.status === 'fulfilled' && s3.status === 'fulfilled') return { dynamo: dynamo.value, s3: s3.value };
  if (dynamo.status === 'fulfilled') await dynamo.value.stop();
  if (s3.status === 'fulfilled') await s3.value.stop();
  throw dynamo.status === 'rejected' ? dynamo.reason : (s3 as PromiseRejectedResult).reason;
}

async function stopEngines(engines: { dynamo: DynamoLocal; s3: LocalObjectStorage } | undefined): Promise<void> {
  await engines?.s3.stop();
  await engines?.dynamo.stop();
}

/** BatchWriteItem takes 25 items; a few batches in flight keep DynamoDB Local busy without flooding it. */
const BATCH = 25;
const IN_FLIGHT = 4;

class Loader {
  private readonly pending = new Map<string, WriteRequest[]>();
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly dataDir: string,
    private readonly dynamo: DynamoDBClient,
    private readonly objects: ObjectStore,
  ) {}

  async prepare(part: Part): Promise<void> {
    if (part.kind === 'table') await createTable(this.dynamo, part.table);
    if (part.kind === 'objects') await (await this.objects.s3()).send(new CreateBucketCommand({ Bucket: part.bucket }));
  }

  async load(part: Part, record: BackupRecord): Promise<void> {
    if (part.kind === 'table' && 'item' in record) {
      const batch = this.pending.get(part.table.name) ?? [];
      batch.push({ PutRequest: { Item: itemFromJson(record.item) } });
      this.pending.set(part.table.name, batch);
      if (batch.length === BATCH) await this.flush(part.table.name);
    } else if (part.kind === 'objects' && 'key' in record) {
      await (await this.objects.s3()).send(new PutObjectCommand({
        Bucket: part.bucket, Key: record.key, Body: Buffer.from(record.body, 'base64'), Metadata: record.metadata, ...(record.contentType ? { ContentType: record.contentType } : {}),
      }));
    } else if (part.kind === 'files' && 'path' in record) {
      const root = resolve(this.dataDir, part.dir);
      const path = resolve(root, record.path);
      // The file names paths; none may lead out of its directory, however the file was made.
      if (!root.startsWith(resolve(this.dataDir) + sep) || !path.startsWith(root + sep)) throw new BackupFileError(`part ${part.name} names a path outside its directory (${record.path})`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, Buffer.from(record.body, 'base64'), { flag: 'wx' });
    } else {
      throw new BackupFileError(`part ${part.name} (${String((part as Part).kind)}) holds a record this release does not read`);
    }
  }

  async finish(): Promise<void> {
    for (const table of this.pending.keys()) await this.flush(table);
    await Promise.all(this.writing);
  }

  /** Every item arrived: the table counts what the manifest says. */
  async check(part: Part): Promise<void> {
    if (part.kind !== 'table') return;
    let items = 0;
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.dynamo.send(new ScanCommand({ TableName: part.table.name, Select: 'COUNT', ConsistentRead: true, ExclusiveStartKey: start }));
      items += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    if (items !== part.count) throw new Error(`table ${part.table.name} holds ${items} items after the restore, the backup ${part.count}`);
  }

  private async flush(table: string): Promise<void> {
    const batch = this.pending.get(table) ?? [];
    this.pending.delete(table);
    if (batch.length === 0) return;
    while (this.writing.size >= IN_FLIGHT) await Promise.race(this.writing);
    const write = writeBatch(this.dynamo, table, batch).finally(() => this.writing.delete(write));
    write.catch(() => undefined); // awaited in finish() or by the next flush; never unhandled meanwhile
    this.writing.add(write);
  }
}

async function writeBatch(dynamo: DynamoDBClient, table: string, batch: WriteRequest[]): Promise<void> {
  let request: Record<string, WriteRequest[]> | undefined = { [table]: batch };
  for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 2_000)));
    const out: BatchWriteItemCommandOutput = await dynamo.send(new BatchWriteItemCommand({ RequestItems: request }));
    request = out.UnprocessedItems;
  }
}

async function createTable(dynamo: DynamoDBClient, t: TableSchema): Promise<void> {
  const keySchema = (keys: TableSchema['keySchema']) => keys.map((k) => ({ AttributeName: k.attributeName, KeyType: k.keyType }));
  await dynamo.send(new CreateTableCommand({
    TableName: t.name,
    KeySchema: keySchema(t.keySchema),
    AttributeDefinitions: t.attributeDefinitions.map((a) => ({ AttributeName: a.attributeName, AttributeType: a.attributeType })),
    BillingMode: 'PAY_PER_REQUEST',
    ...(t.globalSecondaryIndexes.length > 0
      ? {
          GlobalSecondaryIndexes: t.globalSecondaryIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: keySchema(index.keySchema),
            Projection: { ProjectionType: index.projection.projectionType as 'ALL' | 'KEYS_ONLY' | 'INCLUDE', ...(index.projection.nonKeyAttributes ? { NonKeyAttributes: index.projection.nonKeyAttributes } : {}) },
          })),
        }
      : {}),
  }));
  await waitUntilActive(dynamo, t.name);
  if (t.ttlAttribute) await dynamo.send(new UpdateTimeToLiveCommand({ TableName: t.name, TimeToLiveSpecification: { AttributeName: t.ttlAttribute, Enabled: true } }));
}
