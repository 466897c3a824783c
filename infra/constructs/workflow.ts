import { CfnElement, Duration, RemovalPolicy } from 'aws-cdk-lib';
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
   */
  readonly tasks: Record<string, IFunction>;
  /** Whole-execution limit; approvals can legitimately wait for months. */
  readonly timeout?: Duration;
}

/**
 * One long-running process: a *Standard* state machine loaded from its ASL file, so the
 * definition validated in tests and run by the local endpoint is the one deployed.
 * Logs every event but without execution data: input and output should carry ids only, and
 * the logs must not become a second place personal data could leak to. X-Ray on.
 *
 * Not instantiated yet: the stack gets one `new Workflow(...)` per `*.asl.json` when the
 * first workflow lands.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(props.aslFile),
      definitionSubstitutions: Object.fromEntries(
        Object.entries(props.tasks).map(([name, fn]) => [name, fn.functionArn]),
      ),
      timeout: props.timeout ?? Duration.days(365),
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });

    const role = this.stateMachine.role;
    for (const fn of Object.values(props.tasks)) {
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
