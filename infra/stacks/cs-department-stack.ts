import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AppFunction, bindTable } from '../constructs/app-function.js';
import { ConsoleSite, type CustomDomain } from '../constructs/console-site.js';
import { DataTable } from '../constructs/data-table.js';
import { AppHttpApi } from '../constructs/http-api.js';
import { MailIdentity } from '../constructs/mail-identity.js';

const repoPath = (relative: string): string =>
  fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export interface CsDepartmentStackProps extends StackProps {
  /** Serve the console on an own domain (with TLSv1.2_2021) instead of *.cloudfront.net. */
  readonly customDomain?: CustomDomain;
  /** Defaults to `admin/dist`; a placeholder page is deployed when it holds no build. */
  readonly consoleDir?: string;
}

/**
 * Everything the department's system needs in one account and region:
 * DynamoDB table ← API Lambda (Hono) ← HTTP API ← CloudFront (also serving the console),
 * plus the SES identity mail is sent from. Parameters: `MailFrom`, `MailDomain`.
 */
export class CsDepartmentStack extends Stack {
  readonly api: AppFunction;

  constructor(scope: Construct, id: string, props: CsDepartmentStackProps = {}) {
    super(scope, id, props);

    const { table } = new DataTable(this, 'Data');
    const mail = new MailIdentity(this, 'Mail');

    this.api = new AppFunction(this, 'ApiFunction', {
      entry: repoPath('functions/http/lambda.ts'),
      description: 'cs-department HTTP API (Hono)',
      environment: {
        NODE_ENV: 'production',
        MAIL_TRANSPORT: 'ses',
        MAIL_FROM: mail.mailFrom,
      },
    });
    bindTable(this.api, table, 'TABLE_NAME');
    mail.grantSend(this.api.fn);

    const httpApi = new AppHttpApi(this, 'Http', { handler: this.api.fn });
    const site = new ConsoleSite(this, 'Console', {
      apiDomainName: httpApi.domainName,
      consoleDir: props.consoleDir ?? repoPath('admin/dist'),
      ...(props.customDomain ? { customDomain: props.customDomain } : {}),
    });
    // Links in mail and redirects are built from this, not from the Host header (which is
    // the execute-api host behind CloudFront).
    this.api.fn.addEnvironment('PUBLIC_URL', site.url);

    // Workflows: one `new Workflow(this, '<Name>', { aslFile, tasks })`
    // (infra/constructs/workflow.ts) per functions/workflow/*.asl.json, its task functions
    // built with AppFunction + bindTable, `stateMachine.grantStartExecution(this.api.fn)`,
    // and states:SendTaskSuccess/Failure granted to the one small function that sends
    // decisions (it cannot be scoped to a resource).

    new CfnOutput(this, 'ConsoleUrl', { value: site.url, description: 'Admin console' });
    new CfnOutput(this, 'ApiUrl', {
      value: `${site.url}/api/v1`,
      description: 'HTTP API through CloudFront (same origin as the console); use this one',
    });
    new CfnOutput(this, 'ApiGatewayUrl', {
      value: httpApi.url,
      description: 'HTTP API endpoint without CloudFront (diagnostics)',
    });
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'TABLE_NAME for scripts' });
  }
}
