/**
 * The local Step Functions endpoint: the AWS JSON 1.0 protocol that `@aws-sdk/client-sfn`
 * speaks (`POST /`, `X-Amz-Target: AWSStepFunctions.<Action>`, content type
 * `application/x-amz-json-1.0`), answered over plain node:http, so the app talks to it with
 * the unchanged SDK client.
 *
 * Each action is a function from the parsed body to the response body (see `Action`);
 * they are grouped by resource (state-machines.ts, executions.ts, task-tokens.ts) and
 * merged in `actionsFor`. An action that is not implemented is an
 * UnknownOperationException naming what is supported — never a silent no-op.
 *
 * Executions run in-process on aws-local-stepfunctions (engine.ts, run.ts, tasks.ts), their
 * Task states calling `handlers` by Lambda function name. With `persistence` they are
 * recorded in DynamoDB (journal-dynamodb.ts) and replayed at start, so a workflow waiting
 * for a human survives a kill of the runtime.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pollingClock, type Clock } from '../clock.js';
import { httpUrl } from '../ports.js';
import { Engine } from './engine.js';
import { SfnError } from './errors.js';
import { executionActions } from './executions.js';
import type { JsonObject } from './input.js';
import { DynamoJournal, type Persistence } from './journal-dynamodb.js';
import { MemoryJournal } from './journal.js';
import type { TaskHandlers } from './run.js';
import { stateMachineActions } from './state-machines.js';
import { taskTokenActions } from './task-tokens.js';
export type { Action, EndpointContext } from './context.js';
export type { Persistence } from './journal-dynamodb.js';
export type { TaskHandlers } from './run.js';
import type { Action, EndpointContext } from './context.js';

export interface StepFunctionsEndpoint {
  endpoint: string;
  port: number;
  /** Executions replayed at start (with `persistence`). */
  replayed: string[];
  /**
   * Replays every execution recorded as running and not running here yet; resolves once
   * each has caught up (its pending tokens answer again). Done at start with
   * `persistence`; calling it again is harmless.
   */
  replayRunning(): Promise<string[]>;
  /** No call is being answered and every execution waits for a time or a decision (a controllable clock's idle check). */
  isIdle(): boolean;
  /**
   * Closes the endpoint. Running executions are dropped as by a kill — nothing is recorded
   * as ended — so with `persistence` the next start replays them.
   */
  stop(): Promise<void>;
}

export interface StartStepFunctionsOptions {
  /** 0 or undefined picks a free port. */
  port?: number;
  host: string;
  /** For ARNs; defaults match the local clients (us-east-1, 000000000000). */
  region?: string;
  accountId?: string;
  /** Reads the time and sets deadlines (waits, task time limits); default the real time, or `now`. */
  clock?: Clock;
  /** A clock that moves by itself, when `clock` is not given (e.g. a fixed date for a test). */
  now?: () => Date;
  /**
   * In-process task handlers by Lambda function NAME (the last segment of
   * `arn:aws:lambda:<region>:<account>:function:<name>`). A task whose function has no
   * handler fails its execution with States.Runtime.
   */
  handlers?: TaskHandlers;
  /** Record executions in this table (pk/sk strings, keys prefixed `SFN#`) and replay them at start. */
  persistence?: Persistence;
  /** Where loud failures go (unsupported resources, missing handlers, replay problems); default console.error. */
  onError?: (message: string, error?: unknown) => void;
  /**
   * The TimeoutSeconds the library runs each Task with (its own timer; see library.ts). Default
   * 2,000,000 s, under setTimeout's 24.8-day limit. Tests lower it to show that long waits
   * continue past it.
   */
  libraryTaskSeconds?: number;
}

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
/** A definition may be 1 MiB; leave room for the JSON around it. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const DEFAULT_LIBRARY_TASK_SECONDS = 2_000_000;

export function actionsFor(ctx: EndpointContext): Map<string, Action> {
  return new Map(Object.entries({ ...stateMachineActions(ctx), ...executionActions(ctx), ...taskTokenActions(ctx) }));
}

export async function startStepFunctionsEndpoint(opts: StartStepFunctionsOptions): Promise<StepFunctionsEndpoint> {
  const region = opts.region ?? 'us-east-1';
  const clock = opts.clock ?? pollingClock(opts.now);
  const now = () => clock.now();
  const journal = opts.persistence ? new DynamoJournal(opts.persistence) : new MemoryJournal();
  const onError = opts.onError ?? ((message: string, error?: unknown) => console.error(`local Step Functions endpoint: ${message}`, ...(error ? [error] : [])));
  const libraryTaskSeconds = opts.libraryTaskSeconds ?? DEFAULT_LIBRARY_TASK_SECONDS;
  if (!Number.isInteger(libraryTaskSeconds) || libraryTaskSeconds < 2 || libraryTaskSeconds * 1000 > 2_147_483_647) {
    throw new Error(`libraryTaskSeconds must be an integer from 2 to 2147483 (setTimeout's limit), not ${libraryTaskSeconds}`);
  }
  const engine = await Engine.create({ journal, handlers: opts.handlers ?? {}, clock, now, region, onError, libraryTaskSeconds });
  const ctx: EndpointContext = { region, accountId: opts.accountId ?? '000000000000', now, journal, engine };
  const actions = actionsFor(ctx);
  let inFlight = 0;
  const server = createServer((request, response) => {
    inFlight += 1;
    handle(actions, request)
      .finally(() => (inFlight -= 1))
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
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      engine.detachAll();
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  let replayed: string[] = [];
  try {
    if (opts.persistence) replayed = await engine.replayRunning();
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint: httpUrl(opts.host, port), port, replayed, replayRunning: () => engine.replayRunning(), isIdle: () => inFlight === 0 && engine.isIdle(), stop };
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
