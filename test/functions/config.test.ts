import { describe, expect, it } from 'vitest';
import { readLocalConfig, readWorkflowConfig } from '../../functions/config.js';

const CLOUD = { TABLE_NAME: 't', ATTACHMENTS_BUCKET: 'files', APPROVAL_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:1:stateMachine:x', MAIL_FROM: 'a@b.c', LINK_SECRET: 'x'.repeat(64) };

describe('WEBHOOK_ALLOW_PRIVATE_NETWORKS (#13)', () => {
  it('is off unless set: in the cloud receivers are https on public addresses; locally http is fine but private addresses are not', () => {
    expect(readWorkflowConfig(CLOUD).webhooks).toEqual({ allowPrivateNetworks: false, requireHttps: true });
    expect(readLocalConfig({}).webhooks).toEqual({ allowPrivateNetworks: false, requireHttps: false });
  });

  it('1 allows loopback and private receivers (a LAN installation, the tests); a value that is neither on nor off fails at start', () => {
    expect(readLocalConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: '1' }).webhooks.allowPrivateNetworks).toBe(true);
    expect(readWorkflowConfig({ ...CLOUD, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }).webhooks.allowPrivateNetworks).toBe(true);
    expect(readLocalConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: '0' }).webhooks.allowPrivateNetworks).toBe(false);
    expect(() => readLocalConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'lan' })).toThrow(/WEBHOOK_ALLOW_PRIVATE_NETWORKS/);
  });
});
