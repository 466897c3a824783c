import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { Workflow } from '../../infra/constructs/workflow.js';

// A one-state ASL file with a `${Placeholder}`, the shape functions/workflow/*.asl.json use.
const aslFile = join(mkdtempSync(join(tmpdir(), 'asl-')), 'example.asl.json');
writeFileSync(
  aslFile,
  JSON.stringify({
    StartAt: 'RequestApproval',
    States: {
      RequestApproval: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: '${RequestApprovalFn}', 'Payload.$': '$' },
        End: true,
      },
    },
  }),
);

const app = new App();
const stack = new Stack(app, 'WorkflowTest');
const task = new LambdaFunction(stack, 'Task', {
  runtime: Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: Code.fromInline('exports.handler = async () => ({})'),
});
const workflow = new Workflow(stack, 'Example', { aslFile, tasks: { RequestApprovalFn: task } });
const template = Template.fromStack(stack);
const taskId = stack.resolve(stack.getLogicalId(task.node.defaultChild as CfnElement)) as string;

describe('Workflow (a state machine from an .asl.json file)', () => {
  it('is a Standard machine whose ${Placeholders} become the task function ARNs', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      DefinitionSubstitutions: { RequestApprovalFn: { 'Fn::GetAtt': [taskId, 'Arn'] } },
    });
  });

  it('logs every event without execution data, and traces', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
      TracingConfiguration: { Enabled: true },
    });
  });

  it('may invoke its task functions', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'lambda:InvokeFunction',
            Resource: Match.arrayWith([{ 'Fn::GetAtt': [taskId, 'Arn'] }]),
          }),
        ]),
      },
    });
  });

  it('passes cdk-nag AwsSolutions on its own resources', () => {
    const report = new AwsSolutionsChecks().validateScope(workflow);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}`)).toEqual([]);
  });
});
