import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { sessionKey, stripKeys, userKey } from './keys.js';
import { sessionEpochOf, type StoredUser } from './users.js';

export interface Session {
  userId: string;
  createdAt: string;
  expiresAt: number;
  /** The user's session epoch when it was made (absent: 0); a later epoch ends it (users.ts). */
  epoch?: number;
}

/** Sessions are stored under the SHA-256 of their token: a leaked table holds no usable token. */
export async function putSession(store: Store, tokenHash: string, session: Session): Promise<void> {
  await store.doc.send(
    new PutCommand({ TableName: store.table, Item: { ...sessionKey(tokenHash), entity: 'session', ...session } }),
  );
}

export async function getSession(store: Store, tokenHash: string, nowSeconds: number): Promise<Session | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: sessionKey(tokenHash) }));
  const item = out.Item;
  // DynamoDB Local never runs TTL, and AWS may lag up to days: expiry is checked on read.
  if (!item || (item.expiresAt as number) <= nowSeconds) return null;
  return { userId: item.userId as string, createdAt: item.createdAt as string, expiresAt: item.expiresAt as number, epoch: (item.epoch as number | undefined) ?? 0 };
}

/**
 * A session and its user in one BatchGet, for a token that names its user: the session must
 * exist, be unexpired, belong to that user (a token naming someone else finds nothing) and be
 * of the user's current epoch (made since the password last changed).
 */
export async function getSessionAndUser(store: Store, tokenHash: string, userId: string, nowSeconds: number): Promise<{ session: Session; user: StoredUser } | null> {
  const keys = [sessionKey(tokenHash), userKey(userId)];
  const found = new Map<string, Record<string, unknown>>();
  for (let attempt = 0; keys.length > 0 && attempt < 4; attempt++) {
    const out = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.table]: { Keys: keys.splice(0) } } }));
    for (const item of out.Responses?.[store.table] ?? []) found.set(item.pk as string, item);
    keys.push(...((out.UnprocessedKeys?.[store.table]?.Keys ?? []) as typeof keys));
  }
  const session = found.get(sessionKey(tokenHash).pk);
  const user = found.get(userKey(userId).pk);
  if (!session || !user || session.userId !== userId || (session.expiresAt as number) <= nowSeconds) return null;
  const stored = stripKeys(user) as unknown as StoredUser;
  const epoch = (session.epoch as number | undefined) ?? 0;
  if (epoch !== sessionEpochOf(stored)) return null;
  return { session: { userId, createdAt: session.createdAt as string, expiresAt: session.expiresAt as number, epoch }, user: stored };
}

export async function deleteSession(store: Store, tokenHash: string): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.table, Key: sessionKey(tokenHash) }));
}
