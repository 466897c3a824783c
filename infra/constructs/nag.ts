import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag v3 findings are acknowledged through CDK's own `Validations.of().acknowledge()`.
 * These helpers keep every acknowledgement resource-level and, for findings that name a
 * resource (`AwsSolutions-IAM5[Resource::<Table.Arn>/index/*]`), spell the finding exactly
 * as cdk-nag prints it, so an acknowledgement can never silence a finding it was not
 * written for.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim() === '') throw new Error(`acknowledgement of ${id} needs a reason`);
  Validations.of(scope).acknowledge({ id, reason });
}

/** `<LogicalId.Attr>`: how cdk-nag renders a `Fn::GetAtt` inside a finding id. */
export function getAttRef(element: CfnElement, attribute: string): string {
  const stack = Stack.of(element);
  const logicalId = stack.resolve(stack.getLogicalId(element)) as string;
  return `<${logicalId}.${attribute}>`;
}
