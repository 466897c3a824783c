/**
 * Lambdas as bundled for the stack (`bundleLambda`, the function AppFunction runs at synth),
 * each run in a fresh Node process as on Lambda:
 * - the API still speaks both of the department's languages: the bundle carries zod's zh-CN
 *   and en messages only, so a field error must come back in each of them (STYLE.md: zh-CN
 *   first, English for every error text);
 * - mail still goes out: the SES client sits in a chunk loaded on the first mail, which must
 *   be found beside the entry once deployed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLambda } from '../../../infra/constructs/lambda-bundle.js';

const API_ENTRY = new URL('../../../functions/http/lambda.ts', import.meta.url).pathname;
const SEND_MAIL_ENTRY = new URL('./fixtures/send-mail.ts', import.meta.url).pathname;
const run = promisify(execFile);

// Posts an invalid sign-in (no AWS call: validation answers first) once per language.
const INVOKE = `
const { handler } = await import(process.argv[2]);
const out = {};
for (const lang of ['zh-CN', 'en']) {
  const body = JSON.stringify({ email: 'not-an-email', password: '' });
  const res = await handler({
    version: '2.0', routeKey: '$default', rawPath: '/api/v1/auth/login', rawQueryString: '', isBase64Encoded: false, body,
    headers: { host: 'api.example.com', 'accept-language': lang, 'content-type': 'application/json', 'content-length': String(body.length) },
    requestContext: { requestId: 'test', routeKey: '$default', stage: '$default', timeEpoch: Date.now(),
      http: { method: 'POST', path: '/api/v1/auth/login', protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'test' } },
  }, { awsRequestId: 'test' });
  out[lang] = { status: res.statusCode, body: JSON.parse(res.body) };
}
process.stdout.write('RESULT ' + JSON.stringify(out) + '\\n');
`;

interface FieldError { path: string; message: string }
type Answers = Record<'zh-CN' | 'en', { status: number; body: { errors: FieldError[] } }>;

let dir: string;
let answers: Answers;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-lambda-bundle-'));
  const { file } = await bundleLambda(API_ENTRY, join(dir, 'api'));
  const invoke = join(dir, 'invoke.mjs');
  await writeFile(invoke, INVOKE);
  const { stdout } = await run(process.execPath, ['--enable-source-maps', invoke, file], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      AWS_REGION: 'us-east-1',
      TABLE_NAME: 'cs-test',
      ATTACHMENTS_BUCKET: 'cs-test-attachments',
      APPROVAL_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:cs-test',
      MAIL_FROM: 'no-reply@test.example',
      LINK_SECRET: Buffer.alloc(32, 7).toString('base64'),
      PUBLIC_URL: 'https://console.test.example',
    },
  });
  answers = JSON.parse(stdout.split('\n').find((l) => l.startsWith('RESULT '))!.slice(7)) as Answers;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the bundled API Lambda', () => {
  it('names each invalid field of a sign-in in Chinese by default (STYLE.md: zh-CN first)', () => {
    expect(answers['zh-CN'].status).toBe(400);
    const byField = Object.fromEntries(answers['zh-CN'].body.errors.map((e) => [e.path, e.message]));
    expect(Object.keys(byField).sort()).toEqual(['email', 'password']);
    // In words people use (#12 item 8), not the validator's.
    expect(byField['email']).toBe('邮箱格式不正确');
    expect(byField['password']).toBe('必填');
  });

  it('names the same fields in English when asked (Accept-Language: en)', () => {
    expect(answers.en.status).toBe(400);
    const byField = Object.fromEntries(answers.en.body.errors.map((e) => [e.path, e.message]));
    expect(byField['email']).toBe('Not an email address');
    expect(byField['password']).toBe('Required');
  });
});

describe('a bundled Lambda that sends mail', () => {
  it('loads the SES client on its first mail and sends it', async () => {
    const paths: string[] = [];
    const ses = createServer((req, res) => {
      paths.push(`${req.method} ${req.url}`);
      req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"MessageId":"m-1"}'));
    });
    await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', resolve));
    try {
      const { file, js } = await bundleLambda(SEND_MAIL_ENTRY, join(dir, 'mail'));
      expect(js.filter((f) => !f.atColdStart).length).toBeGreaterThan(0);
      const endpoint = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
      const script = `const { handler } = await import(process.argv[1]); console.log(JSON.stringify(await handler({ endpoint: process.argv[2] })));`;
      const { stdout } = await run(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script, file, endpoint], {
        env: { PATH: process.env.PATH ?? '' },
      });
      expect(JSON.parse(stdout)).toEqual({ sent: true });
      expect(paths).toEqual(['POST /v2/email/outbound-emails']);
    } finally {
      await new Promise((resolve) => ses.close(resolve));
    }
  }, 60_000);
});
