/**
 * 0004: HR's list of onboarding checklists (storage/onboarding.ts `listChecklists`, gsi2
 * `ONBOARDING#STATUS#<status>` / reportDate#createdAt#id) for checklists stored before it.
 *
 * A checklist's id is its employee's, and employees are listed on gsi1 `EMPLOYEES`: each page of
 * employees is one BatchGet of their checklist keys (most have none). Open checklists alone are
 * also on gsi1 `ONBOARDING#open`, but done ones are on no index, so the employees are the one
 * complete source (no Scan). A page per checkpoint; each write sets the keys the checklist's
 * status and dates give, on the version read, so running it again (or after a tick) changes nothing
 * more; a checklist ticked meanwhile is read again.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../client.js';
import { EMPLOYEES, onboardingChecklistKey } from '../keys.js';
import { checklistListKeys, type OnboardingChecklist } from '../onboarding.js';
import type { Migration } from './migration.js';

export interface OnboardingListCheckpoint {
  after: Record<string, unknown> | null;
  /** Checklists given their list keys so far (for the log). */
  written: number;
}

type Stored = OnboardingChecklist & { gsi2pk?: string; gsi2sk?: string };

/** A tick between the read and the write: read again, a few times. */
const ATTEMPTS = 3;

export function onboardingListMigration(id = '0004-onboarding-list', pageSize = 100): Migration<OnboardingListCheckpoint> {
  return {
    id,
    description: '入职清单: the list index (by status, newest report first) on checklists stored before it',
    async run(ctx) {
      let at: OnboardingListCheckpoint = ctx.checkpoint ?? { after: null, written: 0 };
      for (;;) {
        if (ctx.shouldPause()) return 'paused';
        const page: QueryCommandOutput = await ctx.store.doc.send(new QueryCommand({
          TableName: ctx.store.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': EMPLOYEES },
          ProjectionExpression: 'id',
          Limit: Math.min(pageSize, 100),
          ...(at.after ? { ExclusiveStartKey: at.after } : {}),
        }));
        let written = at.written;
        for (const checklist of await checklistsOf(ctx.store, (page.Items ?? []).map((e) => String(e.id)))) {
          const outcome = await index(ctx.store, checklist);
          if (outcome === 'written') written += 1;
          if (outcome === 'busy') ctx.log('warn', 'an onboarding checklist kept changing; it is indexed by its next write', { checklistId: checklist.id });
        }
        at = { after: page.LastEvaluatedKey ?? null, written };
        await ctx.save(at);
        if (!page.LastEvaluatedKey) break;
      }
      ctx.log('info', 'onboarding checklists indexed for the list', { count: at.written });
      return 'done';
    },
  };
}

/** The checklists of these employees (at most 100), in one BatchGet (unprocessed keys retried, bounded). */
async function checklistsOf(store: Store, employeeIds: string[]): Promise<Stored[]> {
  let keys = employeeIds.map(onboardingChecklistKey);
  const found: Stored[] = [];
  for (let attempt = 0; keys.length > 0 && attempt < 4; attempt++) {
    const out = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.table]: { Keys: keys, ConsistentRead: true } } }));
    found.push(...((out.Responses?.[store.table] ?? []) as Stored[]));
    keys = (out.UnprocessedKeys?.[store.table]?.Keys ?? []) as typeof keys;
  }
  if (keys.length > 0) throw new Error(`onboarding list migration: ${keys.length} checklist reads left unprocessed; run it again`);
  return found;
}

/**
 * Gives the checklist the keys its status and dates give: 'indexed' when it had them (or is gone),
 * 'written' when set now, 'busy' when it changed under every attempt (a new write indexes it).
 */
async function index(store: Store, first: Stored): Promise<'indexed' | 'written' | 'busy'> {
  let checklist: Stored | undefined = first;
  for (let attempt = 1; checklist && attempt <= ATTEMPTS; attempt++) {
    const keys = checklistListKeys(checklist);
    if (checklist.gsi2pk === keys.gsi2pk && checklist.gsi2sk === keys.gsi2sk) return 'indexed';
    try {
      await store.doc.send(new UpdateCommand({
        TableName: store.table,
        Key: onboardingChecklistKey(checklist.id),
        UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk',
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':pk': keys.gsi2pk, ':sk': keys.gsi2sk, ':v': checklist.version },
      }));
      return 'written';
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: onboardingChecklistKey(checklist.id), ConsistentRead: true }));
      checklist = out.Item as Stored | undefined;
    }
  }
  // Gone (never, today: checklists are not deleted) needs nothing.
  return checklist ? 'busy' : 'indexed';
}
