import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';

export interface AppHttpApiProps {
  /** The Hono app: every path and method goes to it (`$default` route). */
  readonly handler: IFunction;
  /** Steady-state requests per second for the whole stage. */
  readonly rateLimit?: number;
  readonly burstLimit?: number;
}

/**
 * API Gateway HTTP API in front of the Hono Lambda: one `$default` route and the
 * `$default` stage, so routing lives in the app (the same routes run locally) and not in
 * API Gateway. Access logs are JSON lines with ids only, no bodies or headers.
 */
export class AppHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: AppHttpApiProps) {
    super(scope, id);

    this.api = new HttpApi(this, 'Api', {
      description: 'cs-department HTTP API (Hono on Lambda)',
      defaultIntegration: new HttpLambdaIntegration('Hono', props.handler),
      // The stage is declared below so that it can carry access logging and throttling.
      createDefaultStage: false,
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 50, burstLimit: props.burstLimit ?? 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            httpMethod: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const route = this.api.node.tryFindChild('DefaultRoute');
    acknowledge(
      route ?? this.api,
      'AwsSolutions-APIG4',
      'Authorization is enforced inside the Hono app (session cookie, API key or signed approval link, per route) so that the same rules run locally and in the cloud; a gateway authorizer would split them.',
    );
  }

  /** The execute-api host name, e.g. for a CloudFront origin. */
  get domainName(): string {
    return `${this.api.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }

  get url(): string {
    return `https://${this.domainName}/`;
  }
}
