/**
 * The no-AWS runtime: the same Hono app wired to local engines — DynamoDB Local, the local
 * Step Functions endpoint, a mail catcher (or a real SMTP server) — plus the built console.
 * `npm start` (main.ts) and the tests both start it through here.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { behindProxies } from '../../functions/http/client-address.js';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DynamoDBClient, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { serve, type ServerType } from '@hono/node-server';
import type { Mailer } from '../../functions/email/mailer.js';
import { smtpMailer } from '../../functions/email/smtp-mailer.js';
import { createApp } from '../../functions/http/app.js';
import { jsonLogger, type AppDeps } from '../../functions/http/deps.js';
import { createStore, type Store } from '../../functions/storage/client.js';
import { loadLinkSecret } from '../../functions/email/link-secret.js';
import { getMeta, putMeta } from '../../functions/storage/meta.js';
import { LOCAL_TABLE_NAME } from '../../functions/storage/schema.js';
import { ensureAdmin, seedPolicies, type AdminResult } from './bootstrap.js';
import { mountConsole } from './console.js';
import { seedDemo, type DemoLogin } from './demo.js';
import { ensureTable, localClientConfig, startDynamoLocal, type DynamoLocal } from './dynamodb.js';
import { checkJava } from './java.js';
import { startMailCatcher, type MailCatcher } from './mail-catcher.js';
import { ControllableClock, parseDuration, systemClock, type Clock } from './clock.js';
import { scheduleJobs } from './jobs.js';
import { migrateLocalTable } from './migrate.js';
import { assertPortFree, freePort, httpUrl } from './ports.js';
import { startWorkflows } from './workflows.js';
import { createObjectStore } from '../../functions/storage/objects.js';
import { ensureBucket, LOCAL_BUCKET, startObjectStorage } from './objects.js';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { Quiesce } from './quiesce.js';
import { startControl } from './control.js';

export interface LocalRuntimeOptions {
  dataDir: string;
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  publicUrl?: string | undefined;
  demo: boolean;
  adminEmail?: string | undefined;
  adminPassword?: string | undefined;
  smtpUrl?: string | undefined;
  /**
   * Where the mail catcher listens: loopback unless asked otherwise (MAIL_HOST). It shows every
   * approval link of every person, without a sign-in, so HOST=0.0.0.0 does not take it along.
   */
  mailHost?: string;
  /** Mail catcher web inbox / JSON API port (0 or unset = a free port; `npm start` passes MAIL_PORT). */
  mailPort?: number;
  /** Mail catcher SMTP port (0 or unset = a free port; `npm start` passes MAIL_SMTP_PORT). */
  mailSmtpPort?: number;
  sessionHours?: number;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); none by default. */
  trustedProxies?: readonly string[];
  /** Built console directory; default admin/dist. */
  consoleDir?: string;
  /** No request logs (tests). */
  quiet?: boolean;
  /** The runtime's one clock (default: the real time); see clock.ts. */
  clock?: Clock;
  /** Object storage (s3rver) port (0 or unset = a free port; `npm start` passes S3_PORT). */
  s3Port?: number;
  /** Where webhooks may go (WEBHOOK_ALLOW_PRIVATE_NETWORKS); default public addresses only, http allowed. */
  webhooks?: { allowPrivateNetworks: boolean; requireHttps: boolean };
}

export interface LocalRuntime {
  url: string;
  mailUrl: string | null;
  mailSmtpPort: number | null;
  dynamoEndpoint: string;
  stepFunctionsEndpoint: string;
  /** s3rver, the attachments' object storage (loopback only). */
  objectStorageEndpoint: string;
  tableName: string;
  admin: AdminResult | null;
  demoLogins: DemoLogin[];
  firstStart: boolean;
  /** The app's store (tools and benchmarks watch its calls). */
  store: Store;
  /** The runtime's time (a controllable clock may be ahead of the real one). */
  now(): Date;
  stop(): Promise<void>;
}

/** How far a controllable clock is ahead of the real time, in ms (kept with the data). */
const CLOCK_AHEAD_META = 'local-clock-ahead';

export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
}

export async function startLocalRuntime(opts: LocalRuntimeOptions): Promise<LocalRuntime> {
  const java = checkJava();
  if (!java.ok) throw new JavaMissingError(java.message);
  const dataDir = resolve(opts.dataDir);
  mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
  if (opts.port) await assertPortFree(opts.port, opts.host, 'API and console', 'PORT');
  const mailHost = opts.mailHost ?? '127.0.0.1';
  if (!opts.smtpUrl) {
    if (opts.mailPort) await assertPortFree(opts.mailPort, mailHost, 'mail catcher inbox', 'MAIL_PORT');
    if (opts.mailSmtpPort) await assertPortFree(opts.mailSmtpPort, mailHost, 'mail catcher SMTP', 'MAIL_SMTP_PORT');
  }

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };
  try {
    // s3rver (attachments) starts while the JVM does: it takes a moment, DynamoDB Local seconds.
    const [dynamoStart, s3Start] = await Promise.allSettled([
      startDynamoLocal({ dataDir: join(dataDir, 'dynamodb'), host: '127.0.0.1' }),
      startObjectStorage({ dataDir: join(dataDir, 's3'), ...(opts.s3Port ? { port: opts.s3Port } : {}) }),
    ]);
    if (s3Start.status === 'fulfilled') stops.push(() => s3Start.value.stop());
    if (dynamoStart.status === 'fulfilled') stops.push(() => dynamoStart.value.stop());
    if (dynamoStart.status === 'rejected') throw dynamoStart.reason;
    if (s3Start.status === 'rejected') throw s3Start.reason;
    const dynamo: DynamoLocal = dynamoStart.value;
    const s3 = s3Start.value;
    const tableName = LOCAL_TABLE_NAME;
    const rawClient = new DynamoDBClient(localClientConfig(dynamo.endpoint));
    const tableState = await ensureTable(rawClient, tableName);
    const store = createStore({ table: tableName, endpoint: dynamo.endpoint });
    const objects = createObjectStore({ bucket: LOCAL_BUCKET, endpoint: s3.endpoint });

    let mail: MailCatcher | null = null;
    let mailer: Mailer;
    if (opts.smtpUrl) {
      mailer = smtpMailer(opts.smtpUrl, 'CS Department <no-reply@localhost>');
    } else {
      mkdirSync(join(dataDir, 'mail'), { recursive: true });
      mail = await startMailCatcher({
        mailDir: join(dataDir, 'mail'),
        smtpPort: opts.mailSmtpPort || (await freePort(mailHost)),
        webPort: opts.mailPort || (await freePort(mailHost)),
        host: mailHost,
      });
      stops.push(() => mail!.stop());
      mailer = smtpMailer(`smtp://127.0.0.1:${mail.smtpPort}`, '客服部管理系统 <no-reply@cs.localhost>');
    }

    const clock = opts.clock ?? systemClock();
    const now = () => clock.now();
    const at = now().toISOString();
    const log = opts.quiet ? () => undefined : jsonLogger;
    // The API's address is needed before the workflows start (links in emails).
    const port = opts.port || (await freePort(opts.host));
    const url = httpUrl(opts.host, port);
    const publicUrl = (opts.publicUrl ?? url).replace(/\/$/, '');
    const linkSecret = await localLinkSecret(store);
    await ensureBucket(objects, [...new Set([publicUrl, url])]);
    // A controllable clock keeps what it was advanced by across restarts, as the data does.
    if (clock instanceof ControllableClock) {
      const ahead = await getMeta<number>(store, CLOCK_AHEAD_META);
      if (ahead) clock.resumeLead(ahead);
    }
    // Before the workflows replay their executions and the server listens (migrate.ts).
    await migrateLocalTable(store, tableState, now);
    // A backup holds requests, timers and jobs still while it copies the table (quiesce.ts).
    const quiesce = new Quiesce();
    const workflows = await startWorkflows({ store, objects, mailer, publicUrl, linkSecret, clock: quiesce.holdTimers(clock), log, webhooks: opts.webhooks ?? { allowPrivateNetworks: false, requireHttps: false } });
    quiesce.addIdleCheck(() => workflows.endpoint.isIdle());
    if (clock instanceof ControllableClock) clock.addIdleCheck(() => workflows.endpoint.isIdle());
    stops.push(() => workflows.stop());
    if (clock instanceof ControllableClock) stops.push(async () => clock.close());
    const sfn = workflows.endpoint;
    const sfnClient = workflows.deps.sfn;

    await seedPolicies(store, at);
    const admin = await ensureAdmin(store, { email: opts.adminEmail, password: opts.adminPassword, now: at });
    const firstStart = admin?.created === true;
    let demoLogins = (await getMeta<DemoLogin[]>(store, 'demo-logins')) ?? [];
    if (firstStart && opts.demo) {
      demoLogins = await seedDemo(store, now());
      await putMeta(store, 'demo-logins', demoLogins);
    }

    // After the seeding: the daily jobs also run once now, to catch up on days the machine was off.
    const jobs = scheduleJobs(quiesce.holdTimers(clock), workflows.deps, undefined, (run) => quiesce.background(run));
    stops.push(async () => jobs.stop());

    const deps: AppDeps = {
      store,
      objects,
      now,
      publicUrl,
      sessionHours: opts.sessionHours ?? 12,
      clientAddress: socketClientAddress(opts.trustedProxies ?? []),
      workflow: workflows.deps,
      log,
      health: {
        dynamodb: async () => {
          await rawClient.send(new DescribeTableCommand({ TableName: tableName }));
          return { state: 'up', detail: tableState === 'created' ? 'table created at this start' : 'table reused' };
        },
        stepFunctions: async () => {
          await sfnClient.send(new ListStateMachinesCommand({}));
          return { state: 'up', detail: sfn.endpoint };
        },
        objectStorage: async () => {
          await (await objects.s3()).send(new HeadBucketCommand({ Bucket: objects.bucket }));
          return { state: 'up', detail: s3.endpoint };
        },
        mail: async () => {
          await mailer.check();
          return { state: 'up', detail: mail ? `catcher ${mail.webUrl}` : 'SMTP_URL' };
        },
      },
    };
    if (clock instanceof ControllableClock) {
      deps.localClock = {
        now: () => clock.now(),
        advance: async (ms) => {
          const reached = await clock.advance(ms);
          await putMeta(store, CLOCK_AHEAD_META, clock.lead);
          await jobs.runRateJobs();
          return reached;
        },
        parseDuration,
      };
    }
    const app = createApp(deps);
    mountConsole(app, resolve(opts.consoleDir ?? 'admin/dist'), { connectSrc: [s3.endpoint] });

    const server: ServerType = await new Promise((ok, fail) => {
      const s = serve({ fetch: (request, env) => quiesce.request(() => app.fetch(request, env)), port, hostname: opts.host }, () => ok(s));
      s.once('error', fail);
    });
    stops.push(
      () =>
        new Promise<void>((ok) => {
          server.close(() => ok());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
    );

    // Last: a tool that finds DATA_DIR/runtime.json finds every part answering (control.ts).
    const control = await startControl({
      dataDir, quiesce, now,
      info: {
        url,
        dynamodb: { endpoint: dynamo.endpoint, tables: [tableName] },
        objectStorage: { endpoint: s3.endpoint, buckets: [LOCAL_BUCKET] },
        stepFunctions: { endpoint: sfn.endpoint },
        mailDir: mail ? 'mail' : null,
      },
    });
    stops.push(() => control.stop());

    return {
      url,
      mailUrl: mail?.webUrl ?? null,
      mailSmtpPort: mail?.smtpPort ?? null,
      dynamoEndpoint: dynamo.endpoint,
      stepFunctionsEndpoint: sfn.endpoint,
      objectStorageEndpoint: s3.endpoint,
      tableName,
      admin,
      demoLogins,
      firstStart,
      store,
      now,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/**
 * The HMAC key of emailed approval links: LINK_SECRET if set, else one generated at first start
 * and kept with the data, so links in mail already sent keep working after a restart. Loaded as
 * the Lambdas load theirs (email/link-secret.ts): only the source differs, not the checks.
 */
async function localLinkSecret(store: Store): Promise<Uint8Array> {
  if (process.env.LINK_SECRET) return loadLinkSecret({ value: process.env.LINK_SECRET });
  let secret = await getMeta<string>(store, 'link-secret');
  if (!secret) {
    secret = randomBytes(32).toString('base64');
    await putMeta(store, 'link-secret', secret);
  }
  return loadLinkSecret({ value: secret });
}

/** The caller's address on the local server: the socket's peer, or behind a named proxy what it forwarded. */
export function socketClientAddress(trustedProxies: readonly string[]): NonNullable<AppDeps['clientAddress']> {
  // A request handed to the app directly (app.request, in tests) has no socket: no address.
  return (c) => (c.env ? behindProxies(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trustedProxies) : undefined);
}
