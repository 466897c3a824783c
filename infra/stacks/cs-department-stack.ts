import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CfnElement, CfnOutput, Duration, Stack, TimeZone, Token, type StackProps } from 'aws-cdk-lib';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { AppFunction, bindTable, grantTaskTokenResults } from '../constructs/app-function.js';
import { AttachmentsBucket } from '../constructs/attachments-bucket.js';
import { ConsoleSite, type CustomDomain } from '../constructs/console-site.js';
import { DataTable } from '../constructs/data-table.js';
import { AppHttpApi } from '../constructs/http-api.js';
import { LinkSecret } from '../constructs/link-secret.js';
import { MailIdentity } from '../constructs/mail-identity.js';
import { StorageMigrations } from '../constructs/storage-migrations.js';
import { MIGRATIONS } from '../../functions/storage/migrations/index.js';
import { acknowledge, getAttRef } from '../constructs/nag.js';
import { Workflow } from '../constructs/workflow.js';
import { TASKS } from '../../functions/workflow/handlers.js';
import { SCHEDULED_JOBS } from '../../functions/workflow/jobs.js';

const repoPath = (relative: string): string =>
  fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export interface CsDepartmentStackProps extends StackProps {
  /** Serve the console on an own domain (with TLSv1.2_2021) instead of *.cloudfront.net. */
  readonly customDomain?: CustomDomain;
  /** Defaults to `admin/dist`; a placeholder page is deployed when it holds no build. */
  readonly consoleDir?: string;
  /** Pin the functions to this version of the link secret (after putting a new value; docs/deploy.md). */
  readonly linkSecretVersionId?: string;
}

/**
 * Everything the department's system needs in one account and region:
 * DynamoDB table ← API Lambda (Hono) ← HTTP API ← CloudFront (also serving the console),
 * the approval state machine and its task Lambda, the approval-link secret, and the SES
 * identity mail is sent from. Parameters: `MailFrom`, `MailDomain`.
 */
export class CsDepartmentStack extends Stack {
  readonly api: AppFunction;
  readonly workflowTasks: AppFunction;
  readonly approvals: Workflow;
  readonly migrations: StorageMigrations;
  readonly attachments: AttachmentsBucket;

  constructor(scope: Construct, id: string, props: CsDepartmentStackProps = {}) {
    super(scope, id, props);

    const { table } = new DataTable(this, 'Data');
    const mail = new MailIdentity(this, 'Mail');
    const linkSecret = new LinkSecret(this, 'LinkSecret', {
      ...(props.linkSecretVersionId ? { versionId: props.linkSecretVersionId } : {}),
    });

    this.api = new AppFunction(this, 'ApiFunction', {
      entry: repoPath('functions/http/lambda.ts'),
      description: 'cs-department HTTP API (Hono)',
      environment: {
        NODE_ENV: 'production',
        MAIL_TRANSPORT: 'ses',
        MAIL_FROM: mail.mailFrom,
      },
    });
    bindTable(this.api, table, 'TABLE_NAME');
    mail.grantSend(this.api.fn);
    linkSecret.bind(this.api);

    // The approval workflow's Task states (plan, ask/remind/escalate, finish) all run one
    // handler that dispatches on `payload.task`.
    this.workflowTasks = new AppFunction(this, 'WorkflowFunction', {
      entry: repoPath('functions/workflow/lambda.ts'),
      description: 'cs-department approval workflow tasks',
      // Not behind API Gateway: a step may write several items and send a few mails.
      timeout: Duration.seconds(60),
      environment: { NODE_ENV: 'production', MAIL_FROM: mail.mailFrom },
    });
    bindTable(this.workflowTasks, table, 'TABLE_NAME');
    mail.grantSend(this.workflowTasks.fn);
    linkSecret.bind(this.workflowTasks);
    grantTaskTokenResults(
      this.workflowTasks,
      ['states:SendTaskSuccess'],
      'requestApproval resumes a step that was decided while its token was being replaced (functions/workflow/resume.ts), with the token it stored itself.',
    );

    const workflowFn = this.workflowTasks.fn;
    this.approvals = new Workflow(this, 'Approval', {
      aslFile: repoPath('functions/workflow/approval.asl.json'),
      // Named, so the task function can be given the ARN without a dependency cycle.
      stateMachineName: physicalName(this, 'Approval', 80),
      // Every task of the one task table runs the one workflow function.
      tasks: Object.fromEntries(Object.keys(TASKS).map((placeholder) => [placeholder, workflowFn])),
    });
    workflowFn.addEnvironment('APPROVAL_STATE_MACHINE_ARN', this.approvals.arn);
    // The startPending job starts an execution whose start a crash interrupted. By the
    // machine's name-built ARN: a reference to the machine would be a dependency cycle.
    workflowFn.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [this.approvals.arn] }));

    this.api.fn.addEnvironment('APPROVAL_STATE_MACHINE_ARN', this.approvals.stateMachine.stateMachineArn);
    this.approvals.stateMachine.grantStartExecution(this.api.fn);
    grantTaskTokenResults(
      this.api,
      ['states:SendTaskSuccess', 'states:SendTaskFailure'],
      'The decision endpoint (console, email link, API) records the decision with a conditional write, then resumes the waiting execution with the token stored on the step item; tokens never leave the server.',
    );

    // The scheduled jobs (functions/workflow/jobs.ts), each invoking the workflow function
    // with its name as `task`: the mail outbox, and the webhook deliveries (#13) beside it —
    // outbound HTTPS from the function, which needs no grant, and its 60 s timeout bounds a
    // delivery run (RUN_BUDGET_MS). WEBHOOK_ALLOW_PRIVATE_NETWORKS is never set here.
    for (const job of SCHEDULED_JOBS) {
      const { schedule } = job;
      new Schedule(this, `Job${job.name[0]!.toUpperCase()}${job.name.slice(1)}`, {
        description: `cs-department: ${job.description}`,
        schedule: 'dailyAt' in schedule
          ? ScheduleExpression.cron({ minute: String(schedule.dailyAt.minute), hour: String(schedule.dailyAt.hour), timeZone: TimeZone.ASIA_SHANGHAI })
          : ScheduleExpression.rate(Duration.minutes(schedule.everyMinutes)),
        target: new LambdaInvoke(workflowFn, { input: ScheduleTargetInput.fromObject({ task: job.name }), retryAttempts: job.retryAttempts }),
      });
    }
    const fnResource = workflowFn.node.defaultChild;
    const schedulerRole = this.node.tryFindChild(this.node.children.find((c) => c.node.id.startsWith('SchedulerRoleForTarget'))?.node.id ?? '');
    if (schedulerRole && CfnElement.isCfnElement(fnResource)) {
      acknowledge(
        schedulerRole,
        `AwsSolutions-IAM5[Resource::${getAttRef(fnResource, 'Arn')}:*]`,
        'The scheduler invokes the workflow function by any of its versions; the wildcard is limited to that one function.',
      );
    }

    // Stored items are migrated before the new API and workflow code is deployed (docs/deploy.md).
    this.migrations = new StorageMigrations(this, 'StorageMigrations', { table, entry: repoPath('functions/migrate/lambda.ts'), migrationIds: MIGRATIONS.map((m) => m.id) });
    for (const fn of [this.api.fn, workflowFn]) fn.node.addDependency(this.migrations.resource);

    const httpApi = new AppHttpApi(this, 'Http', { handler: this.api.fn });
    const site = new ConsoleSite(this, 'Console', {
      apiDomainName: httpApi.domainName,
      consoleDir: props.consoleDir ?? repoPath('admin/dist'),
      ...(props.customDomain ? { customDomain: props.customDomain } : {}),
    });
    // Links in mail and redirects are built from this, not from the Host header (which is
    // the execute-api host behind CloudFront).
    this.api.fn.addEnvironment('PUBLIC_URL', site.url);
    workflowFn.addEnvironment('PUBLIC_URL', site.url);

    // Attachments (#12): the console PUTs files straight to presigned URLs; the API alone signs them.
    this.attachments = new AttachmentsBucket(this, 'Attachments', { consoleOrigins: [site.url], logsBucket: site.logsBucket });
    this.attachments.bind(this.api, 'ATTACHMENTS_BUCKET');
    this.attachments.bindEraser(this.workflowTasks, 'ATTACHMENTS_BUCKET');

    new CfnOutput(this, 'ConsoleUrl', { value: site.url, description: 'Admin console' });
    new CfnOutput(this, 'ApiUrl', {
      value: `${site.url}/api/v1`,
      description: 'HTTP API through CloudFront (same origin as the console); use this one',
    });
    new CfnOutput(this, 'ApiGatewayUrl', {
      value: httpApi.url,
      description: 'HTTP API endpoint without CloudFront (diagnostics)',
    });
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'TABLE_NAME for scripts' });
    new CfnOutput(this, 'AttachmentsBucketName', { value: this.attachments.bucket.bucketName, description: 'ATTACHMENTS_BUCKET: files on requests, decisions and comments' });
    new CfnOutput(this, 'ApprovalStateMachineArn', {
      value: this.approvals.stateMachine.stateMachineArn,
      description: 'Approval workflow (Step Functions console: executions, history)',
    });
    new CfnOutput(this, 'LinkSecretArn', {
      value: linkSecret.secret.secretArn,
      description: 'LINK_SECRET, the approval-link signing key (rotation: docs/deploy.md)',
    });
  }
}

/**
 * `<stackName>-<suffix>`: unique per account and region as the stack name is, and readable
 * in the console. Shortened with a hash of the full name if it would exceed `maxLength`.
 */
function physicalName(stack: Stack, suffix: string, maxLength: number): string {
  if (Token.isUnresolved(stack.stackName)) throw new Error('physicalName needs a literal stack name');
  const name = `${stack.stackName}-${suffix}`;
  if (name.length <= maxLength) return name;
  const hash = createHash('sha256').update(stack.stackName).digest('hex').slice(0, 8);
  return `${stack.stackName.slice(0, maxLength - suffix.length - hash.length - 2)}-${hash}-${suffix}`;
}
