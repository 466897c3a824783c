import { CfnElement, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.js';
import { acknowledge, getAttRef } from './nag.js';

export interface AttachmentsBucketProps {
  /** Origins whose pages PUT files straight to presigned URLs (the console's). */
  readonly consoleOrigins: string[];
  readonly logsBucket: IBucket;
}

/**
 * Files on requests, decisions and comments (issue #12). Private, encrypted, TLS-only and
 * logged; retained, as the records that point at it are. Nothing in it is public: the API
 * hands out presigned URLs after its own checks. Uploads land in `uploads/`, which keeps a
 * file one day: one a decision or comment claims is copied to `files/` first (storage/attachments.ts).
 *
 * Versioned (#13), the bucket's half of point-in-time recovery: the app never overwrites or
 * deletes a file, so a version that stops being current was overwritten or deleted by mistake
 * (a person with console access, a script): it is kept for 90 days, more than the table's 35
 * days of point-in-time recovery, so a table restored to any point finds its files
 * (docs/deploy.md "Restoring data").
 */
export class AttachmentsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AttachmentsBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: 's3/attachments/',
      cors: [{
        allowedOrigins: props.consoleOrigins,
        allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
        allowedHeaders: ['content-type'],
        exposedHeaders: ['ETag'],
        maxAge: 3600,
      }],
      versioned: true,
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // A pending upload can be claimed for 24 hours (PENDING_HOURS); S3 expires objects at the
        // midnight after a full day, so never sooner. Versioned, an expired upload becomes a
        // noncurrent version, gone a day later: nobody restores an unclaimed upload.
        { id: 'unclaimed-uploads', prefix: 'uploads/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        // Files overwritten or deleted by mistake stay restorable for 90 days; then their delete
        // markers go too.
        { id: 'noncurrent-versions', noncurrentVersionExpiration: Duration.days(90), expiredObjectDeleteMarker: true },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * The API function: the bucket's name in `envName` and, on its objects only, PutObject (the
   * presigned uploads, the copy of a claimed file) and GetObject (presigned downloads, the
   * check of an upload, the copy's source). No list, no delete, nothing on other buckets.
   */
  bind(target: AppFunction, envName: string): void {
    target.fn.addEnvironment(envName, this.bucket.bucketName);
    target.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [this.bucket.arnForObjects('*')] }));
    const resource = this.bucket.node.defaultChild;
    if (CfnElement.isCfnElement(resource)) {
      acknowledge(
        target.role,
        `AwsSolutions-IAM5[Resource::${getAttRef(resource, 'Arn')}/*]`,
        'Attachments are objects named by id (uploads/<id>, files/<id>) in this one bucket; the wildcard is the bucket’s objects, and the API decides per request who may reach which.',
      );
    }
  }

  /**
   * The workflow function, which erases the CVs of candidates not hired after the retention
   * period (functions/workflow/candidate-retention.ts): the bucket's name in `envName` and
   * DeleteObject on `files/` only. No get, no list, no version deletes: the bucket keeps the
   * deleted version for its recovery window, then its own rule removes it.
   */
  bindEraser(target: AppFunction, envName: string): void {
    target.fn.addEnvironment(envName, this.bucket.bucketName);
    target.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [this.bucket.arnForObjects('files/*')] }));
    const resource = this.bucket.node.defaultChild;
    if (CfnElement.isCfnElement(resource)) {
      acknowledge(
        target.role,
        `AwsSolutions-IAM5[Resource::${getAttRef(resource, 'Arn')}/files/*]`,
        'Claimed files are named by id (files/<id>); the job deletes the CV of each candidate it erases, whichever id that is.',
      );
    }
  }
}
