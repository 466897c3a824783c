/**
 * AWS entry of the storage migrations (deploy-handler.ts): run by the stack's custom resource
 * at each deploy that brings new migrations, or invoked by hand to continue a long one.
 */
import { readCloudConfig } from '../config.js';
import { jsonLogger } from '../http/deps.js';
import { createStore } from '../storage/client.js';
import { migrationHandler } from './deploy-handler.js';

const config = readCloudConfig(process.env);

export const handler = migrationHandler({
  store: createStore({ table: config.tableName, region: config.region }),
  now: () => new Date(),
  log: jsonLogger,
});
