/**
 * The parts of the S3 SDK objects.ts uses, for it to import() on first use. Through this file
 * rather than `import('@aws-sdk/client-s3')`: a dynamic import keeps every export of its target,
 * and the client's whole namespace (the aggregated client, waiters, enums) is ~50 kB more.
 */
export { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
export { getSignedUrl } from '@aws-sdk/s3-request-presigner';
