/**
 * A request's comment thread (评论), separate from its decisions: one item per comment in the
 * request's own partition, so the thread is one Query, oldest first, in cursor pages.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { commentsPk, stripKeys } from './keys.js';
import type { TxItem } from './transact.js';

export interface RequestComment {
  id: string;
  requestKind: string;
  requestId: string;
  authorId: string;
  authorName: string;
  text: string;
  /** The people @-mentioned (each was told by mail). */
  mentions: { id: string; name: string }[];
  /** Attachment ids (storage/attachments.ts). */
  attachments: string[];
  channel: 'console' | 'email' | 'api' | 'system';
  createdAt: string;
}

export function commentPut(store: Store, c: RequestComment): TxItem {
  return {
    write: {
      Put: {
        TableName: store.table,
        Item: { pk: commentsPk(c.requestKind, c.requestId), sk: `${c.createdAt}#${c.id}`, entity: 'comment', ...c },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

export async function listComments(
  store: Store,
  q: { kind: string; requestId: string; limit: number; cursor?: string | undefined },
): Promise<{ items: RequestComment[]; nextCursor: string | null }> {
  const fp = { t: 'comments', k: q.kind, r: q.requestId };
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': commentsPk(q.kind, q.requestId) },
    Limit: q.limit,
    ExclusiveStartKey: decodeCursor(q.cursor, fp),
  }));
  return { items: (out.Items ?? []).map((i) => stripKeys(i) as RequestComment), nextCursor: encodeCursor(out.LastEvaluatedKey, fp) };
}
