/**
 * The backup file (docs/backups.md "The file"): gzip'd JSON Lines. The first line is the
 * manifest; then each part's records, one a line, the parts one after another in the
 * manifest's order. Each record names its part; each part's lines (their UTF-8 bytes, each
 * with its "\n") have the SHA-256 and count the manifest gives, so a damaged or altered file
 * is refused before anything is restored from it. Checksums find damage, not forgery: anyone
 * who can write the file can write a matching manifest too. Keep backups where only their
 * owner writes.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';

export const BACKUP_FORMAT = 'cs-department-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** A DynamoDB table as it was created: enough to create it again, empty. */
export interface TableSchema {
  name: string;
  keySchema: { attributeName: string; keyType: 'HASH' | 'RANGE' }[];
  attributeDefinitions: { attributeName: string; attributeType: 'S' | 'N' | 'B' }[];
  globalSecondaryIndexes: { indexName: string; keySchema: TableSchema['keySchema']; projection: { projectionType: string; nonKeyAttributes?: string[] } }[];
  ttlAttribute: string | null;
}

export type PartSource =
  | { kind: 'table'; table: TableSchema }
  | { kind: 'objects'; bucket: string }
  | { kind: 'files'; dir: string };

export type Part = PartSource & { name: string; count: number; bytes: number; sha256: string };

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** The installation's own time when it was held still (its clock may be ahead of the real one). */
  createdAt: string;
  /** Storage migrations applied to the copied table (functions/storage/migrations). */
  migrations: string[];
  /** For people reading the file; restore checks the parts. */
  summary: Record<string, number>;
  parts: Part[];
}

/** One line of a part. Table items keep DynamoDB's typed form (attributes.ts); bodies are base64. */
export type BackupRecord =
  | { part: string; item: Record<string, unknown> }
  | { part: string; key: string; contentType: string | null; metadata: Record<string, string>; body: string }
  | { part: string; path: string; body: string };

/** A file that is not a backup this release can restore, or is damaged: nothing was restored from it. */
export class BackupFileError extends Error {
  override readonly name = 'BackupFileError';
}

/** Writes one part's lines, in order, to a file of its own, counting and hashing them. */
export class PartWriter {
  count = 0;
  bytes = 0;
  private readonly hash = createHash('sha256');
  private readonly out: WriteStream;
  private failed: Error | undefined;

  constructor(readonly name: string, readonly file: string) {
    this.out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.out.on('error', (error) => (this.failed = error));
  }

  async add(record: DistributiveOmit<BackupRecord, 'part'>): Promise<void> {
    if (this.failed) throw this.failed;
    const line = Buffer.from(`${JSON.stringify({ part: this.name, ...record })}\n`, 'utf8');
    this.hash.update(line);
    this.count += 1;
    this.bytes += line.length;
    if (!this.out.write(line)) await once(this.out, 'drain');
  }

  /** Closes the file; the part's entry in the manifest. */
  async finish(source: PartSource): Promise<Part> {
    await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (this.failed) throw this.failed;
    return { ...source, name: this.name, count: this.count, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Writes the manifest and then each part's file, gzip'd, to `file` (which must not exist). */
export async function writeBackupFile(file: string, manifest: Manifest, partFiles: string[]): Promise<void> {
  async function* lines() {
    yield Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8');
    for (const partFile of partFiles) yield* createReadStream(partFile);
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
}

/**
 * Reads `file` through, checking every part against the manifest; calls `visit` with each
 * record as it goes (before its part's checksum is known: a caller that writes records
 * reads the file once without `visit` first). Throws BackupFileError on anything amiss.
 */
export async function readBackupFile(file: string, visit?: (part: Part, record: BackupRecord) => Promise<void>): Promise<Manifest> {
  let manifest: Manifest | undefined;
  let index = 0;
  let current: { part: Part; count: number; bytes: number; hash: ReturnType<typeof createHash> } | undefined;
  const begin = () => {
    const part = manifest!.parts[index];
    current = part && { part, count: 0, bytes: 0, hash: createHash('sha256') };
  };
  const close = () => {
    const { part, count, bytes, hash } = current!;
    const sha256 = hash.digest('hex');
    if (count !== part.count || bytes !== part.bytes || sha256 !== part.sha256) {
      throw new BackupFileError(`part ${part.name} does not match the manifest (its checksum is ${sha256}, the manifest says ${part.sha256}): the file is damaged or was changed`);
    }
    index += 1;
    begin();
  };

  for await (const line of gunzippedLines(file)) {
    if (!manifest) {
      manifest = parseManifest(line);
      begin();
      while (current && current.part.count === 0) close();
      continue;
    }
    if (!current) throw new BackupFileError('there is more after the last part the manifest names: the file is damaged or was changed');
    current.hash.update(line);
    current.hash.update('\n');
    current.count += 1;
    current.bytes += line.length + 1;
    let record: BackupRecord;
    try {
      record = JSON.parse(line.toString('utf8')) as BackupRecord;
    } catch {
      throw new BackupFileError(`line ${current.count} of part ${current.part.name} is not JSON: the file is damaged`);
    }
    if (record.part !== current.part.name) throw new BackupFileError(`a record of ${String(record.part)} is where ${current.part.name} should be: the file is damaged or was changed`);
    if (visit) await visit(current.part, record);
    // A part is closed at its last line, so the check comes before the next part begins.
    while (current && current.count >= current.part.count) close();
  }
  if (!manifest) throw new BackupFileError('the file is empty');
  if (current) throw new BackupFileError(`the file ends inside part ${current.part.name} (${current.count} of ${current.part.count} records): it was cut short`);
  return manifest;
}

function parseManifest(line: Buffer): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(line.toString('utf8')) as Manifest;
  } catch {
    throw new BackupFileError('its first line is not a manifest (not JSON)');
  }
  if (manifest?.format !== BACKUP_FORMAT) throw new BackupFileError(`it is not a ${BACKUP_FORMAT} file`);
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(`it has format version ${manifest.formatVersion} (made by release ${manifest.appVersion}); this release reads version ${BACKUP_FORMAT_VERSION}: restore it with a release that reads it`);
  }
  if (!Array.isArray(manifest.parts) || !manifest.parts.every((p) => typeof p?.name === 'string' && Number.isInteger(p.count) && typeof p.sha256 === 'string')) {
    throw new BackupFileError('its manifest does not list its parts: the file is damaged or was changed');
  }
  return manifest;
}

/** The file's lines, decompressed, as raw bytes (the checksums are over the bytes). */
async function* gunzippedLines(file: string): AsyncGenerator<Buffer> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let rest = Buffer.alloc(0);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      for (let end = data.indexOf(10); end >= 0; end = data.indexOf(10)) {
        yield data.subarray(0, end);
        data = data.subarray(end + 1);
      }
      rest = Buffer.from(data);
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw error;
    throw new BackupFileError(`it cannot be decompressed (${(error as Error).message}): the file is damaged or cut short`);
  } finally {
    source.destroy();
  }
  if (rest.length > 0) throw new BackupFileError('its last line is incomplete: the file was cut short');
}
