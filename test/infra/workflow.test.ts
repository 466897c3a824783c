import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
// Named: its ARN is known without referencing the machine (for its own task functions).
const named = new Workflow(stack, 'Named', {
  aslFile,
  tasks: { RequestApprovalFn: task },
  stateMachineName: 'example-named',
});
const template = Template.fromStack(stack);
const taskId = stack.resolve(stack.getLogicalId(task.node.defaultChild as CfnElement)) as string;
const namedId = stack.resolve(stack.getLogicalId(named.stateMachine.node.defaultChild as CfnElement)) as string;

describe('Workflow (a state machine from an .asl.json file)', () => {
  it('is a Standard machine whose ${Placeholders} become the task function ARNs', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      DefinitionSubstitutions: { RequestApprovalFn: { 'Fn::GetAtt': [taskId, 'Arn'] } },
    });
  });

  it('inlines the file as the DefinitionString (no asset), placeholders left for CloudFormation', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      DefinitionString: readFileSync(aslFile, 'utf8'),
    });
    template.resourcePropertiesCountIs(
      'AWS::StepFunctions::StateMachine',
      { DefinitionS3Location: Match.anyValue() },
      0,
    );
  });

  it('refuses a ${Placeholder} without a task function, and a task function without a placeholder', () => {
    const other = new Stack(new App(), 'Other');
    const fn = new LambdaFunction(other, 'Fn', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => ({})'),
    });
    expect(() => new Workflow(other, 'Missing', { aslFile, tasks: {} })).toThrow(/no task function for \$\{RequestApprovalFn\}/);
    expect(() => new Workflow(other, 'Extra', { aslFile, tasks: { RequestApprovalFn: fn, OtherFn: fn } })).toThrow(/OtherFn not used/);
  });

  it('with a name: a predictable ARN and a log group under /aws/vendedlogs/states/', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineName: 'example-named' });
    expect(stack.resolve(named.arn)).toEqual({
      'Fn::Join': ['', [
        'arn:', { Ref: 'AWS::Partition' }, ':states:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
        ':stateMachine:example-named',
      ]],
    });
    expect(stack.resolve(workflow.arn)).toEqual(stack.resolve(workflow.stateMachine.stateMachineArn));
    expect(stack.resolve(named.arn)).not.toEqual({ Ref: namedId });
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/vendedlogs/states/example-named' });
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
    for (const scope of [workflow, named]) {
      const report = new AwsSolutionsChecks().validateScope(scope);
      expect(report.violations.map((v) => `${v.severity} ${v.ruleName}`)).toEqual([]);
    }
  });
});
