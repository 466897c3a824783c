import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every repository function needs: the document client and the table name. */
export interface Store {
  doc: DynamoDBDocumentClient;
  table: string;
}

export interface StoreOptions {
  table: string;
  region?: string;
  /** Set for DynamoDB Local; unset on AWS. */
  endpoint?: string;
}

export function createStore(options: StoreOptions): Store {
  const client = new DynamoDBClient({
    region: options.region ?? 'us-east-1',
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 3,
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, table: options.table };
}
