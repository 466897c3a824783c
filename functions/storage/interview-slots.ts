/**
 * Upcoming interviews, one item per scheduled round (written with the round, replaced when it is
 * rescheduled), indexed by their time so the reminder job finds those starting within the
 * policy's `interviewReminderHours` with one Query, and 面试安排 (GET /interviews) a stretch of
 * days with another. `remindedAt` records that the reminder went. Nothing deletes a slot: a
 * round that took place, or whose process ended, stays listed at its time.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { INTERVIEW_SLOTS, interviewSlotKey, stripKeys } from './keys.js';
import type { TxItem } from './transact.js';

export interface InterviewSlot {
  hiringId: string;
  round: number;
  /** ISO-8601 UTC. */
  at: string;
  remindedAt: string | null;
}

const utc = (iso: string) => new Date(iso).toISOString();

/** The round's slot, as a transaction item (a reschedule replaces it: not reminded yet). */
export function interviewSlotPut(store: Store, hiringId: string, round: number, at: string): TxItem {
  const slot: InterviewSlot = { hiringId, round, at: utc(at), remindedAt: null };
  return { write: { Put: { TableName: store.table, Item: { ...interviewSlotKey(hiringId, round), entity: 'interviewSlot', ...slot, gsi1pk: INTERVIEW_SLOTS, gsi1sk: `${slot.at}#${hiringId}#${round}` } } } };
}

/** Marks the slot reminded, if it is still the one at `at` and not reminded yet (a reschedule or a second run wins nothing). */
export function interviewSlotReminded(store: Store, slot: InterviewSlot, now: string): TxItem {
  return {
    write: {
      Update: {
        TableName: store.table, Key: interviewSlotKey(slot.hiringId, slot.round),
        UpdateExpression: 'SET remindedAt = :now',
        ConditionExpression: '#at = :at AND attribute_type(remindedAt, :nullType)',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':now': now, ':at': slot.at, ':nullType': 'NULL' },
      },
    },
  };
}

/** Slots starting after `from` up to `to` (ISO-8601), soonest first, one page. */
export async function upcomingInterviews(store: Store, from: string, to: string, limit = 100): Promise<InterviewSlot[]> {
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table, IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': INTERVIEW_SLOTS, ':from': `${utc(from)}#`, ':to': `${utc(to)}#~` },
    Limit: limit,
  }));
  return (out.Items ?? []).map((i) => stripKeys(i) as unknown as InterviewSlot);
}

/**
 * Every slot from `from` to `to` (ISO-8601, both inclusive), soonest first: one Query on the
 * index, read to its end (GET /interviews caps the stretch, so the pages are few).
 */
export async function interviewSlotsBetween(store: Store, from: string, to: string): Promise<InterviewSlot[]> {
  const slots: InterviewSlot[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(new QueryCommand({
      TableName: store.table, IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': INTERVIEW_SLOTS, ':from': `${utc(from)}#`, ':to': `${utc(to)}#~` },
      ExclusiveStartKey: start,
    }));
    slots.push(...(out.Items ?? []).map((i) => stripKeys(i) as unknown as InterviewSlot));
    start = out.LastEvaluatedKey;
  } while (start);
  return slots;
}
