import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  ProjectionType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { GLOBAL_INDEXES, TABLE_KEY, TTL_ATTRIBUTE, indexKeys } from '../../functions/storage/schema.js';

/**
 * The one application table. Keys and indexes come from `functions/storage/schema.ts`, the
 * same data the local runtime creates DynamoDB Local from, so cloud and local cannot drift.
 * Retained on stack deletion and deletion-protected: it holds the department's records.
 */
export class DataTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEY.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: GLOBAL_INDEXES.map((indexName) => {
        const keys = indexKeys(indexName);
        return {
          indexName,
          partitionKey: { name: keys.partitionKey, type: AttributeType.STRING },
          sortKey: { name: keys.sortKey, type: AttributeType.STRING },
          projectionType: ProjectionType.ALL,
        };
      }),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // AWS-managed key: encrypted at rest with no key policy to maintain; a customer-managed
      // key would add cost and a second thing that can lock the data away.
      encryption: TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
