import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { linkSecretFromEnv } from '../../functions/email/links.js';
import { MIGRATIONS } from '../../functions/storage/migrations/index.js';
import { GLOBAL_INDEXES, indexKeys } from '../../functions/storage/schema.js';
import { LinkSecret } from '../../infra/constructs/link-secret.js';
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
const stateMachineId = logicalIdOf('AWS::StepFunctions::StateMachine');
const secretId = logicalIdOf('AWS::SecretsManager::Secret');
const idOf = (construct: IConstruct): string =>
  stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnElement)) as string;
const apiFnId = idOf(stack.api.fn);
const workflowFnId = idOf(stack.workflowTasks.fn);
const apiRoleId = idOf(stack.api.role);
const workflowRoleId = idOf(stack.workflowTasks.role);
const migrationFnId = idOf(stack.migrations.fn.fn);
const migrationRoleId = idOf(stack.migrations.fn.role);
const stateMachineRoleId = idOf(stack.approvals.stateMachine.role);
const fnArn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const attachmentsBucketId = idOf(stack.attachments.bucket);

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
type PolicyResource = { Properties: { PolicyDocument: { Statement: Statement[] }; Roles: unknown[] } };
const policies = (): [string, PolicyResource][] =>
  Object.entries(template.findResources('AWS::IAM::Policy')) as [string, PolicyResource][];
const allStatements = (): Statement[] => policies().flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
/** Statements of every policy attached to one role. */
const statementsOf = (roleId: string): Statement[] =>
  policies()
    .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
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

const linkSecretArn = { Ref: secretId };
const publicUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.anyValue(), 'DomainName'] }]] };
const functionProps = (id: string) =>
  (template.toJSON() as { Resources: Record<string, { Properties: Record<string, unknown> }> }).Resources[id]!
    .Properties;

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
          ATTACHMENTS_BUCKET: { Ref: attachmentsBucketId },
          PUBLIC_URL: publicUrl,
          APPROVAL_STATE_MACHINE_ARN: { Ref: stateMachineId },
          MAIL_FROM: { Ref: 'MailFrom' },
          LINK_SECRET_ARN: linkSecretArn,
          MAIL_TRANSPORT: 'ses',
          NODE_ENV: 'production',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
    expect(functionProps(apiFnId)['Description']).toBe('cs-department HTTP API (Hono)');
  });

  it('writes to its own log group with a retention', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: Match.absent() }, 0);
  });

  it('is bundled as ESM with the AWS SDK inside and source maps (every app function)', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } })) as {
      Properties: { Code: { S3Key: string } };
    }[];
    expect(fns).toHaveLength(3);
    for (const fn of fns) {
      const assetDir = join(assemblyDir, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
      expect(bundle.startsWith('import { createRequire as __createRequire }')).toBe(true);
      expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
    }
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

  it('may send mail only through the SES identity, as MailFrom (API and workflow function)', () => {
    const ses = allStatements().filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
    expect(ses).toHaveLength(2);
    for (const roleId of [apiRoleId, workflowRoleId]) {
      expect(statementsOf(roleId).filter((s) => ses.includes(s))).toHaveLength(1);
    }
    for (const statement of ses) {
      expect(actionsOf(statement).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(JSON.stringify(statement.Resource)).toContain(':identity/');
      expect(resourcesOf(statement)).not.toContain('*');
      expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': { Ref: 'MailFrom' } } });
    }
  });

  it('may start executions of the approval state machine only: the API (new requests) and the workflow function (the startPending sweep)', () => {
    const starts = allStatements().filter((s) => actionsOf(s).some((a) => /^states:(StartExecution|\*)/.test(a)));
    expect(starts).toHaveLength(2);
    for (const s of starts) expect(actionsOf(s)).toEqual(['states:StartExecution']);
    const api = statementsOf(apiRoleId).find((s) => starts.includes(s));
    expect(resourcesOf(api!)).toEqual([{ Ref: stateMachineId }]);
    const workflow = statementsOf(workflowRoleId).find((s) => starts.includes(s));
    const [resource] = resourcesOf(workflow!);
    expect(resourcesOf(workflow!)).toHaveLength(1);
    expect(JSON.stringify(resource)).toMatch(/:stateMachine:TestStack-Approval"/);
  });
});

describe('approval workflow', () => {
  const machine = () =>
    functionProps(stateMachineId) as {
      DefinitionString: string;
      DefinitionSubstitutions: Record<string, unknown>;
      StateMachineName: string;
    };

  it('is a Standard state machine from functions/workflow/approval.asl.json', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      StateMachineName: 'TestStack-Approval',
    });
    const file = readFileSync(new URL('../../functions/workflow/approval.asl.json', import.meta.url), 'utf8');
    expect(machine().DefinitionString).toBe(file);
  });

  it('resolves every ${Placeholder} to the workflow function', () => {
    const { DefinitionString, DefinitionSubstitutions } = machine();
    expect(DefinitionSubstitutions).toEqual({
      PlanNextStepFn: fnArn(workflowFnId),
      RequestApprovalFn: fnArn(workflowFnId),
      FinishRequestFn: fnArn(workflowFnId),
      PassStepFn: fnArn(workflowFnId),
      StepDeadlineFn: fnArn(workflowFnId),
    });
    // What CloudFormation does with DefinitionSubstitutions, with a marker for the ARN.
    const resolved = DefinitionString.replace(/\$\{([^}]+)\}/g, (_, name: string) =>
      JSON.stringify(DefinitionSubstitutions[name]) === JSON.stringify(fnArn(workflowFnId)) ? 'WORKFLOW_FN_ARN' : `\${${name}}`,
    );
    expect(resolved).not.toMatch(/\$\{/);
    const tasks = Object.values((JSON.parse(resolved) as { States: Record<string, { Type: string; Resource?: string; Parameters?: { FunctionName?: string } }> }).States)
      .filter((state) => state.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.Resource).toMatch(/^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/);
      expect(task.Parameters?.FunctionName).toBe('WORKFLOW_FN_ARN');
    }
  });

  it('logs every event without execution data to its own log group, and traces', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } }],
      },
      TracingConfiguration: { Enabled: true },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/vendedlogs/states/TestStack-Approval',
      RetentionInDays: Match.anyValue(),
    });
  });

  it('may invoke the workflow function and no other', () => {
    const invokes = statementsOf(stateMachineRoleId).filter((s) => actionsOf(s).some((a) => a.startsWith('lambda:')));
    expect(invokes).toHaveLength(1);
    expect(actionsOf(invokes[0]!)).toEqual(['lambda:InvokeFunction']);
    expect(resourcesOf(invokes[0]!)).toEqual([
      fnArn(workflowFnId),
      { 'Fn::Join': ['', [fnArn(workflowFnId), ':*']] },
    ]);
  });

  it('runs its tasks in the workflow function: Node.js 22, ARM64, JSON logs, tracing, its configuration', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'cs-department approval workflow tasks',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON', LogGroup: Match.anyValue() }),
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: tableId },
          PUBLIC_URL: publicUrl,
          // Built from the machine's name: a Ref would be a cycle (machine → function ARN).
          APPROVAL_STATE_MACHINE_ARN: {
            'Fn::Join': ['', [
              'arn:', { Ref: 'AWS::Partition' }, ':states:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
              `:stateMachine:${machine().StateMachineName}`,
            ]],
          },
          MAIL_FROM: { Ref: 'MailFrom' },
          LINK_SECRET_ARN: linkSecretArn,
          ATTACHMENTS_BUCKET: { Ref: attachmentsBucketId },
          NODE_ENV: 'production',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
    expect(functionProps(workflowFnId)['Description']).toBe('cs-department approval workflow tasks');
  });

  it('grants SendTaskSuccess/Failure (resource "*", unscopable) to the two functions that use them, nothing else on states:', () => {
    const isSendTask = (s: Statement) => actionsOf(s).some((a) => a.startsWith('states:SendTask'));
    expect(allStatements().filter(isSendTask)).toHaveLength(2);
    const api = statementsOf(apiRoleId).filter(isSendTask);
    expect(api).toHaveLength(1);
    expect(actionsOf(api[0]!).sort()).toEqual(['states:SendTaskFailure', 'states:SendTaskSuccess']);
    expect(api[0]!.Resource).toBe('*');
    const workflow = statementsOf(workflowRoleId).filter(isSendTask);
    expect(workflow).toHaveLength(1);
    expect(actionsOf(workflow[0]!)).toEqual(['states:SendTaskSuccess']);
    expect(workflow[0]!.Resource).toBe('*');
  });
});

describe('storage migrations at deploy', () => {
  const customResourceId = logicalIdOf('Custom::StorageMigrations');
  const resources = () => (template.toJSON() as { Resources: Record<string, { DependsOn?: string[]; Properties: Record<string, unknown> }> }).Resources;

  it('run through a custom resource whose only input is the list of migration ids, so a deploy runs them when that list changes', () => {
    const { ServiceToken, ...inputs } = resources()[customResourceId]!.Properties;
    expect(inputs).toEqual({ MigrationIds: MIGRATIONS.map((m) => m.id), ServiceTimeout: expect.anything() });
    // The provider framework's function answers CloudFormation and calls the migration function.
    const [framework] = (ServiceToken as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
    expect((functionProps(framework)['Environment'] as { Variables: Record<string, unknown> }).Variables).toEqual({ USER_ON_EVENT_FUNCTION_ARN: fnArn(migrationFnId) });
  });

  it('finish before the API and the workflow functions are updated (they depend on the resource)', () => {
    for (const id of [apiFnId, workflowFnId]) expect(resources()[id]!.DependsOn).toContain(customResourceId);
  });

  it('run in a function with 14 minutes, which stops at a checkpoint before its limit (functions/migrate)', () => {
    expect(functionProps(migrationFnId)).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Timeout: 14 * 60 });
    expect(Number(resources()[customResourceId]!.Properties['ServiceTimeout'])).toBeGreaterThan(15 * 60);
  });

  it('may read and write the items of the table and its indexes, nothing else: no mail, no workflows, no secret', () => {
    const env = (functionProps(migrationFnId)['Environment'] as { Variables: Record<string, unknown> }).Variables;
    expect(env).toEqual({ TABLE_NAME: { Ref: tableId }, NODE_ENV: 'production', NODE_OPTIONS: '--enable-source-maps' });
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    for (const statement of statementsOf(migrationRoleId)) {
      const services = new Set(actionsOf(statement).map((a) => a.split(':')[0]));
      if (services.has('dynamodb')) {
        expect(resourcesOf(statement)).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]);
        expect(actionsOf(statement)).not.toContain('dynamodb:DeleteTable');
      } else {
        // Its own log group, and X-Ray (which has no resource-level permissions).
        expect([...services].every((svc) => svc === 'logs' || svc === 'xray'), JSON.stringify(statement)).toBe(true);
      }
    }
    template.hasOutput('MigrationFunctionName', { Value: { Ref: migrationFnId } });
  });
});

describe('daily jobs', () => {
  it('invoke the workflow function every day at 01:00 Asia/Shanghai to open scheduled probation reviews (POLICIES.md §3)', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 1 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({ Input: JSON.stringify({ task: 'openDueReviews' }) }),
    });
  });

  it('send the mail outbox every five minutes (mail refused by SES is retried, not lost)', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: Match.objectLike({ Input: JSON.stringify({ task: 'flushOutbox' }) }),
    });
  });

  it('sweep every five minutes for requests whose start, and decisions whose resume, a crash interrupted', () => {
    for (const task of ['startPending', 'resumeDecided']) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'rate(5 minutes)',
        Target: Match.objectLike({ Input: JSON.stringify({ task }) }),
      });
    }
  });

  it('deliver webhooks every minute from the workflow function, with no grant beyond its table (#13)', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      Target: Match.objectLike({ Arn: fnArn(workflowFnId), Input: JSON.stringify({ task: 'deliverWebhooks' }) }),
    });
    // Receivers must be https on public addresses in the cloud: nothing turns the SSRF rule off
    // (the Lambda runtime API listens on 127.0.0.1 inside every function).
    for (const id of [apiFnId, workflowFnId]) {
      const env = (functionProps(id)['Environment'] as { Variables: Record<string, unknown> }).Variables;
      expect(env).not.toHaveProperty('WEBHOOK_ALLOW_PRIVATE_NETWORKS');
    }
  });

  it('exist once for each job of functions/workflow/jobs.ts, and every job runs in the workflow function', async () => {
    const { SCHEDULED_JOBS } = await import('../../functions/workflow/jobs.js');
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')) as { Properties: { Target: { Input: string } } }[];
    expect(schedules.map((s) => JSON.parse(s.Properties.Target.Input).task).sort()).toEqual(SCHEDULED_JOBS.map((j) => j.name).sort());
  });
});

describe('link secret', () => {
  const appFunctions = () =>
    Object.entries(template.findResources('AWS::Lambda::Function')) as [string, { Properties: { Environment?: { Variables?: Record<string, unknown> } } }][];

  it('is generated in Secrets Manager; the two functions that sign and check links get its ARN, never its value', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
    });
    const withArn = appFunctions().filter(([, fn]) => fn.Properties.Environment?.Variables?.['LINK_SECRET_ARN']).map(([id]) => id);
    expect(withArn.sort()).toEqual([apiFnId, workflowFnId].sort());
    for (const id of withArn) {
      const env = (functionProps(id)['Environment'] as { Variables: Record<string, unknown> }).Variables;
      expect(env['LINK_SECRET_ARN']).toEqual(linkSecretArn);
      expect(env).not.toHaveProperty('LINK_SECRET');
    }
  });

  it('is in no function\'s environment: no dynamic reference to any secret, as a string or joined (#13 item 11)', () => {
    // `lambda:GetFunctionConfiguration` shows the environment as CloudFormation resolved it.
    const functions = appFunctions();
    expect(functions.length).toBeGreaterThanOrEqual(3);
    for (const [id, fn] of functions) {
      const variables = fn.Properties.Environment?.Variables ?? {};
      // Fn::Join parts, Fn::Sub strings and plain values all end up in this text.
      const text = JSON.stringify(variables);
      expect(text, `environment of ${id}`).not.toMatch(/resolve:secretsmanager|resolve:ssm-secure/i);
      expect(Object.keys(variables).filter((name) => /SECRET|PASSWORD|TOKEN|KEY$/.test(name) && !name.endsWith('_ARN') && name !== 'LINK_SECRET_VERSION_ID'), `environment of ${id}`).toEqual([]);
    }
    // Nor anywhere else in the template: the value exists only in Secrets Manager.
    expect(JSON.stringify(template.toJSON())).not.toMatch(/resolve:secretsmanager/);
  });

  it('may be read with GetSecretValue only, on that one secret, by those two functions only', () => {
    const reads = allStatements().filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:') || a === '*'));
    expect(reads).toHaveLength(2);
    for (const roleId of [apiRoleId, workflowRoleId]) {
      const own = statementsOf(roleId).filter((s) => reads.includes(s));
      expect(own).toHaveLength(1);
      expect(actionsOf(own[0]!)).toEqual(['secretsmanager:GetSecretValue']);
      expect(resourcesOf(own[0]!)).toEqual([linkSecretArn]);
    }
  });

  it('pins the functions to a version when one is given, which restarts them on the new key', () => {
    // The construct alone, on a stand-in function: a second synthesis of the stack would bundle every Lambda again.
    const pinned = new Stack(new App(), 'PinnedStack');
    const fn = new LambdaFunction(pinned, 'Fn', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('export const handler = () => {}') });
    new LinkSecret(pinned, 'LinkSecret', { versionId: 'version-2' }).bind({ fn });
    Template.fromStack(pinned).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { LINK_SECRET_ARN: { Ref: Match.stringLikeRegexp('^LinkSecret') }, LINK_SECRET_VERSION_ID: 'version-2' } },
    });
  });

  it('generates values the functions accept (≥ 32 bytes as base64)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    for (let i = 0; i < 20; i++) {
      const value = Array.from({ length: 64 }, () => alphabet[randomInt(alphabet.length)]).join('');
      expect(linkSecretFromEnv(value).length).toBeGreaterThanOrEqual(32);
    }
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

  it('routes /api/* and the emailed links’ pages /a/* to the HTTP API uncached, with every method and the viewer headers', () => {
    const toApi = (PathPattern: string) =>
      Match.objectLike({
        PathPattern,
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
        ViewerProtocolPolicy: 'https-only',
      });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        // Without /a/*, an approval link would land on the console's files (the SPA fallback).
        CacheBehaviors: [toApi('/api/*'), toApi('/a/*')],
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

describe('attachments bucket (#12)', () => {
  it('is private, encrypted, TLS-only, logged, and lets the console PUT by CORS', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: Match.anyValue(),
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3/attachments/' }),
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: Match.arrayWith(['PUT']), AllowedOrigins: [publicUrl], AllowedHeaders: ['content-type'] })] },
    });
    const bucket = template.toJSON().Resources[attachmentsBucketId] as { DeletionPolicy: string };
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('drops unclaimed uploads and incomplete multipart uploads after a day', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('is versioned (#13): a file overwritten or deleted by mistake is kept 90 days, longer than the table’s point-in-time recovery', () => {
    const bucket = template.toJSON().Resources[attachmentsBucketId] as { Properties: { VersioningConfiguration: unknown; LifecycleConfiguration: { Rules: unknown[] } } };
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual(expect.arrayContaining([
      expect.objectContaining({ Id: 'noncurrent-versions', NoncurrentVersionExpiration: { NoncurrentDays: 90 }, ExpiredObjectDeleteMarker: true, Status: 'Enabled' }),
      expect.objectContaining({ Id: 'unclaimed-uploads', Prefix: 'uploads/', NoncurrentVersionExpiration: { NoncurrentDays: 1 } }),
    ]));
  });

  it('gives the API put and get on its objects only, and the workflow delete on claimed files only (the CVs the retention job erases)', () => {
    const onBucket = (roleId: string) => statementsOf(roleId).filter((s) => JSON.stringify(s.Resource).includes(attachmentsBucketId));
    const [api, ...more] = onBucket(apiRoleId);
    expect(more).toHaveLength(0);
    expect(actionsOf(api!).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(resourcesOf(api!)).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [attachmentsBucketId, 'Arn'] }, '/*']] }]);
    const [workflow, ...moreWorkflow] = onBucket(workflowRoleId);
    expect(moreWorkflow).toHaveLength(0);
    expect(actionsOf(workflow!)).toEqual(['s3:DeleteObject']);
    expect(resourcesOf(workflow!)).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [attachmentsBucketId, 'Arn'] }, '/files/*']] }]);
  });
});

describe('outputs', () => {
  it('names the console URL, the API URL, the table, the state machine and the link secret', () => {
    template.hasOutput('ConsoleUrl', {});
    template.hasOutput('ApiUrl', {});
    template.hasOutput('TableName', { Value: { Ref: tableId } });
    template.hasOutput('ApprovalStateMachineArn', { Value: { Ref: stateMachineId } });
    template.hasOutput('LinkSecretArn', { Value: { Ref: secretId } });
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

  it('acknowledges "*" for task tokens on their own policies only, and the unrotated link secret', () => {
    const acks = collectAcknowledgements(app);
    // Stored as `Annotation::<id>`, the form cdk-nag strips before matching.
    const at = (id: string) => acks.filter((a) => a.id.replace(/^annotation::/i, '') === id).map((a) => a.path);
    expect(at('AwsSolutions-SMG4')).toEqual(['TestStack/LinkSecret/Secret']);
    expect(at('AwsSolutions-IAM5[Resource::*]')).toEqual(
      expect.arrayContaining(['TestStack/ApiFunction/TaskTokenPolicy', 'TestStack/WorkflowFunction/TaskTokenPolicy']),
    );
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
