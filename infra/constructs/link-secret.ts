import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.js';
import { acknowledge } from './nag.js';

export interface LinkSecretProps {
  /**
   * Pin the functions to a version of the secret (`VersionId` from `put-secret-value`). Without
   * it they read the current version at cold start. Changing it changes their environment, so
   * every container is replaced and reads the new key: no warm container signs with the old one.
   */
  readonly versionId?: string;
}

/**
 * `LINK_SECRET`, the HMAC key of the emailed approval links (functions/email/links.ts):
 * 64 random letters and digits, which the code reads as base64, i.e. 48 bytes (≥ 32 needed).
 *
 * The functions get the secret's ARN (`LINK_SECRET_ARN`), not its value, and read the value at
 * cold start (functions/email/link-secret.ts) with the one permission `bind` grants: the key
 * is in neither the template nor the functions' configuration, which anyone allowed
 * `lambda:GetFunctionConfiguration` can read.
 */
export class LinkSecret extends Construct {
  readonly secret: Secret;
  private readonly versionId: string | undefined;

  constructor(scope: Construct, id: string, props: LinkSecretProps = {}) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'cs-department LINK_SECRET: HMAC key of emailed approval links (64 letters/digits, read as base64)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      // Nothing outlives the stack that would need it: links signed with it die with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'An HMAC key for approval links, not a credential to another system: a new value invalidates every link already mailed, so it is replaced by hand, with a deploy that restarts the functions on it (docs/deploy.md), not on a schedule.',
    );
    this.versionId = props.versionId;
  }

  /**
   * `LINK_SECRET_ARN` (and the pinned `LINK_SECRET_VERSION_ID`) on the function, and leave to
   * read that one secret: `secretsmanager:GetSecretValue` only (not `grantRead`, which adds
   * DescribeSecret). The secret is encrypted with the AWS managed key, so no KMS grant is needed.
   */
  bind(target: Pick<AppFunction, 'fn'>): void {
    target.fn.addEnvironment('LINK_SECRET_ARN', this.secret.secretArn);
    if (this.versionId) target.fn.addEnvironment('LINK_SECRET_VERSION_ID', this.versionId);
    target.fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.secret.secretArn] }));
  }
}
