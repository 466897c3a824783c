import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ArnFormat, CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledge, getAttRef } from './nag.js';

export interface WorkflowProps {
  /** Absolute path of a `functions/workflow/<name>.asl.json` definition. */
  readonly aslFile: string;
  /**
   * `${Placeholder}` in the ASL → the function that implements that Task state. The same
   * names are what the local Step Functions endpoint resolves to in-process handlers.
   * Several placeholders may name the same function (one handler dispatching on `task`).
   */
  readonly tasks: Record<string, IFunction>;
  /** Whole-execution limit; approvals can legitimately wait for months. */
  readonly timeout?: Duration;
  /**
   * A fixed state machine name (unique per account and region). Set it when a task
   * function needs the machine's own ARN in its environment: `arn` is then known without
   * referencing the machine, which would otherwise be a dependency cycle
   * (machine → task function ARN, task function → machine ARN).
   */
  readonly stateMachineName?: string;
}

/**
 * One long-running process: a *Standard* state machine from its ASL file, inlined in the
 * template (DefinitionString) so the definition validated in tests and run by the local
 * endpoint is the one deployed, and readable in the template. Every `${Placeholder}` of the
 * file must have a task function and every task function a placeholder (checked at synth).
 * Logs every event but without execution data: input and output should carry ids only, and
 * the logs must not become a second place personal data could leak to. X-Ray on.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;
  /**
   * The state machine ARN: built from `stateMachineName` when one is given (no reference to
   * the machine, safe for its own task functions), else `stateMachine.stateMachineArn`.
   */
  readonly arn: string;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const stack = Stack.of(this);

    const definition = readFileSync(props.aslFile, 'utf8');
    checkPlaceholders(definition, props.tasks, basename(props.aslFile));

    const logGroup = new LogGroup(this, 'Logs', {
      // Under /aws/vendedlogs/ Step Functions does not grow the account-wide CloudWatch Logs
      // resource policy (5,120 characters, shared by all log deliveries) per log group.
      ...(props.stateMachineName
        ? { logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}` }
        : {}),
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      ...(props.stateMachineName ? { stateMachineName: props.stateMachineName } : {}),
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(definition),
      definitionSubstitutions: Object.fromEntries(
        Object.entries(props.tasks).map(([name, fn]) => [name, fn.functionArn]),
      ),
      timeout: props.timeout ?? Duration.days(365),
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    this.arn = props.stateMachineName
      ? stack.formatArn({
          service: 'states',
          resource: 'stateMachine',
          resourceName: props.stateMachineName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        })
      : this.stateMachine.stateMachineArn;

    const role = this.stateMachine.role;
    for (const fn of new Set(Object.values(props.tasks))) {
      fn.grantInvoke(role);
      const fnResource = fn.node.defaultChild;
      if (CfnElement.isCfnElement(fnResource)) {
        acknowledge(
          role,
          `AwsSolutions-IAM5[Resource::${getAttRef(fnResource, 'Arn')}:*]`,
          'Invoking a task function by any of its versions/aliases; the wildcard is limited to that one function.',
        );
      }
    }
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'CloudWatch Logs delivery (logs:CreateLogDelivery & co.) and X-Ray (xray:PutTraceSegments & co.) do not support resource-level permissions.',
    );
  }
}

/** Fail the synth on a `${Placeholder}` without a task function, or a task without a placeholder. */
function checkPlaceholders(definition: string, tasks: Record<string, IFunction>, file: string): void {
  const used = new Set([...definition.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]!));
  const given = new Set(Object.keys(tasks));
  const missing = [...used].filter((name) => !given.has(name));
  const unused = [...given].filter((name) => !used.has(name));
  if (missing.length > 0) throw new Error(`${file}: no task function for ${missing.map((n) => `\${${n}}`).join(', ')}`);
  if (unused.length > 0) throw new Error(`${file}: ${unused.join(', ')} not used by the definition`);
}
