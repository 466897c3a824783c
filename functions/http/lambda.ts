import { handle } from 'hono/aws-lambda';
import { createStore } from '../storage/client.js';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createApp } from './app.js';
import { jsonLogger } from './deps.js';
import { readCloudConfig } from '../config.js';

// Built once per container, at cold start; a missing variable fails here, loudly.
const config = readCloudConfig(process.env);
const store = createStore({ table: config.tableName, region: config.region });

export const handler = handle(
  createApp({
    store,
    now: () => new Date(),
    publicUrl: config.publicUrl,
    sessionHours: config.sessionHours,
    log: jsonLogger,
    health: {
      dynamodb: async () => {
        await store.doc.send(new DescribeTableCommand({ TableName: store.table }));
        return { state: 'up' };
      },
    },
  }),
);
