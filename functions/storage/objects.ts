/**
 * Object storage for attachments (issue #12): S3 in the cloud, s3rver locally, through the same
 * `@aws-sdk/client-s3` calls; only the endpoint and credentials differ. Files never pass
 * through the API: the browser PUTs and GETs them with presigned URLs the API hands out after
 * its own checks. Presigning is signed at the caller's clock (`signingDate`), so a URL is valid
 * for the time the injected clock says, not the machine's.
 *
 * The S3 client and presigner (~140 kB bundled, s3-sdk.ts) are imported on first use, not at
 * the top: only attachment requests need them, and an API cold start then does not compile
 * them (docs/benchmarks.md, figure 3).
 */
import type { S3Client } from '@aws-sdk/client-s3';

export interface ObjectStore {
  /** The client, loaded and built on the first call, then the same one for the container's life. */
  s3(): Promise<S3Client>;
  bucket: string;
}

export interface ObjectStoreOptions {
  bucket: string;
  region?: string;
  /** Set for s3rver (path-style addressing, its fixed local credentials); unset on AWS. */
  endpoint?: string;
}

/** s3rver's own credentials (it accepts these and no others). */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function createObjectStore(options: ObjectStoreOptions): ObjectStore {
  let client: Promise<S3Client> | undefined;
  const build = ({ S3Client }: typeof import('./s3-sdk.js')) =>
    new S3Client({
      region: options.region ?? 'us-east-1',
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true, credentials: LOCAL_S3_CREDENTIALS } : {}),
      // A presigned PUT must not carry an SDK checksum of a body it has not seen (a browser could
      // never match it); S3 checks Content-Length and Content-Type, which we sign.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  return {
    bucket: options.bucket,
    s3() {
      // A failed load is not kept: the next request tries again.
      client ??= import('./s3-sdk.js').then(build, (err: unknown) => {
        client = undefined;
        throw err;
      });
      return client;
    },
  };
}

/**
 * A presigned PUT that takes exactly this type and this many bytes: both headers are signed,
 * so S3 refuses any other file. The client sends `headers` as given (the browser sets
 * Content-Length from the body itself).
 */
export async function presignUpload(
  os: ObjectStore,
  r: { key: string; contentType: string; size: number; expiresInSeconds: number; signingDate: Date },
): Promise<{ url: string; headers: Record<string, string> }> {
  const [{ PutObjectCommand, getSignedUrl }, s3] = await Promise.all([import('./s3-sdk.js'), os.s3()]);
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: os.bucket, Key: r.key, ContentType: r.contentType, ContentLength: r.size }), {
    expiresIn: r.expiresInSeconds,
    signingDate: r.signingDate,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
  return { url, headers: { 'Content-Type': r.contentType } };
}

/**
 * A presigned GET that downloads the file under its own name (RFC 6266 `filename*`) and as
 * the type recorded for it, whatever the object says: a file is never rendered as a page of
 * the bucket's origin.
 */
export async function presignDownload(
  os: ObjectStore,
  r: { key: string; fileName: string; contentType: string; expiresInSeconds: number; signingDate: Date },
): Promise<string> {
  const [{ GetObjectCommand, getSignedUrl }, s3] = await Promise.all([import('./s3-sdk.js'), os.s3()]);
  return getSignedUrl(s3, new GetObjectCommand({
    Bucket: os.bucket, Key: r.key, ResponseContentType: r.contentType, ResponseContentDisposition: contentDisposition(r.fileName), ResponseCacheControl: 'private, no-store',
  }), { expiresIn: r.expiresInSeconds, signingDate: r.signingDate });
}

/** `attachment` with an ASCII fallback name and the real one in UTF-8 (成绩单.pdf). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** What is stored under `key`, or null when nothing is (S3 without s3:ListBucket says 403 for that). */
export async function headObject(os: ObjectStore, key: string): Promise<{ size: number; contentType: string; etag: string | null } | null> {
  const [{ HeadObjectCommand, S3ServiceException }, s3] = await Promise.all([import('./s3-sdk.js'), os.s3()]);
  try {
    const out = await s3.send(new HeadObjectCommand({ Bucket: os.bucket, Key: key }));
    return { size: out.ContentLength ?? -1, contentType: (out.ContentType ?? '').split(';')[0]!.trim().toLowerCase(), etag: out.ETag ?? null };
  } catch (err) {
    if (err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.$metadata.httpStatusCode === 403)) return null;
    throw err;
  }
}

/** Stores bytes the API itself received (a handwritten signature); a retry stores the same object again. */
export async function putObject(os: ObjectStore, key: string, body: Uint8Array, contentType: string): Promise<void> {
  const [{ PutObjectCommand }, s3] = await Promise.all([import('./s3-sdk.js'), os.s3()]);
  await s3.send(new PutObjectCommand({ Bucket: os.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }));
}

/** Copies within the bucket; with `ifMatch`, only the very object that was checked. */
export async function copyObject(os: ObjectStore, from: string, to: string, ifMatch: string | null): Promise<void> {
  const [{ CopyObjectCommand }, s3] = await Promise.all([import('./s3-sdk.js'), os.s3()]);
  await s3.send(new CopyObjectCommand({
    Bucket: os.bucket, Key: to, CopySource: `${os.bucket}/${from}`, ...(ifMatch ? { CopySourceIfMatch: ifMatch } : {}), MetadataDirective: 'COPY',
  }));
}

/**
 * Deletes one object (a missing one is no error: a retried erasure deletes nothing again). On a
 * versioned bucket this leaves a delete marker; the bucket's rule removes the earlier version
 * after its recovery window (infra/constructs/attachments-bucket.ts).
 */
export async function deleteObject(os: ObjectStore, key: string): Promise<void> {
  const [{ DeleteObjectCommand }, s3] = await Promise.all([import('./s3-sdk.js'), os.s3()]);
  await s3.send(new DeleteObjectCommand({ Bucket: os.bucket, Key: key }));
}
