import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createStore, type Store } from '../../../../functions/storage/client.js';
import { newId } from '../../../../functions/storage/ids.js';
import { MIGRATIONS } from '../../../../functions/storage/migrations/index.js';
import { appliedMigrations, loadCheckpoint } from '../../../../functions/storage/migrations/ledger.js';
import { LEASE_MS, MigrationsLocked, acquireLease } from '../../../../functions/storage/migrations/lease.js';
import { checkRegistry, type Migration, type MigrationLog } from '../../../../functions/storage/migrations/migration.js';
import { runMigrations } from '../../../../functions/storage/migrations/run.js';
import { ensureTable, localClientConfig } from '../../../../infra/local/dynamodb.js';
import { migrateLocalTable } from '../../../../infra/local/migrate.js';

/**
 * The storage migration runner (functions/storage/migrations/run.ts) on DynamoDB Local:
 * pending migrations applied in order and recorded; nothing done twice; a crash or a pause
 * continues from the last checkpoint; one runner at a time, and a dead runner's lease taken
 * over once it has expired. Time is the injected clock throughout.
 */
const T0 = new Date('2026-12-06T08:00:00.000Z');
const ITEMS = 7;
let store: Store;
let lines: { level: string; msg: string }[];
const log: MigrationLog = (level, msg) => void lines.push({ level, msg });
const at = (ms: number) => () => new Date(T0.getTime() + ms);

beforeEach(async () => {
  const endpoint = inject('dynamoEndpoint');
  const table = `t-${newId()}`;
  await ensureTable(new DynamoDBClient(localClientConfig(endpoint)), table);
  store = createStore({ table, endpoint });
  lines = [];
  for (let n = 0; n < ITEMS; n++) {
    await store.doc.send(new PutCommand({ TableName: table, Item: { pk: `ITEM#${n}`, sk: 'ITEM', value: n } }));
  }
});

const item = async (n: number) =>
  (await store.doc.send(new GetCommand({ TableName: store.table, Key: { pk: `ITEM#${n}`, sk: 'ITEM' }, ConsistentRead: true }))).Item!;

/**
 * A migration over the ITEM#n items that writes `doubled = value * 2` (writing it again is
 * harmless), saving a checkpoint every two items; it can crash after an item or be told to
 * pause. `visited` records what each run touched.
 */
function doubling(id: string, opts: { crashAfter?: number } = {}): Migration<{ next: number }> & { visited: number[] } {
  const visited: number[] = [];
  return {
    id,
    description: 'items get their doubled value',
    visited,
    async run(ctx) {
      for (let n = ctx.checkpoint?.next ?? 0; n < ITEMS; n++) {
        if (n % 2 === 0 && ctx.shouldPause()) return 'paused';
        visited.push(n);
        await ctx.store.doc.send(new UpdateCommand({ TableName: ctx.store.table, Key: { pk: `ITEM#${n}`, sk: 'ITEM' }, UpdateExpression: 'SET doubled = :d', ExpressionAttributeValues: { ':d': n * 2 } }));
        if (opts.crashAfter === n) throw new Error('power cut');
        if (n % 2 === 1) await ctx.save({ next: n + 1 });
      }
      return 'done';
    },
  };
}

/** Counts how often it ran: applying it twice would show. */
function counting(id: string): Migration & { runs: number } {
  const m = { id, description: `counts its runs (${id})`, runs: 0, async run() {
    m.runs += 1;
    return 'done' as const;
  } };
  return m;
}

describe('storage migrations', () => {
  it('applies pending migrations in order, records each, and a second run changes nothing and prints nothing', async () => {
    const order: string[] = [];
    const first = counting('0001-first');
    const second = counting('0002-second');
    const track = (m: ReturnType<typeof counting>): Migration => ({ ...m, run: async (ctx) => (order.push(m.id), m.run(ctx)) });
    const list = [track(first), track(second)];

    const report = await runMigrations(store, { now: at(0), log, migrations: list });
    expect(report).toEqual({ applied: ['0001-first', '0002-second'], paused: null, pending: [] });
    expect(order).toEqual(['0001-first', '0002-second']);
    expect(lines.map((l) => l.msg)).toEqual([
      'storage migration 0001-first applied: counts its runs (0001-first)',
      'storage migration 0002-second applied: counts its runs (0002-second)',
    ]);
    expect(await appliedMigrations(store)).toEqual([
      expect.objectContaining({ id: '0001-first', appliedAt: T0.toISOString() }),
      expect.objectContaining({ id: '0002-second', appliedAt: T0.toISOString() }),
    ]);

    lines = [];
    expect(await runMigrations(store, { now: at(60_000), log, migrations: list })).toEqual({ applied: [], paused: null, pending: [] });
    expect(order).toHaveLength(2);
    expect(lines).toEqual([]);
    expect((await appliedMigrations(store)).map((a) => a.appliedAt)).toEqual([T0.toISOString(), T0.toISOString()]);
  });

  it('a migration added by a later release is the only one run on the next start', async () => {
    const first = counting('0001-first');
    await runMigrations(store, { now: at(0), log, migrations: [first] });
    const second = counting('0002-second');
    const report = await runMigrations(store, { now: at(1000), log, migrations: [first, second] });
    expect(report.applied).toEqual(['0002-second']);
    expect([first.runs, second.runs]).toEqual([1, 1]);
  });

  it('after a crash mid-way, the next run continues from the last checkpoint; an item done twice is harmless', async () => {
    const crashing = doubling('0001-double', { crashAfter: 4 });
    await expect(runMigrations(store, { now: at(0), log, migrations: [crashing] })).rejects.toThrow('power cut');
    expect(crashing.visited).toEqual([0, 1, 2, 3, 4]);
    expect(await appliedMigrations(store)).toEqual([]);
    expect(await loadCheckpoint(store, '0001-double')).toEqual({ next: 4 });

    // The crashed runner gave its lease back on the way out; the next start needs no wait.
    const resumed = doubling('0001-double');
    const report = await runMigrations(store, { now: at(1000), log, migrations: [resumed] });
    expect(report.applied).toEqual(['0001-double']);
    expect(resumed.visited).toEqual([4, 5, 6]);
    for (let n = 0; n < ITEMS; n++) expect((await item(n)).doubled).toBe(n * 2);
    expect(await loadCheckpoint(store, '0001-double')).toBeNull();
  });

  it('a runner near its time limit stops at a checkpoint, and the next run finishes the migration', async () => {
    let pages = 0;
    const m = doubling('0001-double');
    const later = counting('0002-later');
    const report = await runMigrations(store, { now: at(0), log, migrations: [m, later], shouldPause: () => ++pages > 2 });
    expect(report).toEqual({ applied: [], paused: '0001-double', pending: ['0001-double', '0002-later'] });
    expect(m.visited).toEqual([0, 1, 2, 3]);
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: expect.stringContaining('0001-double paused') })]);

    const next = await runMigrations(store, { now: at(1000), log, migrations: [m, later] });
    expect(next.applied).toEqual(['0001-double', '0002-later']);
    expect(m.visited).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('a second runner is refused with a clear message while the lease is held, and takes over a dead runner’s lease once it expires', async () => {
    // A runner that died holding the lease (a killed process, a Lambda that timed out).
    await acquireLease(store, 'runner-that-died', T0);
    const m = counting('0001-first');

    const early = runMigrations(store, { now: at(LEASE_MS / 2), log, migrations: [m] });
    await expect(early).rejects.toThrow(MigrationsLocked);
    await expect(runMigrations(store, { now: at(LEASE_MS / 2), log, migrations: [m] })).rejects.toThrow(
      `Storage migrations are already being run by runner-that-died (since ${T0.toISOString()}). Wait for it to finish; if that runner has died, its lease expires at ${new Date(T0.getTime() + LEASE_MS).toISOString()}`,
    );
    expect(m.runs).toBe(0);

    const report = await runMigrations(store, { now: at(LEASE_MS + 1000), log, migrations: [m], runner: 'runner-2' });
    expect(report.applied).toEqual(['0001-first']);
    expect((await appliedMigrations(store))[0]).toMatchObject({ id: '0001-first', appliedBy: 'runner-2' });
  });

  it('runs only the ids it is given (the deploy’s list), and refuses ids this code does not know', async () => {
    const first = counting('0001-first');
    const second = counting('0002-second');
    expect((await runMigrations(store, { now: at(0), log, migrations: [first, second], only: ['0001-first'] })).applied).toEqual(['0001-first']);
    expect(second.runs).toBe(0);
    await expect(runMigrations(store, { now: at(0), log, migrations: [first], only: ['0009-from-the-future'] })).rejects.toThrow('0009-from-the-future');
  });

  it('a table created by this release is recorded as fully migrated without running anything', async () => {
    await migrateLocalTable(store, 'created', at(0));
    expect((await appliedMigrations(store)).map((a) => [a.id, a.appliedBy])).toEqual(MIGRATIONS.map((m) => [m.id, 'table-created']));
    expect(await migrateLocalTable(store, 'exists', at(1000))).toEqual({ applied: [], paused: null, pending: [] });
  });

  it('the registry keeps ids well-formed, unique and in ascending order', () => {
    expect(() => checkRegistry(MIGRATIONS)).not.toThrow();
    expect(() => checkRegistry([counting('0002-b'), counting('0001-a')])).toThrow('ascending');
    expect(() => checkRegistry([counting('0001-a'), counting('0001-a')])).toThrow('each id once');
    expect(() => checkRegistry([counting('recount')])).toThrow('0001-what-it-does');
  });
});
