/**
 * One migration runner at a time per table: the LEASE item (keys.ts), taken with a conditional
 * put and held until `leaseUntil`. Each checkpoint renews it, so a runner that works keeps it;
 * a runner that died (a killed process, a Lambda that timed out) leaves a lease that simply
 * expires, and the next runner takes it over then. Expiry is judged on the runners' injected
 * clocks, not by DynamoDB's TTL (which DynamoDB Local never applies).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../client.js';
import { migrationLeaseKey } from '../keys.js';
import type { TxItem } from '../transact.js';

/** How long a lease lasts without a checkpoint: a page of a migration must fit well inside it. */
export const LEASE_MS = 2 * 60_000;

export const leaseUntil = (now: Date): string => new Date(now.getTime() + LEASE_MS).toISOString();

/** Another runner holds the lease: the message says who, since when, and what to do. */
export class MigrationsLocked extends Error {
  override readonly name = 'MigrationsLocked';
  constructor(readonly holder: string, readonly since: string, readonly until: string) {
    super(
      `Storage migrations are already being run by ${holder} (since ${since}). ` +
        `Wait for it to finish; if that runner has died, its lease expires at ${until} and the next start after that takes over.`,
    );
  }
}

/** The lease was taken over (this runner was too slow to renew it): stop without writing. */
export class LeaseLost extends Error {
  override readonly name = 'LeaseLost';
  constructor(runner: string) {
    super(`runner ${runner} no longer holds the storage migration lease; another runner took it over`);
  }
}

export async function acquireLease(store: Store, runner: string, now: Date): Promise<void> {
  const at = now.toISOString();
  try {
    await store.doc.send(new PutCommand({
      TableName: store.table,
      Item: { ...migrationLeaseKey(), entity: 'migrationLease', runner, since: at, leaseUntil: leaseUntil(now) },
      // ISO-8601 UTC strings of one length compare as the times they name.
      ConditionExpression: 'attribute_not_exists(pk) OR leaseUntil < :now OR runner = :me',
      ExpressionAttributeValues: { ':now': at, ':me': runner },
    }));
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    const held = await store.doc.send(new GetCommand({ TableName: store.table, Key: migrationLeaseKey(), ConsistentRead: true }));
    throw new MigrationsLocked(String(held.Item?.runner ?? 'another runner'), String(held.Item?.since ?? '?'), String(held.Item?.leaseUntil ?? '?'));
  }
}

/** A transaction item renewing the lease to `until`, failing with LeaseLost if `runner` lost it. */
export function leaseHeld(store: Store, runner: string, until: string): TxItem {
  return {
    write: {
      Update: {
        TableName: store.table,
        Key: migrationLeaseKey(),
        UpdateExpression: 'SET leaseUntil = :until',
        ConditionExpression: 'runner = :me',
        ExpressionAttributeValues: { ':until': until, ':me': runner },
      },
    },
    onConditionFailed: () => new LeaseLost(runner),
  };
}

/** Gives the lease up (if still this runner's), so the next runner need not wait for it to expire. */
export async function releaseLease(store: Store, runner: string): Promise<void> {
  try {
    await store.doc.send(new DeleteCommand({ TableName: store.table, Key: migrationLeaseKey(), ConditionExpression: 'runner = :me', ExpressionAttributeValues: { ':me': runner } }));
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
}
