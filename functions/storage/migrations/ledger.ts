/**
 * Which migrations a table has had, and where a running one stopped: items in the MIGRATIONS
 * partition (keys.ts). Applied records are read with one Query; checkpoints are written with
 * a renewal of the runner's lease, so a runner that lost its lease cannot overwrite the
 * progress of the one that took it over.
 */
import { GetCommand, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../client.js';
import { MIGRATIONS, MIGRATION_APPLIED_PREFIX, migrationAppliedKey, migrationCheckpointKey } from '../keys.js';
import { transact, type TxItem } from '../transact.js';
import { leaseHeld } from './lease.js';
import type { Migration } from './migration.js';

export interface AppliedMigration {
  id: string;
  description: string;
  appliedAt: string;
  /** The runner that applied it, or `table-created` for a table made by this release. */
  appliedBy: string;
}

/** Every applied migration, in id order (one Query; a second page only past 1 MB of records). */
export async function appliedMigrations(store: Store): Promise<AppliedMigration[]> {
  const applied: AppliedMigration[] = [];
  let after: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await store.doc.send(new QueryCommand({
      TableName: store.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :applied)',
      ExpressionAttributeValues: { ':pk': MIGRATIONS, ':applied': MIGRATION_APPLIED_PREFIX },
      ConsistentRead: true,
      ExclusiveStartKey: after,
    }));
    for (const item of out.Items ?? []) {
      applied.push({ id: item.id as string, description: item.description as string, appliedAt: item.appliedAt as string, appliedBy: item.appliedBy as string });
    }
    after = out.LastEvaluatedKey;
  } while (after);
  return applied;
}

function appliedPut(store: Store, m: Migration, at: string, by: string): TxItem {
  return {
    write: {
      Put: {
        TableName: store.table,
        Item: { ...migrationAppliedKey(m.id), entity: 'migration', id: m.id, description: m.description, appliedAt: at, appliedBy: by },
      },
    },
  };
}

export async function loadCheckpoint<C>(store: Store, id: string): Promise<C | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: migrationCheckpointKey(id), ConsistentRead: true }));
  return (out.Item?.checkpoint as C | undefined) ?? null;
}

/** Stores a migration's progress, if `runner` still holds the lease (renewed until `leaseUntil`). */
export async function saveCheckpoint(store: Store, id: string, checkpoint: unknown, runner: string, at: string, leaseUntil: string): Promise<void> {
  await transact(store, [
    { write: { Put: { TableName: store.table, Item: { ...migrationCheckpointKey(id), entity: 'migrationCheckpoint', checkpoint, savedAt: at, savedBy: runner } } } },
    leaseHeld(store, runner, leaseUntil),
  ]);
}

/** Records a migration as applied and drops its checkpoint, if `runner` still holds the lease. */
export async function recordApplied(store: Store, m: Migration, runner: string, at: string, leaseUntil: string): Promise<void> {
  await transact(store, [
    appliedPut(store, m, at, runner),
    { write: { Delete: { TableName: store.table, Key: migrationCheckpointKey(m.id) } } },
    leaseHeld(store, runner, leaseUntil),
  ]);
}

/**
 * A table this release has just created holds nothing older than its code: every migration
 * is recorded as applied without running (a transaction holds at most 100 items).
 */
export async function markAllApplied(store: Store, migrations: readonly Migration[], at: string): Promise<void> {
  const PER_TRANSACTION = 100;
  for (let i = 0; i < migrations.length; i += PER_TRANSACTION) {
    await transact(store, migrations.slice(i, i + PER_TRANSACTION).map((m) => appliedPut(store, m, at, 'table-created')));
  }
}
