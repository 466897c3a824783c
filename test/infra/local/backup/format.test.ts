import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFromJson, itemToJson } from '../../../../infra/local/backup/attributes.js';
import { BACKUP_FORMAT, BackupFileError, PartWriter, readBackupFile, writeBackupFile, type Manifest, type BackupRecord } from '../../../../infra/local/backup/format.js';

/** The backup file (docs/backups.md "The file"): what is written reads back, and damage is named. */
let dir: string;
let file: string;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-backup-format-'));
  const table = new PartWriter('table/t', join(dir, 'p0.jsonl'));
  await table.add({ item: { pk: { S: 'A' }, n: { N: '12.50' } } });
  await table.add({ item: { pk: { S: 'B' }, tags: { SS: ['x', 'y'] } } });
  const empty = new PartWriter('files/mail', join(dir, 'p1.jsonl'));
  const objects = new PartWriter('objects/b', join(dir, 'p2.jsonl'));
  await objects.add({ key: 'files/1', contentType: 'application/pdf', metadata: {}, body: Buffer.from('%PDF 成绩单').toString('base64') });
  const manifest: Manifest = {
    format: BACKUP_FORMAT, formatVersion: 1, appVersion: '0.1.0', createdAt: '2026-11-02T02:00:00.000Z', migrations: [], summary: {},
    parts: [
      await table.finish({ kind: 'table', table: { name: 't', keySchema: [], attributeDefinitions: [], globalSecondaryIndexes: [], ttlAttribute: null } }),
      await empty.finish({ kind: 'files', dir: 'mail' }),
      await objects.finish({ kind: 'objects', bucket: 'b' }),
    ],
  };
  file = join(dir, 'backup.jsonl.gz');
  await writeBackupFile(file, manifest, [0, 1, 2].map((i) => join(dir, `p${i}.jsonl`)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A copy of the backup with its decompressed text changed by `change`. */
async function altered(change: (text: string) => string, compress = true): Promise<string> {
  const text = change(gunzipSync(await readFile(file)).toString('utf8'));
  const copy = join(dir, `altered-${n++}.jsonl.gz`);
  await writeFile(copy, compress ? gzipSync(text) : text);
  return copy;
}

describe('the backup file', () => {
  it('reads back every record of every part, in order, with the manifest first', async () => {
    const seen: BackupRecord[] = [];
    const manifest = await readBackupFile(file, async (_, record) => void seen.push(record));
    expect(manifest.parts.map((p) => [p.name, p.count])).toEqual([['table/t', 2], ['files/mail', 0], ['objects/b', 1]]);
    expect(seen.map((r) => r.part)).toEqual(['table/t', 'table/t', 'objects/b']);
    const first = (await readFile(file).then((b) => gunzipSync(b).toString('utf8'))).split('\n')[0]!;
    expect(JSON.parse(first)).toMatchObject({ format: 'cs-department-backup', formatVersion: 1, createdAt: '2026-11-02T02:00:00.000Z' });
  });

  it('is refused when a record was changed, however slightly', async () => {
    await expect(readBackupFile(await altered((t) => t.replace('12.50', '12.51')))).rejects.toThrow(/part table\/t does not match the manifest/);
  });

  it('is refused when it was cut short, or a record was dropped, or the manifest was edited', async () => {
    const bytes = await readFile(file);
    const cut = join(dir, 'cut.jsonl.gz');
    await writeFile(cut, bytes.subarray(0, bytes.length - 12));
    await expect(readBackupFile(cut)).rejects.toBeInstanceOf(BackupFileError);
    await expect(readBackupFile(await altered((t) => t.split('\n').filter((l) => !l.includes('"B"')).join('\n')))).rejects.toThrow(/does not match|should be/);
    await expect(readBackupFile(await altered((t) => t.replace('"count":2', '"count":1')))).rejects.toThrow(/does not match|should be/);
    await expect(readBackupFile(await altered((t) => t, false))).rejects.toThrow(/cannot be decompressed/);
  });

  it('from a newer format is refused, naming the release that made it', async () => {
    await expect(readBackupFile(await altered((t) => t.replace('"formatVersion":1', '"formatVersion":2').replace('"appVersion":"0.1.0"', '"appVersion":"0.9.0"')))).rejects.toThrow(
      /format version 2 \(made by release 0\.9\.0\)/,
    );
  });
});

describe('DynamoDB items in the file', () => {
  it('keep every type as it was: numbers with their digits, sets, maps, lists and binary', () => {
    const item = {
      s: { S: '张伟' }, n: { N: '12345678901234567890.5' }, b: { B: new Uint8Array([0, 255, 7]) }, bs: { BS: [new Uint8Array([1]), new Uint8Array([2, 3])] },
      ns: { NS: ['1', '2'] }, ok: { BOOL: true }, none: { NULL: true }, l: { L: [{ S: 'a' }, { B: new Uint8Array([9]) }] }, m: { M: { inner: { N: '0' } } },
    };
    const back = itemFromJson(JSON.parse(JSON.stringify(itemToJson(item))) as Record<string, unknown>);
    expect(back).toEqual({ ...item, b: { B: Buffer.from([0, 255, 7]) }, bs: { BS: [Buffer.from([1]), Buffer.from([2, 3])] }, l: { L: [{ S: 'a' }, { B: Buffer.from([9]) }] } });
  });
});
