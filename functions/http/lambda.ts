import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { getConnInfo, handle } from 'hono/aws-lambda';
import { readApiConfig } from '../config.js';
import { loadLinkSecret } from '../email/link-secret.js';
import { sesMailer } from '../email/mailer.js';
import { createStore } from '../storage/client.js';
import { createObjectStore } from '../storage/objects.js';
import { kindRegistry } from '../workflow/registry.js';
import { createApp } from './app.js';
import { jsonLogger } from './deps.js';

// Built once per container, at cold start; a missing variable fails here, loudly.
const config = readApiConfig(process.env);
const store = createStore({ table: config.tableName, region: config.region });
const objects = createObjectStore({ bucket: config.attachmentsBucket, region: config.region });
const now = () => new Date();
// Read once per container (Secrets Manager on AWS), before the first request is handled.
const linkSecret = await loadLinkSecret(config.linkSecret, { region: config.region });

export const handler = handle(
  createApp({
    store,
    objects,
    now,
    publicUrl: config.publicUrl,
    sessionHours: config.sessionHours,
    // API Gateway's source IP: the address it took the connection from, not a header.
    clientAddress: (c) => getConnInfo(c).remote.address,
    log: jsonLogger,
    workflow: {
      store,
      objects,
      sfn: new SFNClient({ region: config.region }),
      approvalStateMachineArn: config.approvalStateMachineArn,
      mailer: sesMailer(config.mailFrom, { region: config.region }),
      publicUrl: config.publicUrl,
      linkSecret,
      now,
      kinds: kindRegistry(),
      webhooks: config.webhooks,
      log: jsonLogger,
    },
    health: {
      dynamodb: async () => {
        await store.doc.send(new DescribeTableCommand({ TableName: store.table }));
        return { state: 'up' };
      },
    },
  }),
);
