/**
 * The API Lambda as bundled for the stack (`bundleLambda`, the function AppFunction runs at
 * synth) still speaks both of the department's languages: the bundle carries zod's zh-CN and
 * en messages only, so a field error must come back in each of them (STYLE.md: zh-CN first,
 * English for every error text). The bundle runs in a fresh Node process, as on Lambda.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLambda } from '../../../infra/constructs/lambda-bundle.js';

const API_ENTRY = new URL('../../../functions/http/lambda.ts', import.meta.url).pathname;

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
  const { stdout } = await promisify(execFile)(process.execPath, ['--enable-source-maps', invoke, file], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      AWS_REGION: 'us-east-1',
      TABLE_NAME: 'cs-test',
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
    expect(byField['email']).toMatch(/电子邮件/);
    expect(byField['password']).toMatch(/过小/);
  });

  it('names the same fields in English when asked (Accept-Language: en)', () => {
    expect(answers.en.status).toBe(400);
    const byField = Object.fromEntries(answers.en.body.errors.map((e) => [e.path, e.message]));
    expect(byField['email']).toMatch(/email/i);
    expect(byField['password']).toMatch(/too small/i);
  });
});
