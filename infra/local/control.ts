/**
 * How tools on the same machine find and talk to a running local runtime (`npm run backup`, #13).
 *
 * At start the runtime writes `DATA_DIR/runtime.json` (mode 0600): where each engine listens,
 * and the address and key of a small control server on 127.0.0.1 — never on the LAN, whatever
 * HOST says. Whoever can read the file can read the database files beside it anyway, so the
 * key asks nothing more of a tool than what the data directory already does. The file is
 * removed at a clean stop; one left by a kill names a process that no longer answers.
 *
 * `POST /hold` holds the runtime still (quiesce.ts) for as long as the caller keeps the
 * connection open: the answer's first line, once nothing writes, is `{"held":true,"now":…}`
 * (`now` is the runtime's clock); closing the connection lets go. A tool that dies lets go by
 * dying. The runtime also lets go after `maxHoldMs`, ending the answer with a second line, so
 * a caller knows its copy was not taken still.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { httpUrl } from './ports.js';
import type { Quiesce } from './quiesce.js';
import { APP_VERSION } from './version.js';

export const RUNTIME_FILE = 'runtime.json';

/** What `DATA_DIR/runtime.json` says about the runtime using that directory. */
export interface RuntimeInfo {
  format: 1;
  pid: number;
  appVersion: string;
  /** The API and console. */
  url: string;
  control: { url: string; key: string };
  dynamodb: { endpoint: string; tables: string[] };
  objectStorage: { endpoint: string; buckets: string[] };
  stepFunctions: { endpoint: string };
  /** The mail catcher's files (relative to the data directory), or null when mail goes to SMTP_URL. */
  mailDir: string | null;
}

export interface ControlServer {
  url: string;
  stop(): Promise<void>;
}

export async function startControl(opts: {
  dataDir: string;
  quiesce: Quiesce;
  now: () => Date;
  info: Omit<RuntimeInfo, 'format' | 'pid' | 'appVersion' | 'control'>;
  maxHoldMs?: number;
}): Promise<ControlServer> {
  const key = randomBytes(32).toString('base64url');
  const maxHoldMs = opts.maxHoldMs ?? 15 * 60_000;
  const holding = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (!authorized(req.headers.authorization, key)) return answer(401, { error: `the key of ${RUNTIME_FILE} is needed` });
    if (req.method !== 'POST' || req.url !== '/hold') return answer(404, { error: 'the control server knows POST /hold only' });
    if (opts.quiesce.held) return answer(409, { error: 'the runtime is already held (another backup is running)' });
    opts.quiesce.hold().then(
      () => {
        const limit = setTimeout(() => {
          letGo();
          res.end(`${JSON.stringify({ held: false, why: `held for the longest allowed, ${maxHoldMs / 60_000} minutes` })}\n`);
        }, maxHoldMs);
        const letGo = () => {
          clearTimeout(limit);
          if (holding.delete(res)) opts.quiesce.resume();
        };
        holding.add(res);
        res.on('close', letGo);
        res.on('error', letGo);
        if (res.destroyed || req.socket.destroyed) return letGo();
        res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
        res.write(`${JSON.stringify({ held: true, now: opts.now().toISOString(), appVersion: APP_VERSION })}\n`);
      },
      (error: unknown) => answer(503, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, resolve);
  });
  const url = httpUrl('127.0.0.1', (server.address() as AddressInfo).port);

  const info: RuntimeInfo = { format: 1, pid: process.pid, appVersion: APP_VERSION, ...opts.info, control: { url, key } };
  const file = join(opts.dataDir, RUNTIME_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);

  return {
    url,
    stop: async () => {
      // Only our own file: a second runtime started on the same directory may have replaced it.
      if (readRuntimeInfo(opts.dataDir)?.control.key === key) await rm(file, { force: true });
      for (const res of [...holding]) res.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** What `DATA_DIR/runtime.json` says, or null when there is none (no runtime has started there, or it stopped cleanly). */
export function readRuntimeInfo(dataDir: string): RuntimeInfo | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, RUNTIME_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const info = JSON.parse(text) as RuntimeInfo;
  if (info.format !== 1) throw new Error(`${join(dataDir, RUNTIME_FILE)} has format ${String(info.format)}; this release reads format 1`);
  return info;
}

function authorized(header: string | undefined, key: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
