/**
 * 0005: the retention list of candidates (storage/candidates.ts `listRetentionDue`, gsi2
 * `CANDIDATES#RETENTION` / updatedAt#id) for candidates stored before it, so the daily erasure
 * (functions/workflow/candidate-retention.ts) finds those not hired too.
 *
 * Candidates are listed per opening (gsi1 `CANDIDATES#OPENING#<id>`) and openings on gsi1
 * `OPENINGS`: no Scan. A page of candidates per checkpoint. Each write sets the keys the
 * candidate's last change gives, only on the version read, so running it again changes nothing
 * more, and a candidate changed meanwhile was written with its keys by that change.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { neverErased } from '../../domain/recruitment/retention.js';
import type { Candidate } from '../candidates.js';
import { CANDIDATES_RETENTION, candidateKey, candidatesOfOpeningPk, OPENINGS } from '../keys.js';
import type { Migration } from './migration.js';

export interface CandidateRetentionCheckpoint {
  /** Where the list of openings stood before the opening being read (null: its start). */
  openingsAfter: Record<string, unknown> | null;
  /** The opening whose candidates are being read, and where (null: the next opening). */
  openingId: string | null;
  candidatesAfter: Record<string, unknown> | null;
  written: number;
}

type Stored = Candidate & { gsi2pk?: string };

export function candidateRetentionMigration(id = '0005-candidate-retention', pageSize = 100): Migration<CandidateRetentionCheckpoint> {
  return {
    id,
    description: 'the retention list of candidates not hired, for candidates stored before it',
    async run(ctx) {
      let at: CandidateRetentionCheckpoint = ctx.checkpoint ?? { openingsAfter: null, openingId: null, candidatesAfter: null, written: 0 };
      for (;;) {
        if (ctx.shouldPause()) return 'paused';
        if (at.openingId === null) {
          // The next opening, one at a time: its candidates may take several pages.
          const page: QueryCommandOutput = await ctx.store.doc.send(new QueryCommand({
            TableName: ctx.store.table, IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': OPENINGS },
            Limit: 1, ...(at.openingsAfter ? { ExclusiveStartKey: at.openingsAfter } : {}),
          }));
          const opening = page.Items?.[0];
          if (!opening) {
            if (at.written) ctx.log('info', 'candidates put on the retention list', { count: at.written });
            return 'done';
          }
          at = { ...at, openingId: String(opening.id), candidatesAfter: null, openingsAfter: page.LastEvaluatedKey ?? { pk: opening.pk, sk: opening.sk, gsi1pk: opening.gsi1pk, gsi1sk: opening.gsi1sk } };
        }
        const page: QueryCommandOutput = await ctx.store.doc.send(new QueryCommand({
          TableName: ctx.store.table, IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': candidatesOfOpeningPk(at.openingId!) },
          Limit: pageSize, ...(at.candidatesAfter ? { ExclusiveStartKey: at.candidatesAfter } : {}),
        }));
        let written = 0;
        for (const c of (page.Items ?? []) as Stored[]) {
          if (c.gsi2pk || neverErased(c)) continue;
          try {
            await ctx.store.doc.send(new UpdateCommand({
              TableName: ctx.store.table, Key: candidateKey(c.id),
              UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk',
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':pk': CANDIDATES_RETENTION, ':sk': `${c.updatedAt}#${c.id}`, ':v': c.version },
            }));
            written++;
          } catch (err) {
            // Changed since the page was read: that write gave it its keys.
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          }
        }
        const more = page.LastEvaluatedKey ?? null;
        at = { ...at, openingId: more ? at.openingId : null, candidatesAfter: more, written: at.written + written };
        await ctx.save(at);
      }
    },
  };
}
