/**
 * Once per test run: DynamoDB Local in memory (every test file makes its own table on it,
 * so files stay independent and run in parallel), and a fresh console build when the
 * sources changed since the last one (the runtime and browser tests serve admin/dist).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { consoleBuildIsStale } from '../../infra/local/build-console.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoLocal, type DynamoLocal } from '../../infra/local/dynamodb.js';
import { startObjectStorage, type LocalObjectStorage } from '../../infra/local/objects.js';

let dynamo: DynamoLocal | undefined;
let s3: LocalObjectStorage | undefined;
let s3Dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  // s3rver for the attachments (#12): each test file makes its own bucket on it, as with tables.
  s3Dir = await mkdtemp(join(tmpdir(), 'cs-s3-'));
  const [started, objects] = await Promise.all([startDynamoLocal({}), startObjectStorage({ dataDir: s3Dir }), buildConsoleIfStale()]);
  dynamo = started;
  s3 = objects;
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
  await s3?.stop();
  if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
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
    s3Endpoint: string;
  }
}
