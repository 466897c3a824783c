/**
 * Once per test run: DynamoDB Local in memory (every test file makes its own table on it,
 * so files stay independent and run in parallel), and a fresh console build when the
 * sources changed since the last one (the runtime and browser tests serve admin/dist).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { consoleBuildIsStale } from '../../infra/local/build-console.js';
import { startDynamoLocal, type DynamoLocal } from '../../infra/local/dynamodb.js';

let dynamo: DynamoLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  const [started] = await Promise.all([startDynamoLocal({}), buildConsoleIfStale()]);
  dynamo = started;
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
}

async function buildConsoleIfStale(): Promise<void> {
  if (!consoleBuildIsStale('admin')) return;
  // Its own process with NODE_ENV=production: inside vitest NODE_ENV is "test", which would
  // bundle React's development build.
  await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
