import { describe, expect, it } from 'vitest';
import { readWorkflowConfig } from '../../../functions/config.js';
import { loadLinkSecret, type SecretReader } from '../../../functions/email/link-secret.js';

const KEY = Buffer.alloc(32, 7);
const ARN = 'arn:aws:secretsmanager:ap-east-1:000000000000:secret:LinkSecret-AbCdEf';

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  TABLE_NAME: 'cs-test', ATTACHMENTS_BUCKET: 'cs-files', APPROVAL_STATE_MACHINE_ARN: 'arn:aws:states:ap-east-1:000000000000:stateMachine:cs', MAIL_FROM: 'cs@test.example', ...extra,
});

/** A reader that records what it was asked for and answers `value`. */
function fakeSecretsManager(value: string | undefined): SecretReader & { asked: unknown[] } {
  const asked: unknown[] = [];
  return Object.assign(async (source: { arn: string; versionId?: string }, region?: string) => {
    asked.push({ ...source, region });
    return value;
  }, { asked });
}

describe('where the approval-link key comes from (#13 item 11)', () => {
  it('the deployed functions name the secret (LINK_SECRET_ARN), optionally pinned to a version, and never carry the value', () => {
    expect(readWorkflowConfig(env({ LINK_SECRET_ARN: ARN })).linkSecret).toEqual({ arn: ARN });
    expect(readWorkflowConfig(env({ LINK_SECRET_ARN: ARN, LINK_SECRET_VERSION_ID: 'v2' })).linkSecret).toEqual({ arn: ARN, versionId: 'v2' });
  });

  it('tests and a plain environment give the value itself (LINK_SECRET)', () => {
    expect(readWorkflowConfig(env({ LINK_SECRET: KEY.toString('base64') })).linkSecret).toEqual({ value: KEY.toString('base64') });
  });

  it('refuses both at once, and neither, at cold start', () => {
    expect(() => readWorkflowConfig(env({ LINK_SECRET: KEY.toString('base64'), LINK_SECRET_ARN: ARN }))).toThrow(/both set/);
    expect(() => readWorkflowConfig(env({}))).toThrow(/LINK_SECRET is not set \(nor LINK_SECRET_ARN/);
  });

  it('reads the named secret version from Secrets Manager once and checks it as it checks a value', async () => {
    const read = fakeSecretsManager(KEY.toString('base64'));
    const key = await loadLinkSecret({ arn: ARN, versionId: 'v2' }, { region: 'ap-east-1', read });
    expect(Buffer.from(key)).toEqual(KEY);
    expect(read.asked).toEqual([{ arn: ARN, versionId: 'v2', region: 'ap-east-1' }]);
    expect(Buffer.from(await loadLinkSecret({ value: KEY.toString('hex') }))).toEqual(KEY);
  });

  it('fails the cold start, naming the secret, when it holds no usable key', async () => {
    await expect(loadLinkSecret({ arn: ARN }, { read: fakeSecretsManager(undefined) })).rejects.toThrow(`the link secret (${ARN}) is not set`);
    await expect(loadLinkSecret({ arn: ARN }, { read: fakeSecretsManager(Buffer.alloc(16).toString('base64')) })).rejects.toThrow(/too short \(16 bytes/);
  });
});
