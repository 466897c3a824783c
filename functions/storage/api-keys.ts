import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import type { Permission } from '../domain/auth/roles.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { APIKEYS, apiKeyKey, stripKeys } from './keys.js';
import { transact } from './transact.js';

export interface ApiKey {
  id: string;
  name: string;
  scopes: Permission[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  version: number;
}

export type StoredApiKey = ApiKey & { secretHash: string };

export async function createApiKey(store: Store, key: StoredApiKey, audit: AuditInput): Promise<void> {
  const { secretHash: _s, ...visible } = key;
  await transact(store, [
    {
      write: {
        Put: {
          TableName: store.table,
          Item: { ...apiKeyKey(key.id), entity: 'apiKey', ...key, gsi1pk: APIKEYS, gsi1sk: `${key.createdAt}#${key.id}` },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    { write: auditPut(store, { ...audit, after: visible as unknown as Record<string, unknown> }) },
  ]);
}

export async function getApiKey(store: Store, id: string): Promise<StoredApiKey | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: apiKeyKey(id) }));
  return out.Item ? (stripKeys(out.Item) as StoredApiKey) : null;
}

export async function listApiKeys(store: Store): Promise<ApiKey[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': APIKEYS },
      ScanIndexForward: false,
      Limit: 200,
    }),
  );
  return (out.Items ?? []).map((i) => {
    const { secretHash: _s, ...rest } = stripKeys(i) as StoredApiKey;
    return rest;
  });
}

export async function revokeApiKey(store: Store, id: string, now: string, audit: AuditInput): Promise<void> {
  await transact(store, [
      {
        write: {
          Update: {
            TableName: store.table,
            Key: apiKeyKey(id),
            UpdateExpression: 'SET revokedAt = :now, version = version + :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':now': now, ':one': 1 },
          },
        },
        onConditionFailed: () => new DomainError('API_KEY.NOT_FOUND', 'id'),
      },
      { write: auditPut(store, audit) },
    ]);
}
