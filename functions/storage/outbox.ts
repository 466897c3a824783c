/**
 * The mail outbox. Every mail is written here before it is sent, in the same transaction as
 * the change that calls for it (`guardedMail`), and removed once sent: if the process dies in
 * between, or the transport refuses it, the workflow's `flushOutbox` job sends it when it is
 * due (every few minutes), so a crash or a mail server that is down delays mail but loses none.
 * Items hold the rendered message (it carries signed approval links, so it expires with them:
 * TTL) and sort by the time they are next due.
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { newId } from './ids.js';
import type { TxItem } from './transact.js';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: string }[];
  /** What the mail is about, for logs (task or review id, kind). */
  ids: Record<string, string>;
  attempts: number;
  nextAt: string;
  firstError: string;
  createdAt: string;
}

const PK = 'OUTBOX';
/** Kept as long as an approval link can live (POLICIES gap: 7 days), then dropped by TTL. */
const RETENTION_SECONDS = 8 * 86400;

const key = (m: Pick<OutboxMail, 'id' | 'nextAt'>) => ({ pk: PK, sk: `${m.nextAt}#${m.id}` });

function outboxItem(item: OutboxMail): Record<string, unknown> {
  return { ...key(item), entity: 'outbox', ...item, expiresAt: Math.floor(Date.parse(item.createdAt) / 1000) + RETENTION_SECONDS };
}

/**
 * A mail written with the change that calls for it (the returned transaction item), due at
 * `nextAt` unless `removeMail` takes it away after it was sent.
 */
export function guardedMail(store: Store, mail: Omit<OutboxMail, 'id' | 'attempts' | 'nextAt' | 'firstError'>, nextAt: string): { mail: OutboxMail; tx: TxItem } {
  const item: OutboxMail = { ...mail, id: newId(), attempts: 1, nextAt, firstError: '' };
  return { mail: item, tx: { write: { Put: { TableName: store.table, Item: outboxItem(item) } } } };
}

/** Mail due now, oldest first (at most `limit`: one Query). */
export async function dueMail(store: Store, now: string, limit = 25): Promise<OutboxMail[]> {
  const out = await store.doc.send(new QueryCommand({
    TableName: store.table,
    KeyConditionExpression: 'pk = :pk AND sk <= :now',
    ExpressionAttributeValues: { ':pk': PK, ':now': `${now}#~` },
    Limit: limit,
  }));
  return (out.Items ?? []).map(({ pk: _pk, sk: _sk, entity: _e, expiresAt: _x, ...m }) => m as OutboxMail);
}

/** How many messages wait (for the health page), counted up to `max`. */
export async function outboxSize(store: Store, max = 100): Promise<number> {
  const out = await store.doc.send(new QueryCommand({ TableName: store.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PK }, Select: 'COUNT', Limit: max }));
  return out.Count ?? 0;
}

export async function removeMail(store: Store, mail: OutboxMail): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.table, Key: key(mail) }));
}

/** Moves the message to its next attempt time (a new sort key: delete and put). */
export async function retryMailLater(store: Store, mail: OutboxMail, nextAt: string): Promise<void> {
  const next = { ...mail, attempts: mail.attempts + 1, nextAt };
  await store.doc.send(new PutCommand({ TableName: store.table, Item: outboxItem(next) }));
  await removeMail(store, mail);
}
