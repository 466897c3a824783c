import { CfnElement, CfnOutput, CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { AppFunction, bindTable } from './app-function.js';
import { acknowledge, getAttRef } from './nag.js';

export interface StorageMigrationsProps {
  readonly table: ITableV2;
  /** Absolute path of the migration Lambda's entry (functions/migrate/lambda.ts). */
  readonly entry: string;
  /** The registry's ids (functions/storage/migrations/index.ts), in order. */
  readonly migrationIds: readonly string[];
}

/**
 * The migration function's limit; the handler stops at a checkpoint before it
 * (functions/migrate). A minute under the provider framework's own 15 (a Lambda's maximum),
 * so the framework outlives a run that overran and still answers CloudFormation.
 */
const MIGRATION_TIMEOUT = Duration.minutes(14);
const FRAMEWORK_TIMEOUT = Duration.minutes(15);

/**
 * The storage migrations at deploy: a function that runs them (item access to the table
 * only) behind a custom resource whose `MigrationIds` are the registry's ids. CloudFormation
 * updates the resource — and so runs the function — on each deploy whose list of migrations
 * changed; functions that must see migrated data depend on `resource` (see the stack).
 * docs/deploy.md says what a deploy does with a migration longer than one Lambda run.
 */
export class StorageMigrations extends Construct {
  readonly fn: AppFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: StorageMigrationsProps) {
    super(scope, id);
    this.fn = new AppFunction(this, 'Function', {
      entry: props.entry,
      description: 'cs-department storage migrations (run at deploy)',
      timeout: MIGRATION_TIMEOUT,
      environment: { NODE_ENV: 'production' },
    });
    bindTable(this.fn, props.table, 'TABLE_NAME');

    // The CDK provider framework sends CloudFormation the answer, also when the function fails.
    // Its function gets an own role and log group (with retention), as AppFunction's do.
    const frameworkLogs = new LogGroup(this, 'ProviderLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    const frameworkRole = new Role(this, 'ProviderRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'cs-department storage migrations: CDK provider framework (execution role)',
    });
    frameworkLogs.grantWrite(frameworkRole);
    const provider = new Provider(this, 'Provider', { onEventHandler: this.fn.fn, logGroup: frameworkLogs, frameworkOnEventRole: frameworkRole });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::StorageMigrations',
      properties: { MigrationIds: [...props.migrationIds] },
      // How long CloudFormation waits for an answer: past the framework's limit, so only a
      // framework that died unheard fails the deploy this way.
      serviceTimeout: FRAMEWORK_TIMEOUT.plus(Duration.minutes(5)),
    });

    const output = new CfnOutput(this, 'FunctionName', {
      value: this.fn.fn.functionName,
      description: 'Storage migrations: invoke it to continue a migration longer than one deploy (docs/deploy.md)',
    });
    output.overrideLogicalId('MigrationFunctionName');

    const fnResource = this.fn.fn.node.defaultChild;
    if (CfnElement.isCfnElement(fnResource)) {
      acknowledge(
        frameworkRole,
        `AwsSolutions-IAM5[Resource::${getAttRef(fnResource, 'Arn')}:*]`,
        'The provider framework invokes the migration function by any of its versions; the wildcard is limited to that one function.',
      );
    }
  }
}
