import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { GLOBAL_INDEXES, indexKeys } from '../../functions/storage/schema.js';
import { CsDepartmentStack } from '../../infra/stacks/cs-department-stack.js';

// One synthesis for the whole file: bundling the API function with esbuild takes seconds.
// Same feature flags as `cdk synth` (cdk.json); an empty console dir, so the test never
// depends on `npm run build:admin`.
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const app = new App({ context: cdkJson.context });
const stack = new CsDepartmentStack(app, 'TestStack', {
  consoleDir: mkdtempSync(join(tmpdir(), 'no-console-build-')),
});
const template = Template.fromStack(stack);
const assemblyDir = app.synth().directory;

const logicalIdOf = (type: string): string => {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const tableId = logicalIdOf('AWS::DynamoDB::GlobalTable');

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
const allStatements = (): Statement[] =>
  Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
  );
const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: Statement): unknown[] => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

describe('data table', () => {
  it('has the keys, indexes and TTL of functions/storage/schema.ts', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: GLOBAL_INDEXES.map((name) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: indexKeys(name).partitionKey, KeyType: 'HASH' },
          { AttributeName: indexKeys(name).sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'gsi6sk', AttributeType: 'S' },
      ]),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('survives mistakes: point-in-time recovery, deletion protection, retained, encrypted', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });
});

describe('API function', () => {
  it('runs Node.js 22 on ARM64 with JSON logs, tracing and its configuration', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Timeout: 29,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON', LogGroup: Match.anyValue() }),
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: tableId },
          PUBLIC_URL: Match.anyValue(),
          MAIL_TRANSPORT: 'ses',
          MAIL_FROM: { Ref: 'MailFrom' },
          NODE_ENV: 'production',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
  });

  it('writes to its own log group with a retention', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: Match.absent() }, 0);
  });

  it('is bundled as ESM with the AWS SDK inside and source maps', () => {
    const fn = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } }))[0] as {
      Properties: { Code: { S3Key: string } };
    };
    const assetDir = join(assemblyDir, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
    const bundle = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(bundle.startsWith('import { createRequire as __createRequire }')).toBe(true);
    expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
  });

  it('gets DynamoDB item access on the table and its indexes only, never on "*"', () => {
    const dynamo = allStatements().filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThan(0);
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    for (const statement of dynamo) {
      expect(actionsOf(statement)).not.toContain('dynamodb:*');
      expect(actionsOf(statement)).not.toContain('dynamodb:DeleteTable');
      expect(resourcesOf(statement)).toEqual([
        tableArn,
        { 'Fn::Join': ['', [tableArn, '/index/*']] },
      ]);
    }
  });

  it('may send mail only through the SES identity, as MailFrom', () => {
    const ses = allStatements().filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
    expect(ses).toHaveLength(1);
    expect(actionsOf(ses[0]!).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(JSON.stringify(ses[0]!.Resource)).toContain(':identity/');
    expect(resourcesOf(ses[0]!)).not.toContain('*');
    expect(ses[0]!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': { Ref: 'MailFrom' } } });
  });
});

describe('mail', () => {
  it('verifies the MailDomain if given, else the MailFrom address', () => {
    template.hasParameter('MailFrom', { Type: 'String', AllowedPattern: Match.anyValue() });
    template.hasParameter('MailDomain', { Type: 'String', Default: '' });
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: { 'Fn::If': ['UseMailDomain', { Ref: 'MailDomain' }, { Ref: 'MailFrom' }] },
    });
  });
});

describe('HTTP API', () => {
  it('sends every request to the Hono function on the $default route and stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('logs access and throttles by default', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('console distribution', () => {
  const distribution = () =>
    (Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: { DistributionConfig: Record<string, unknown> };
    }).Properties.DistributionConfig;

  it('routes /api/* to the HTTP API uncached, with every method and the viewer headers', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
            OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
            ViewerProtocolPolicy: 'https-only',
          }),
        ],
        Origins: [
          Match.objectLike({ OriginAccessControlId: Match.anyValue() }),
          Match.objectLike({
            DomainName: { 'Fn::Join': ['', Match.arrayWith(['.execute-api.'])] },
            CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
          }),
        ],
      }),
    });
  });

  it('serves the console over HTTPS with index.html as root', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Logging: Match.anyValue(),
      }),
    });
  });

  it('falls back to index.html for console routes only, leaving API 403/404 answers alone', () => {
    expect(distribution()['CustomErrorResponses']).toBeUndefined();
    const code = (Object.values(template.findResources('AWS::CloudFront::Function'))[0] as {
      Properties: { FunctionCode: string };
    }).Properties.FunctionCode;
    const handler = new Function(`${code}; return handler;`)() as (e: unknown) => { uri: string };
    const route = (uri: string): string => handler({ request: { uri } }).uri;
    expect(route('/')).toBe('/index.html');
    expect(route('/approvals/42/show')).toBe('/index.html');
    expect(route('/assets/index-3f2a.js')).toBe('/assets/index-3f2a.js');
    expect(route('/favicon.ico')).toBe('/favicon.ico');
  });

  it('keeps the console bucket private, encrypted, TLS-only and logged', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
      LoggingConfiguration: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('deploys a placeholder page when there is no console build', () => {
    const deployment = Object.values(template.findResources('Custom::CDKBucketDeployment'))[0] as {
      Properties: { SourceObjectKeys: string[] };
    };
    const [key] = deployment.Properties.SourceObjectKeys;
    const page = readFileSync(join(assemblyDir, `asset.${key!.replace(/\.zip$/, '')}`, 'index.html'), 'utf8');
    expect(page).toContain('npm run build:admin');
  });
});

describe('outputs', () => {
  it('names the console URL, the API URL and the table', () => {
    template.hasOutput('ConsoleUrl', {});
    template.hasOutput('ApiUrl', {});
    template.hasOutput('TableName', { Value: { Ref: tableId } });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('has no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges each finding on a resource, with a reason', () => {
    const acks = collectAcknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.trim().length, ack.id).toBeGreaterThan(30);
      // Resource-level: never on the app or the whole stack.
      expect(ack.path.split('/').length, ack.id).toBeGreaterThan(1);
      // Wildcard findings are acknowledged one finding at a time.
      if (/AwsSolutions-IAM[45]/.test(ack.id)) expect(ack.id).toMatch(/\[.+\]$/);
    }
  });

  it('leaves no CDK warnings or errors on the stack', () => {
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});

function collectAcknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason })),
      ),
  );
}
