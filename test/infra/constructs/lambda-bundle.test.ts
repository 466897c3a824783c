/**
 * Lambdas as bundled for the stack (`bundleLambda`, the function AppFunction runs at synth),
 * each run in a fresh Node process as on Lambda:
 * - the API still speaks both of the department's languages: the bundle carries zod's zh-CN
 *   and en messages only, so a field error must come back in each of them (STYLE.md: zh-CN
 *   first, English for every error text);
 * - mail still goes out: the SES client sits in a chunk loaded on the first mail, which must
 *   be found beside the entry once deployed;
 * - the approval-link key is read from Secrets Manager at cold start, by the ARN in the
 *   environment (a stand-in endpoint answers GetSecretValue), once per container.
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

const LINK_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:LinkSecret-AbCdEf';

let dir: string;
let answers: Answers;
/** What the bundled API asked Secrets Manager for: X-Amz-Target and body of each request. */
const secretRequests: { target: string; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-lambda-bundle-'));
  const secretsManager = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
      secretRequests.push({ target: String(req.headers['x-amz-target']), body: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
        .end(JSON.stringify({ ARN: LINK_SECRET_ARN, Name: 'LinkSecret', VersionId: 'v1', SecretString: Buffer.alloc(32, 7).toString('base64') }));
    });
  });
  await new Promise<void>((resolve) => secretsManager.listen(0, '127.0.0.1', resolve));
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
      LINK_SECRET_ARN,
      PUBLIC_URL: 'https://console.test.example',
      // As on Lambda: credentials in the environment; the endpoint is the stand-in's.
      AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret-key',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(secretsManager.address() as AddressInfo).port}`,
    },
  }).finally(() => new Promise((resolve) => secretsManager.close(resolve)));
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

describe('the bundled API Lambda and the link secret', () => {
  it('reads the key from Secrets Manager by the ARN in its environment, once, at cold start (#13 item 11)', () => {
    expect(secretRequests).toEqual([{ target: 'secretsmanager.GetSecretValue', body: { SecretId: LINK_SECRET_ARN } }]);
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
