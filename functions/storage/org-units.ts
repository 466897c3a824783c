import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgUnit } from '../domain/people/model.js';
import { auditPut, type AuditInput } from './audit.js';
import type { Store } from './client.js';
import { ORGUNITS, orgUnitKey, stripKeys } from './keys.js';
import { transact } from './transact.js';

export async function getOrgUnit(store: Store, id: string): Promise<OrgUnit | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.table, Key: orgUnitKey(id) }));
  return out.Item ? (stripKeys(out.Item) as OrgUnit) : null;
}

/** All org units: a department has tens of units, so one Query on their partition reads them all. */
export async function listOrgUnits(store: Store): Promise<OrgUnit[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': ORGUNITS },
    }),
  );
  return (out.Items ?? []).map((i) => stripKeys(i) as OrgUnit);
}

export async function createOrgUnit(store: Store, unit: OrgUnit, audit: AuditInput): Promise<void> {
  await transact(store, [
    {
      write: {
        Put: {
          TableName: store.table,
          Item: { ...orgUnitKey(unit.id), entity: 'orgUnit', ...unit, gsi1pk: ORGUNITS, gsi1sk: `${unit.kind}#${unit.name}#${unit.id}` },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    { write: auditPut(store, audit) },
  ]);
}
