import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  type BehaviorOptions,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, getAttRef } from './nag.js';

export interface CustomDomain {
  /** e.g. `cs.example.com` */
  readonly domainName: string;
  /** ACM certificate for `domainName`, issued in us-east-1 (a CloudFront requirement). */
  readonly certificateArn: string;
}

export interface ConsoleSiteProps {
  /** Host name of the HTTP API (`<id>.execute-api.<region>.amazonaws.com`). */
  readonly apiDomainName: string;
  /** The console build (`npm run build:admin`); a placeholder page is deployed if it is missing. */
  readonly consoleDir: string;
  readonly customDomain?: CustomDomain;
}

/**
 * The admin console on S3 + CloudFront, and `/api/*` routed to the HTTP API through the
 * same distribution: console and API share one origin, so the session cookie is
 * first-party and no CORS is needed.
 */
export class ConsoleSite extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  readonly logsBucket: Bucket;
  /** `https://<host>` without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);

    this.logsBucket = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logging delivers through bucket ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.logsBucket,
      'AwsSolutions-S1',
      'This is the access-log bucket itself; logging it into itself would loop and logging it elsewhere adds a bucket that only logs the logs.',
    );

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 's3/console/',
      // Rebuildable from the repository, but retained so a stack deletion never races a deploy.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const spaFallback = new CloudFrontFunction(this, 'SpaFallback', {
      comment: 'Console routes without a file extension get index.html',
      code: FunctionCode.fromInline(SPA_FALLBACK_JS),
    });

    const certificate = props.customDomain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn)
      : undefined;

    const apiBehavior: BehaviorOptions = {
      origin: new HttpOrigin(props.apiDomainName, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      }),
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Everything the viewer sent (cookies, query, Authorization, Idempotency-Key)
      // except Host, which API Gateway needs to be its own.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'cs-department console and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes the Asia-Pacific edges the department's users are closest to.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.customDomain && certificate
        ? {
            domainNames: [props.customDomain.domainName],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
        functionAssociations: [
          { function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      // The API, and the emailed approval links' pages (/a/…), which the API serves too: without
      // their own behaviour they would land on the console's files (the SPA fallback).
      additionalBehaviors: { '/api/*': apiBehavior, '/a/*': apiBehavior },
    });

    this.url = `https://${props.customDomain?.domainName ?? this.distribution.distributionDomainName}`;

    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [consoleSource(props.consoleDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      // The keys are not used, and a large build would overflow the 4 KB custom-resource response.
      outputObjectKeys: false,
    });

    this.acknowledgeDistributionFindings(Boolean(props.customDomain));
    acknowledgeDeploymentHandlerFindings(deployment, this.bucket);
  }

  private acknowledgeDistributionFindings(hasCustomDomain: boolean): void {
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'An internal console behind sign-in; staff and approvers may open links from anywhere, so no country is blocked.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'No WAF web ACL by default: it has a fixed monthly cost and must live in us-east-1 for CloudFront; every API call is authenticated in the app and the API stage is throttled. docs/deploy.md describes adding one.',
    );
    if (!hasCustomDomain) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain the distribution uses the *.cloudfront.net certificate, whose security policy CloudFront fixes; deploy with -c consoleDomain and -c consoleCertificateArn to get TLSv1.2_2021.',
      );
    }
  }
}

/**
 * BucketDeployment runs a singleton Lambda owned by aws-cdk-lib (stack-level construct
 * `Custom::CDKBucketDeployment<uuid>...`): its runtime, managed policy and grants are the
 * library's, so each finding is acknowledged there, one by one.
 */
function acknowledgeDeploymentHandlerFindings(deployment: BucketDeployment, bucket: Bucket): void {
  const stack = Stack.of(deployment);
  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) throw new Error('BucketDeployment handler not found; aws-cdk-lib changed its layout');
  const why = 'BucketDeployment custom-resource handler, defined by aws-cdk-lib and run only at deploy time:';
  const bucketArn = getAttRef(bucket.node.defaultChild as CfnElement, 'Arn');
  const findings: Record<string, string> = {
    'AwsSolutions-L1': `${why} its runtime is chosen by the library version.`,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      `${why} the managed policy only lets it write its own logs.`,
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': `${why} reads the CDK asset bucket and the console bucket.`,
    'AwsSolutions-IAM5[Action::s3:GetObject*]': `${why} reads the console build from the CDK asset bucket.`,
    'AwsSolutions-IAM5[Action::s3:List*]': `${why} lists objects to sync and prune the console bucket.`,
    'AwsSolutions-IAM5[Action::s3:Abort*]': `${why} aborts its own failed multipart uploads to the console bucket.`,
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]': `${why} prunes files of earlier console builds.`,
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]':
      `${why} the CDK bootstrap asset bucket holds the zipped console build.`,
    [`AwsSolutions-IAM5[Resource::${bucketArn}/*]`]: `${why} writes the objects of the console bucket only.`,
    'AwsSolutions-IAM5[Resource::*]': `${why} cloudfront:CreateInvalidation/GetInvalidation, which the library grants on "*".`,
  };
  for (const [id, reason] of Object.entries(findings)) acknowledge(handler, id, reason);
}

/**
 * The console build if there is one; otherwise a one-page placeholder, so that synth and
 * the infra tests never depend on `npm run build:admin` having run.
 */
function consoleSource(consoleDir: string): ISource {
  // Without the .br/.gz copies the build makes for the local runtime: CloudFront compresses itself.
  if (existsSync(join(consoleDir, 'index.html'))) return Source.asset(consoleDir, { exclude: ['*.br', '*.gz'] });
  return Source.data('index.html', PLACEHOLDER_HTML);
}

// cloudfront-js-2.0. Only on the console behavior: /api/* answers its own 403/404 as
// problem+json, which a distribution-wide custom error page would overwrite.
const SPA_FALLBACK_JS = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

const PLACEHOLDER_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>cs-department</title></head>
<body><p>控制台尚未构建 — the console has not been built. Run <code>npm run build:admin</code>, then <code>npx cdk deploy</code> again.</p></body></html>
`;
