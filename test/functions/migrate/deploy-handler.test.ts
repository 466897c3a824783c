import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PHYSICAL_RESOURCE_ID, STOP_BEFORE_TIMEOUT_MS, migrationHandler, type RunContext } from '../../../functions/migrate/deploy-handler.js';
import { createStore, type Store } from '../../../functions/storage/client.js';
import { newId } from '../../../functions/storage/ids.js';
import { appliedMigrations, loadCheckpoint } from '../../../functions/storage/migrations/ledger.js';
import type { Migration } from '../../../functions/storage/migrations/migration.js';
import { ensureTable, localClientConfig } from '../../../infra/local/dynamodb.js';

/**
 * The migration function behind the stack's custom resource (functions/migrate), on DynamoDB
 * Local with CloudFormation's events: a deploy applies the ids it lists; a rollback's shorter
 * list runs nothing new; a Lambda close to its timeout stops at a checkpoint and fails the
 * deploy with a message saying how to continue; the next deploy resumes.
 */
const T0 = new Date('2026-12-06T08:00:00.000Z');
const MINUTE = 60_000;
let store: Store;

beforeEach(async () => {
  const endpoint = inject('dynamoEndpoint');
  const table = `t-${newId()}`;
  await ensureTable(new DynamoDBClient(localClientConfig(endpoint)), table);
  store = createStore({ table, endpoint });
});

/** A Lambda context whose remaining time is `remaining()`. */
const lambda = (remaining: () => number): RunContext => ({ awsRequestId: `req-${newId()}`, functionName: 'TestStack-StorageMigrationsFunction', getRemainingTimeInMillis: remaining });
const plenty = lambda(() => 10 * MINUTE);

/** Three steps, one checkpoint each; `clock.elapsed` grows by a minute per step. */
function steps(id: string, clock: { elapsed: number }): Migration<{ done: number }> {
  return {
    id,
    description: `three one-minute steps (${id})`,
    async run(ctx) {
      for (let done = ctx.checkpoint?.done ?? 0; done < 3; done++) {
        if (ctx.shouldPause()) return 'paused';
        clock.elapsed += MINUTE;
        await ctx.save({ done: done + 1 });
      }
      return 'done';
    },
  };
}

const handlerWith = (migrations: Migration[]) => migrationHandler({ store, now: () => T0, log: () => undefined, migrations });

describe('storage migrations at deploy', () => {
  it('a deploy (Create or Update) applies the migrations its resource lists and answers with one physical id', async () => {
    const clock = { elapsed: 0 };
    const handle = handlerWith([steps('0001-a', clock), steps('0002-b', clock)]);
    const created = await handle({ RequestType: 'Create', ResourceProperties: { MigrationIds: ['0001-a'] } }, plenty);
    expect(created).toEqual({ PhysicalResourceId: PHYSICAL_RESOURCE_ID, Data: { Applied: '0001-a' } });
    const updated = await handle({ RequestType: 'Update', ResourceProperties: { MigrationIds: ['0001-a', '0002-b'] } }, plenty);
    expect(updated).toEqual({ PhysicalResourceId: PHYSICAL_RESOURCE_ID, Data: { Applied: '0002-b' } });
    expect((await appliedMigrations(store)).map((a) => a.id)).toEqual(['0001-a', '0002-b']);
  });

  it('a rollback (the previous release’s shorter list) runs nothing new, and Delete leaves the data alone', async () => {
    const clock = { elapsed: 0 };
    const handle = handlerWith([steps('0001-a', clock), steps('0002-b', clock)]);
    await handle({ RequestType: 'Create', ResourceProperties: { MigrationIds: ['0001-a'] } }, plenty);
    expect(await handle({ RequestType: 'Update', ResourceProperties: { MigrationIds: ['0001-a'] } }, plenty)).toMatchObject({ Data: { Applied: '' } });
    expect(await handle({ RequestType: 'Delete', ResourceProperties: { MigrationIds: ['0001-a'] } }, plenty)).toMatchObject({ PhysicalResourceId: PHYSICAL_RESOURCE_ID });
    expect((await appliedMigrations(store)).map((a) => a.id)).toEqual(['0001-a']);
  });

  it('close to its timeout it stops at a checkpoint and fails the deploy saying how to continue; the next deploy resumes', async () => {
    const clock = { elapsed: 0 };
    const handle = handlerWith([steps('0001-long', clock)]);
    // Time for two one-minute steps: after them, less than the margin kept back is left.
    const short = lambda(() => 2 * MINUTE + STOP_BEFORE_TIMEOUT_MS / 2 - clock.elapsed);
    const deploy = { RequestType: 'Update' as const, ResourceProperties: { MigrationIds: ['0001-long'] } };
    await expect(handle(deploy, short)).rejects.toThrow(
      /0001-long still to apply \(0001-long stopped at its checkpoint\)\. Nothing is lost .*`aws lambda invoke --function-name TestStack-StorageMigrationsFunction/,
    );
    expect(await loadCheckpoint(store, '0001-long')).toEqual({ done: 2 });
    expect(await appliedMigrations(store)).toEqual([]);

    expect(await handle(deploy, plenty)).toMatchObject({ Data: { Applied: '0001-long' } });
    expect(clock.elapsed).toBe(3 * MINUTE);
  });

  it('invoked by hand, it applies what is pending and returns the report', async () => {
    const clock = { elapsed: 0 };
    const handle = handlerWith([steps('0001-a', clock)]);
    expect(await handle({}, plenty)).toEqual({ applied: ['0001-a'], paused: null, pending: [] });
    expect(await handle({}, plenty)).toEqual({ applied: [], paused: null, pending: [] });
  });
});
