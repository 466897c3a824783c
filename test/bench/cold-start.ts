/**
 * Figure 3 — cold start. The API Lambda entry the stack deploys (functions/http/lambda.ts)
 * bundled by the same function `AppFunction` bundles it with (`bundleLambda`,
 * infra/constructs/lambda-bundle.ts: ESM, node22, minified, source maps without sources'
 * text, the `require` banner, nothing external, import() targets split into chunks, zod's
 * locales cut to zh-CN and en), and a hello-world Hono Lambda built the same way. Reported:
 * the size of all the JavaScript deployed (chunks a cold start does not load included), and
 * the time from spawning a fresh `node --enable-source-maps` (the stack's NODE_OPTIONS) to
 * the handler's answer to one API Gateway v2 event, interleaved, median of ~10 each.
 *
 * The request: `GET /api/v1/approvals` without credentials. It runs the whole middleware
 * chain and routing and answers 401 from the `requires` check, with no AWS call: a cold
 * start measured here must not include a network round trip to a service that is not
 * there. (`/api/health` would call DescribeTable.) The environment carries the variables
 * `readWorkflowConfig` demands, with placeholder values; the DynamoDB and Step Functions
 * clients are built at import but send nothing (the SES and S3 clients wait for a first mail
 * or attachment call, as they do on Lambda). The DynamoDB client is deliberately not deferred: nearly every real
 * request reads the table, so deferring it would only move its cost out of this window.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleLambda } from '../../infra/constructs/lambda-bundle.js';
import { atMost, median, ms, round, type Benchmark } from './result.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const API_ENTRY = join(repo, 'functions/http/lambda.ts');
const HELLO_ENTRY = join(repo, 'test/bench/hello-lambda.ts');
const SIZE_TARGET_MB = 1;
const TIME_TARGET = 2;

const CHILD = `
const t0 = performance.now();
const { handler } = await import(process.argv[2]);
const t1 = performance.now();
const now = Date.now();
const event = {
  version: '2.0', routeKey: '$default', rawPath: '/api/v1/approvals', rawQueryString: '', cookies: [],
  headers: { host: 'api.example.com', 'accept-language': 'zh-CN', 'user-agent': 'bench', 'x-forwarded-proto': 'https' },
  requestContext: {
    accountId: '000000000000', apiId: 'bench', domainName: 'api.example.com', domainPrefix: 'api', requestId: 'bench-' + now,
    routeKey: '$default', stage: '$default', time: new Date(now).toUTCString(), timeEpoch: now,
    http: { method: 'GET', path: '/api/v1/approvals', protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'bench' },
  },
  isBase64Encoded: false,
};
const context = { awsRequestId: 'bench', functionName: 'bench', functionVersion: '$LATEST', memoryLimitInMB: '512', getRemainingTimeInMillis: () => 29000 };
const res = await handler(event, context);
const t2 = performance.now();
process.stdout.write('BENCH ' + JSON.stringify({ status: res.statusCode, importMs: t1 - t0, handleMs: t2 - t1, sinceStart: t2 }) + '\\n');
`;

interface ColdRun {
  wallMs: number;
  importMs: number;
  handleMs: number;
  status: number;
}

const ENV = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  AWS_REGION: 'us-east-1',
  TABLE_NAME: 'cs-bench',
  ATTACHMENTS_BUCKET: 'cs-bench-attachments',
  APPROVAL_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:cs-bench',
  MAIL_FROM: 'no-reply@bench.example',
  LINK_SECRET: Buffer.alloc(32, 7).toString('base64'),
  PUBLIC_URL: 'https://console.bench.example',
};

function coldRun(child: string, bundlePath: string): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, ['--enable-source-maps', child, bundlePath], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let answered: ColdRun | undefined;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (line && !answered) {
        const r = JSON.parse(line.slice(6)) as { status: number; importMs: number; handleMs: number };
        answered = { wallMs: performance.now() - started, importMs: r.importMs, handleMs: r.handleMs, status: r.status };
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (answered) resolve(answered);
      else reject(new Error(`cold start of ${bundlePath} gave no answer (exit ${code}): ${err.slice(-500) || out.slice(-500)}`));
    });
  });
}

export const coldStart: Benchmark = {
  id: 3,
  title: 'Cold start of the API Lambda',
  uses: [],
  timeLimitMinutes: 10,
  async run({ quick, log }) {
    const dir = await mkdtemp(join(tmpdir(), 'cs-bench-cold-'));
    try {
      const apiBundle = await bundleLambda(API_ENTRY, join(dir, 'api'));
      const helloBundle = await bundleLambda(HELLO_ENTRY, join(dir, 'hello'));
      const [api, hello] = [apiBundle.file, helloBundle.file];
      const child = join(dir, 'invoke.mjs');
      await writeFile(child, CHILD);
      // The figure is all the JavaScript deployed, chunks loaded later included.
      const sum = (files: { bytes: number }[]) => files.reduce((total, f) => total + f.bytes, 0);
      const [apiBytes, helloBytes] = [sum(apiBundle.js), sum(helloBundle.js)];
      const coldBytes = sum(apiBundle.js.filter((f) => f.atColdStart));
      const coldFiles = apiBundle.js.filter((f) => f.atColdStart).length;
      const apiGzip = sum(await Promise.all(apiBundle.js.map(async (f) => ({ bytes: gzipSync(await readFile(f.path)).length }))));
      const mapBytes = apiBundle.mapBytes;

      const n = quick ? 3 : 10;
      await coldRun(child, api); // first reads of the files from disk: not a cold start Lambda would see
      await coldRun(child, hello);
      const runs = { api: [] as ColdRun[], hello: [] as ColdRun[] };
      for (let i = 0; i < n; i++) {
        const order = i % 2 === 0 ? (['api', 'hello'] as const) : (['hello', 'api'] as const);
        for (const which of order) runs[which].push(await coldRun(child, which === 'api' ? api : hello));
      }
      for (const r of [...runs.api, ...runs.hello]) if (r.status !== 401) throw new Error(`expected 401 from the cold request, got ${r.status}`);
      const med = (list: ColdRun[], key: keyof ColdRun) => median(list.map((r) => r[key]));
      const ratio = med(runs.api, 'wallMs') / med(runs.hello, 'wallMs');
      log(`  bundle ${(apiBytes / 1e6).toFixed(2)} MB, cold ${ms(med(runs.api, 'wallMs'))} vs ${ms(med(runs.hello, 'wallMs'))} ms`);
      const mb = apiBytes / 1e6;
      return [
        {
          name: '3a API Lambda bundle size',
          value: round(mb, 2),
          unit: 'MB',
          ...atMost(mb, SIZE_TARGET_MB, 'MB'),
          detail:
            `${apiBundle.js.length} .mjs files, ${apiBytes.toLocaleString('en')} B (gzip ${(apiGzip / 1e6).toFixed(2)} MB; source maps ${(mapBytes / 1e6).toFixed(1)} MB beside them), ` +
            `of which a cold start loads ${(coldBytes / 1e3).toFixed(0)} kB in ${coldFiles} files; hello-world Hono ${(helloBytes / 1e3).toFixed(0)} kB; ` +
            `bundled by AppFunction's bundleLambda: ESM, node22, minify, AWS SDK bundled, import() split into chunks, zod locales zh-CN + en`,
        },
        {
          name: '3b cold start API/hello',
          value: round(ratio),
          unit: '×',
          ...atMost(ratio, TIME_TARGET),
          detail:
            `spawn → 401 answer: ${ms(med(runs.api, 'wallMs'))} vs ${ms(med(runs.hello, 'wallMs'))} ms ` +
            `(import ${ms(med(runs.api, 'importMs'))} vs ${ms(med(runs.hello, 'importMs'))} ms, first request ${ms(med(runs.api, 'handleMs'))} vs ${ms(med(runs.hello, 'handleMs'))} ms); ` +
            `node --enable-source-maps, GET /api/v1/approvals unauthenticated (no AWS call); median of ${n} each, interleaved`,
        },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
