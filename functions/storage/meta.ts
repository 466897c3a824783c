import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.js';

/** Small installation-wide facts (e.g. the demo logins to print at start). */
export async function getMeta<T>(store: Store, name: string): Promise<T | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: { pk: `META#${name}`, sk: 'META' } }));
  return (out.Item?.value as T | undefined) ?? null;
}

export async function putMeta(store: Store, name: string, value: unknown): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.table, Item: { pk: `META#${name}`, sk: 'META', value } }));
}
