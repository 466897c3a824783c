import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_POLICIES, type PolicyName, type PolicySet, type StoredPolicy } from '../domain/policy/defaults.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { policyCurrentKey, policyVersionKey } from './keys.js';
import { transact } from './transact.js';
import { DomainError } from '../domain/errors.js';

/**
 * A policy is versioned data: `CURRENT` holds the newest values (one read on hot paths),
 * `V#n` keeps every version so a decision can say which one it applied.
 */
export async function getPolicy<N extends PolicyName>(store: Store, name: N): Promise<StoredPolicy<N>> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: policyCurrentKey(name) }));
  if (!out.Item) {
    // Not seeded yet (a fresh table): the defaults act as version 0 until someone saves.
    return { name, version: 0, values: DEFAULT_POLICIES[name], updatedAt: '1970-01-01T00:00:00.000Z', updatedBy: null };
  }
  // Fields added to a policy after it was saved read as their defaults until HR saves again; a
  // field retired from it (offboarding.tasksMoveTo, #15) reads as gone, so the values read can be
  // saved back as they are.
  const defaults = DEFAULT_POLICIES[name] as unknown as Record<string, unknown>;
  const stored = Object.entries((out.Item.values ?? {}) as Record<string, unknown>).filter(([key]) => key in defaults);
  return { name, version: out.Item.version as number,
    values: { ...defaults, ...Object.fromEntries(stored) } as unknown as PolicySet[N], updatedAt: out.Item.updatedAt as string, updatedBy: (out.Item.updatedBy as string | null) ?? null };
}

export async function savePolicy<N extends PolicyName>(
  store: Store,
  name: N,
  values: PolicySet[N],
  expectedVersion: number,
  actor: { id: string; name: string } | null,
  now: string,
  audit: Omit<AuditInput, 'before' | 'after' | 'entityType' | 'entityId' | 'action' | 'at' | 'actor'>,
  before: PolicySet[N] | null,
): Promise<StoredPolicy<N>> {
  const version = expectedVersion + 1;
  const record = { name, version, values, updatedAt: now, updatedBy: actor?.id ?? null };
  await transact(store, [
    {
      write: {
        Put: {
          TableName: store.table,
          Item: { ...policyCurrentKey(name), entity: 'policy', ...record },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
        },
      },
      onConditionFailed: () => new DomainError('RECORD.VERSION_CONFLICT', 'version', { version: expectedVersion }),
    },
    { write: { Put: { TableName: store.table, Item: { ...policyVersionKey(name, version), entity: 'policyVersion', ...record } } } },
    {
      write: auditPut(store, {
        ...audit,
        entityType: 'policy',
        entityId: name,
        action: expectedVersion === 0 ? 'create' : 'update',
        actor,
        at: now,
        before: before as unknown as Record<string, unknown> | null,
        after: values as unknown as Record<string, unknown>,
      }),
    },
  ]);
  return record;
}
