import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, CfnElement, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge, getAttRef } from './nag.js';

export interface AppFunctionProps {
  /** Absolute path of the handler module; it must export `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize?: number;
  /** API functions stay under API Gateway's 30 s integration limit. */
  readonly timeout?: Duration;
  readonly environment?: Record<string, string>;
  readonly logRetention?: RetentionDays;
}

const BUNDLER = fileURLToPath(new URL('./lambda-bundle.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Every Lambda of the app, with the defaults decided once: Node.js 22 on ARM64, bundled by
 * lambda-bundle.ts (ESM, minified, source maps, the AWS SDK inside), JSON logs into a log
 * group this stack owns (with retention), X-Ray tracing, and a role holding only what each
 * `bind*`/`grant*` adds.
 */
export class AppFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An own role instead of the AWSLambdaBasicExecutionRole managed policy: logs may be
    // written to this function's log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (execution role)`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(29),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });

    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions; Lambda active tracing needs them on "*".',
    );
    acknowledge(
      this.fn,
      'AwsSolutions-L1',
      'Pinned to Node.js 22 on purpose: package.json engines, the local runtime and the tests all run Node 22; move all of them together.',
    );
  }
}

/**
 * The function's code: `entry` bundled by lambda-bundle.ts on this machine, in a child process
 * (CDK's local bundling hook is synchronous; esbuild plugins need its async API). The image is
 * never pulled: the local bundler either succeeds or stops the synth with esbuild's message.
 */
function bundledCode(entry: string): Code {
  return Code.fromAsset(dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('local-bundling-only'),
      local: {
        tryBundle(outputDir) {
          const run = spawnSync(process.execPath, ['--import', 'tsx', BUNDLER, entry, outputDir], { cwd: REPO, encoding: 'utf8' });
          if (run.status !== 0 || !existsSync(join(outputDir, 'index.mjs'))) {
            throw new Error(`bundling ${entry} failed:\n${run.stderr || run.stdout || run.error?.message || 'no index.mjs written'}`);
          }
          return true;
        },
      },
    },
  });
}

/**
 * Point a function at a table: the environment variable and the least-privilege grant in
 * one call (item read/write on the table and its indexes; no table management, no `*`).
 */
export function bindTable(target: AppFunction, table: ITableV2, envName: string): void {
  target.fn.addEnvironment(envName, table.tableName);
  table.grantReadWriteData(target.fn);
  const tableResource = table.node.defaultChild;
  if (CfnElement.isCfnElement(tableResource)) {
    acknowledge(
      target.role,
      `AwsSolutions-IAM5[Resource::${getAttRef(tableResource, 'Arn')}/index/*]`,
      "Queries on the table's own global secondary indexes (gsi1..gsi6, schema.ts); the wildcard cannot reach another table.",
    );
  }
}

/** The task-token calls of the Step Functions API. */
export type TaskTokenAction = 'states:SendTaskSuccess' | 'states:SendTaskFailure';

/**
 * Let a function answer waiting `.waitForTaskToken` steps. These actions take a task token,
 * not a resource: IAM has no resource type or condition key for them, so the statement is
 * on "*". It gets its own policy (not the role's default one), so that this acknowledgement
 * covers these actions only and the role's X-Ray acknowledgement cannot hide them.
 */
export function grantTaskTokenResults(
  target: AppFunction,
  actions: readonly TaskTokenAction[],
  why: string,
): void {
  const policy = new Policy(target, 'TaskTokenPolicy', {
    roles: [target.role],
    statements: [new PolicyStatement({ actions: [...actions], resources: ['*'] })],
  });
  target.fn.node.addDependency(policy);
  acknowledge(
    policy,
    'AwsSolutions-IAM5[Resource::*]',
    `${actions.join(' and ')} cannot be scoped to a resource (IAM defines no resource type or condition key for them; the task token is the capability). ${why}`,
  );
}
