/**
 * The one DynamoDB table's physical shape, as plain data. The local runtime creates the
 * table from it and the CDK stack declares the same keys and indexes, so the two places
 * the app runs cannot drift apart. What each key *means* per entity is in keys.ts.
 *
 * Single-table design: `pk`/`sk` on the table, six overloaded global secondary indexes
 * (`gsi1`…`gsi6`, string keys `gsiNpk`/`gsiNsk`, all attributes projected) that each
 * entity uses for its own list orders. `expiresAt` (epoch seconds) is the TTL attribute;
 * DynamoDB Local never expires items, so readers also filter on it.
 */
export const TABLE_KEY = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const GLOBAL_INDEXES = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6'] as const;
export type GlobalIndexName = (typeof GLOBAL_INDEXES)[number];

export function indexKeys(index: GlobalIndexName): { partitionKey: string; sortKey: string } {
  return { partitionKey: `${index}pk`, sortKey: `${index}sk` };
}

export const TTL_ATTRIBUTE = 'expiresAt';

/** Default table name for the local runtime; the cloud stack passes its own via TABLE_NAME. */
export const LOCAL_TABLE_NAME = 'cs-main';
