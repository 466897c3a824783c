/**
 * Object storage for attachments without AWS (issue #12): `s3rver`, an S3-compatible server,
 * on loopback with its files under the data directory. The app reaches it through the same
 * `@aws-sdk/client-s3` code as S3 (functions/storage/objects.ts); only the endpoint differs.
 * The bucket is made (and given the CORS rule that lets the console PUT to it) the way the
 * cloud stack makes its own: by the S3 API, so the same calls are exercised.
 */
import { mkdirSync } from 'node:fs';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { ObjectStore } from '../../functions/storage/objects.js';
import { assertPortFree } from './ports.js';

/** The local bucket's name (the cloud's is the stack's `AttachmentsBucket`). */
export const LOCAL_BUCKET = 'cs-attachments';

export interface LocalObjectStorage {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 (it has no authentication worth the name: never on another interface). */
export async function startObjectStorage(opts: { dataDir: string; port?: number }): Promise<LocalObjectStorage> {
  mkdirSync(opts.dataDir, { recursive: true });
  if (opts.port) await assertPortFree(opts.port, '127.0.0.1', 'object storage (s3rver)', 'S3_PORT');
  const server = new S3rver({ address: '127.0.0.1', port: opts.port ?? 0, directory: opts.dataDir, silent: true, vhostBuckets: false });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, port, stop: () => server.close() };
}

/**
 * The bucket, made once, with CORS for the console's origins: the browser PUTs a file
 * straight to its presigned URL (and sends only Content-Type of its own).
 */
export async function ensureBucket(objects: ObjectStore, consoleOrigins: string[]): Promise<void> {
  const s3 = await objects.s3();
  const exists = await s3.send(new HeadBucketCommand({ Bucket: objects.bucket })).then(() => true, () => false);
  if (!exists) await s3.send(new CreateBucketCommand({ Bucket: objects.bucket }));
  await s3.send(new PutBucketCorsCommand({
    Bucket: objects.bucket,
    CORSConfiguration: {
      CORSRules: [{ AllowedOrigins: consoleOrigins, AllowedMethods: ['PUT', 'GET', 'HEAD'], AllowedHeaders: ['content-type'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 3600 }],
    },
  }));
}
