import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CsDepartmentStack } from './stacks/cs-department-stack.js';

/**
 * The CDK app: one environment-agnostic stack (account and region come from the deploying
 * credentials), checked by cdk-nag's AwsSolutions pack on every synth.
 *
 * Context (`-c key=value` or cdk.json):
 *   stackName              CloudFormation stack name (default CsDepartment)
 *   consoleDomain          optional own host name for the console, e.g. cs.example.com
 *   consoleCertificateArn  its ACM certificate in us-east-1 (required with consoleDomain)
 *   linkSecretVersionId    pin the functions to this version of the link secret (after a rotation, docs/deploy.md)
 */
const app = new App();

const stackName = contextString('stackName') ?? 'CsDepartment';
const consoleDomain = contextString('consoleDomain');
const consoleCertificateArn = contextString('consoleCertificateArn');
const linkSecretVersionId = contextString('linkSecretVersionId');
if (Boolean(consoleDomain) !== Boolean(consoleCertificateArn)) {
  throw new Error('consoleDomain and consoleCertificateArn go together: set both or neither');
}

new CsDepartmentStack(app, 'CsDepartmentStack', {
  stackName,
  description: 'cs-department: customer-service department management (API, console, data, approvals, mail)',
  ...(consoleDomain && consoleCertificateArn
    ? { customDomain: { domainName: consoleDomain, certificateArn: consoleCertificateArn } }
    : {}),
  ...(linkSecretVersionId ? { linkSecretVersionId } : {}),
});
Tags.of(app).add('project', 'cs-department');

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

function contextString(key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
