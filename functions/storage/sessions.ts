import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';
import { sessionKey } from './keys.js';

export interface Session {
  userId: string;
  createdAt: string;
  expiresAt: number;
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
  return { userId: item.userId as string, createdAt: item.createdAt as string, expiresAt: item.expiresAt as number };
}

export async function deleteSession(store: Store, tokenHash: string): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.table, Key: sessionKey(tokenHash) }));
}
