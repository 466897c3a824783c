import { Arn, CfnCondition, CfnOutput, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CfnEmailIdentity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

/**
 * The SES identity mail is sent from, chosen at deploy time:
 * - `MailFrom` (required): the sender address, e.g. `cs-noreply@example.com`.
 * - `MailDomain` (optional): when set, SES verifies the whole domain with Easy DKIM (publish
 *   the three CNAME records from the stack outputs); when empty, SES verifies just the
 *   `MailFrom` address (click the link SES mails to it). Domain identities are what
 *   production wants; a single address is the quickest way to try the stack.
 */
export class MailIdentity extends Construct {
  readonly mailFrom: string;
  readonly identityName: string;
  readonly identityArn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);

    const mailFrom = new CfnParameter(stack, 'MailFrom', {
      type: 'String',
      description: 'Sender address of notification and approval mail, e.g. cs-noreply@example.com',
      allowedPattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
      constraintDescription: 'must be an email address',
    });
    const mailDomain = new CfnParameter(stack, 'MailDomain', {
      type: 'String',
      default: '',
      description:
        'Optional: domain of MailFrom to verify with DKIM (recommended for production). Empty = verify the MailFrom address only.',
      allowedPattern: '^$|^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$',
      constraintDescription: 'must be empty or a domain name',
    });
    const useDomain = new CfnCondition(stack, 'UseMailDomain', {
      expression: Fn.conditionNot(Fn.conditionEquals(mailDomain.valueAsString, '')),
    });

    this.mailFrom = mailFrom.valueAsString;
    this.identityName = Fn.conditionIf(
      useDomain.logicalId,
      mailDomain.valueAsString,
      mailFrom.valueAsString,
    ).toString();

    const identity = new CfnEmailIdentity(this, 'Identity', { emailIdentity: this.identityName });
    this.identityArn = Arn.format(
      { service: 'ses', resource: 'identity', resourceName: identity.ref },
      stack,
    );

    const dkim = [1, 2, 3].map((n) => ({
      name: identity.getAtt(`DkimDNSTokenName${n}`).toString(),
      value: identity.getAtt(`DkimDNSTokenValue${n}`).toString(),
    }));
    dkim.forEach((record, i) => {
      new CfnOutput(stack, `MailDkimRecord${i + 1}`, {
        description: 'CNAME record to publish for SES Easy DKIM (only when MailDomain is set)',
        value: `${record.name} CNAME ${record.value}`,
        condition: useDomain,
      });
    });
  }

  /**
   * Allow sending as `MailFrom` through this identity only: the identity ARN is the only
   * resource, and the From address is pinned by condition.
   */
  grantSend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.identityArn],
        conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
      }),
    );
  }
}
