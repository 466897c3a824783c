/**
 * 0003: 我发起的 (storage/started.ts) for requests stored before it: every probation review a
 * person started gets its gsi3 keys. Reviews are read by status (gsi2 `PROBATION#STATUS#<s>`,
 * one partition per status), a page per checkpoint; setting the same keys twice changes nothing.
 * The generic request records (storage/requests.ts) were written with the keys from the start.
 */
import { QueryCommand, UpdateCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { probationByStatusPk, probationReviewKey } from '../keys.js';
import type { ReviewStatus } from '../probation-reviews.js';
import { startedIndex } from '../started.js';
import type { Migration } from './migration.js';

export interface StartedIndexCheckpoint {
  status: number;
  after: Record<string, unknown> | null;
}

// Record<…, true> so that a new status fails to compile until listed.
const STATUSES: Record<ReviewStatus, true> = { scheduled: true, in_review: true, converted: true, extended: true, ended: true, rejected: true, failed: true, withdrawn: true };
const ORDER = Object.keys(STATUSES) as ReviewStatus[];

export function startedIndexMigration(id = '0003-started-index', pageSize = 100): Migration<StartedIndexCheckpoint> {
  return {
    id,
    description: '我发起的: the requester index on probation reviews stored before it',
    async run(ctx) {
      let at: StartedIndexCheckpoint = ctx.checkpoint ?? { status: 0, after: null };
      while (at.status < ORDER.length) {
        if (ctx.shouldPause()) return 'paused';
        const page: QueryCommandOutput = await ctx.store.doc.send(new QueryCommand({
          TableName: ctx.store.table,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': probationByStatusPk(ORDER[at.status]!) },
          Limit: pageSize,
          ...(at.after ? { ExclusiveStartKey: at.after } : {}),
        }));
        for (const review of page.Items ?? []) {
          const keys = startedIndex('probation', { id: String(review.id), requesterId: (review.requesterId as string | null) ?? null, createdAt: review.createdAt as string | undefined }, `${String(review.employeeName)} ${String(review.employeeNo)}`);
          if (!keys.gsi3pk || review.gsi3pk === keys.gsi3pk) continue;
          await ctx.store.doc.send(new UpdateCommand({
            TableName: ctx.store.table,
            Key: probationReviewKey(String(review.id)),
            UpdateExpression: 'SET gsi3pk = :pk, gsi3sk = :sk, gsi3kind = :kind, gsi3q = :q',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':pk': keys.gsi3pk, ':sk': keys.gsi3sk, ':kind': keys.gsi3kind, ':q': keys.gsi3q ?? '' },
          }));
        }
        at = page.LastEvaluatedKey ? { status: at.status, after: page.LastEvaluatedKey } : { status: at.status + 1, after: null };
        await ctx.save(at);
      }
      return 'done';
    },
  };
}
