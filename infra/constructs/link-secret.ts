import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.js';
import { acknowledge } from './nag.js';

export interface LinkSecretProps {
  /**
   * Pin a version of the secret (`VersionId` from `put-secret-value`). CloudFormation resolves
   * a secret reference only when the property holding it changes, so after a new value is
   * put, passing its version id is what makes a deploy hand it to the functions.
   */
  readonly versionId?: string;
}

/**
 * `LINK_SECRET`, the HMAC key of the emailed approval links (functions/email/links.ts):
 * 64 random letters and digits, which the code reads as base64, i.e. 48 bytes (≥ 32 needed).
 *
 * The functions read it from their environment (`readWorkflowConfig`), so the value is put
 * there as a CloudFormation dynamic reference (`{{resolve:secretsmanager:…}}`): it is never
 * in the template or the cloud assembly, but it is visible in the functions' configuration
 * to whoever may call `lambda:GetFunctionConfiguration`. Reading it from Secrets Manager at
 * cold start (a `LINK_SECRET_ARN`) would avoid that; it needs a code change.
 */
export class LinkSecret extends Construct {
  readonly secret: Secret;
  private readonly value: string;

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
      'An HMAC key for approval links, not a credential to another system: a new value invalidates every link already mailed, and the functions receive it at deploy time, so a rotation Lambda could not reach them. Rotated by hand when needed (docs/deploy.md).',
    );
    this.value = SecretValue.secretsManager(
      this.secret.secretArn,
      props.versionId ? { versionId: props.versionId } : {},
    ).unsafeUnwrap();
  }

  /** `LINK_SECRET` on the function, resolved by CloudFormation at deploy time. */
  bind(target: AppFunction, envName = 'LINK_SECRET'): void {
    target.fn.addEnvironment(envName, this.value);
  }
}
