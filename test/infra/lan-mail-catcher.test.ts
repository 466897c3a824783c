import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLocalConfig } from '../../functions/config.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { canConnect, lanAddress } from '../support/net.js';

/**
 * #13 item 3: with HOST=0.0.0.0 (the LAN mode) the console and API listen on every interface,
 * but the mail catcher — every approval link in the house, no sign-in — stays on loopback
 * unless MAIL_HOST asks otherwise explicitly.
 */
let runtime: LocalRuntime | undefined;
let dataDir: string;
let noConsole: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cs-lan-'));
  noConsole = await mkdtemp(join(tmpdir(), 'cs-lan-no-console-'));
  const config = readLocalConfig({ HOST: '0.0.0.0' });
  runtime = await startLocalRuntime({ dataDir, port: 0, host: config.host, mailHost: config.mailHost, demo: false, quiet: true, consoleDir: noConsole });
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(noConsole, { recursive: true, force: true });
});

describe('LAN mode (HOST=0.0.0.0) and the mail catcher (#13 item 3)', () => {
  it('the configuration keeps the catcher on loopback unless MAIL_HOST is set', () => {
    expect(readLocalConfig({ HOST: '0.0.0.0' }).mailHost).toBe('127.0.0.1');
    expect(readLocalConfig({ HOST: '0.0.0.0', MAIL_HOST: '0.0.0.0' }).mailHost).toBe('0.0.0.0');
  });

  it('the API answers on the LAN address, the mail catcher’s inbox and SMTP only on loopback', async () => {
    const mailPort = Number(new URL(runtime!.mailUrl!).port);
    expect(new URL(runtime!.mailUrl!).hostname).toBe('127.0.0.1');
    expect(await canConnect('127.0.0.1', mailPort)).toBe(true);
    if (!lanAddress) {
      console.warn('SKIPPED the LAN half: this machine has no non-loopback IPv4 address');
      return;
    }
    const apiPort = Number(new URL(runtime!.url).port);
    expect(await canConnect(lanAddress, apiPort)).toBe(true);
    expect(await canConnect(lanAddress, mailPort)).toBe(false);
    expect(await canConnect(lanAddress, runtime!.mailSmtpPort!)).toBe(false);
  });
});
