/**
 * The local Step Functions endpoint: the AWS JSON 1.0 protocol that `@aws-sdk/client-sfn`
 * speaks (`POST /`, `X-Amz-Target: AWSStepFunctions.<Action>`, content type
 * `application/x-amz-json-1.0`), answered over plain node:http, so the app talks to it with
 * the unchanged SDK client.
 *
 * Each action is a function from the parsed body to the response body (see `Action`);
 * they are grouped by resource (state-machines.ts; executions and task tokens come next)
 * and merged in `actionsFor`. An action that is not implemented is an
 * UnknownOperationException naming what is supported — never a silent no-op.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpUrl } from '../ports.js';
import { SfnError } from './errors.js';
import type { JsonObject } from './input.js';
import { StateMachineStore, stateMachineActions } from './state-machines.js';
export type { Action, EndpointContext } from './context.js';
import type { Action, EndpointContext } from './context.js';

export interface StepFunctionsEndpoint {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface StartStepFunctionsOptions {
  /** 0 or undefined picks a free port. */
  port?: number;
  host: string;
  /** For ARNs; defaults match the local clients (us-east-1, 000000000000). */
  region?: string;
  accountId?: string;
  now?: () => Date;
}

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
/** A definition may be 1 MiB; leave room for the JSON around it. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function actionsFor(ctx: EndpointContext): Map<string, Action> {
  return new Map(Object.entries({ ...stateMachineActions(ctx) }));
}

export async function startStepFunctionsEndpoint(opts: StartStepFunctionsOptions): Promise<StepFunctionsEndpoint> {
  const ctx: EndpointContext = {
    region: opts.region ?? 'us-east-1',
    accountId: opts.accountId ?? '000000000000',
    now: opts.now ?? (() => new Date()),
    stateMachines: new StateMachineStore(),
  };
  const actions = actionsFor(ctx);
  const server = createServer((request, response) => {
    handle(actions, request)
      .then((body) => send(response, 200, body))
      .catch((error: unknown) => {
        if (error instanceof SfnError) return send(response, error.status, error.toJSON(), error.type);
        console.error('local Step Functions endpoint: internal error', error);
        const failure = new SfnError('InternalFailure', `internal error in the local Step Functions endpoint: ${(error as Error)?.message}`, 500);
        send(response, 500, failure.toJSON(), failure.type);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${opts.host}:${opts.port ?? 0}`;
      reject(new Error(error.code === 'EADDRINUSE' ? `port ${where} (Step Functions endpoint) is in use` : `cannot listen on ${where}: ${error.message}`));
    });
    server.listen({ port: opts.port ?? 0, host: opts.host }, resolve);
  });
  const port = (server.address() as AddressInfo).port;

  let stopping: Promise<void> | undefined;
  return {
    endpoint: httpUrl(opts.host, port),
    port,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

async function handle(actions: Map<string, Action>, request: IncomingMessage): Promise<unknown> {
  if (request.url !== '/' && !request.url?.startsWith('/?')) {
    throw new SfnError('UnknownOperationException', `no such path ${request.url}: the Step Functions API is POST /`, 404);
  }
  if (request.method !== 'POST') {
    throw new SfnError('UnknownOperationException', `${request.method} / is not an operation: the Step Functions API is POST /`, 405);
  }
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (contentType !== CONTENT_TYPE) {
    throw new SfnError('SerializationException', `expected Content-Type ${CONTENT_TYPE} (AWS JSON 1.0), got '${contentType}'`);
  }
  const target = String(request.headers['x-amz-target'] ?? '');
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const action = name === undefined ? undefined : actions.get(name);
  const body = await readBody(request);
  if (!action) {
    const supported = [...actions.keys()].sort().join(', ');
    const what = target ? `Operation ${target}` : 'A request without X-Amz-Target';
    throw new SfnError('UnknownOperationException', `${what} is not supported by the local Step Functions endpoint (supported: ${supported})`);
  }
  return action(parseBody(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new SfnError('ValidationException', `request body over ${MAX_BODY_BYTES} bytes`, 413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(body: string): JsonObject {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new SfnError('SerializationException', `request body is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SfnError('SerializationException', 'request body must be a JSON object');
  }
  return parsed as JsonObject;
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const json = JSON.stringify(body ?? {});
  response.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(json),
    'x-amzn-RequestId': randomUUID(),
    ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}),
  });
  response.end(json);
}
