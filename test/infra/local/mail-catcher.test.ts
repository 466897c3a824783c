import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../../infra/local/mail-catcher.js';
import { freePort } from '../../../infra/local/ports.js';
import { canConnect, lanAddress } from '../../support/net.js';

interface CaughtMail {
  id: string;
  subject: string;
  from: { address: string; name?: string }[];
  to: { address: string; name?: string }[];
  text?: string;
  html?: string;
}

describe('mail catcher', () => {
  const started: MailCatcher[] = [];
  const dirs: string[] = [];
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(started.map((catcher) => catcher.stop()));
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const start = async (opts: Parameters<typeof startMailCatcher>[0]) => {
    const catcher = await startMailCatcher(opts);
    started.push(catcher);
    return catcher;
  };
  const inbox = async (catcher: MailCatcher): Promise<CaughtMail[]> => {
    const response = await fetch(`${catcher.webUrl}/api/email`);
    expect(response.status).toBe(200);
    return (await response.json()) as CaughtMail[];
  };

  it('catches mail sent over SMTP, lists it as JSON, and still has it after a restart', async () => {
    const mailDir = await mkdtemp(join(tmpdir(), 'cs-mail-test-'));
    dirs.push(mailDir);
    const first = await start({ mailDir, smtpPort: await freePort(), webPort: await freePort(), host: '127.0.0.1' });

    // The same kind of transport the app's SMTP mailer builds from a URL.
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${first.smtpPort}`);
    await transport.sendMail({
      from: '客服部管理系统 <no-reply@cs.localhost>',
      to: 'li.si@example.com',
      subject: '试用期评估待审批 Probation review awaiting approval',
      text: 'Please review.',
      html: '<p>Please review.</p>',
    });
    transport.close();

    const page = await fetch(`${first.webUrl}/`, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');

    const [mail, ...rest] = await inbox(first);
    expect(rest).toEqual([]);
    expect(mail).toMatchObject({
      subject: '试用期评估待审批 Probation review awaiting approval',
      from: [{ address: 'no-reply@cs.localhost', name: '客服部管理系统' }],
      to: [{ address: 'li.si@example.com' }],
      html: '<p>Please review.</p>',
    });
    expect(mail?.text?.trim()).toBe('Please review.');

    await first.stop();
    const second = await start({ mailDir, smtpPort: 0, webPort: 0, host: '127.0.0.1' });
    expect(second.smtpPort).toBeGreaterThan(0);
    const again = await inbox(second);
    expect(again.map((m) => [m.id, m.subject])).toEqual([[mail!.id, mail!.subject]]);
  });

  it.skipIf(!lanAddress)('listens on the host it is given only', async () => {
    const mailDir = await mkdtemp(join(tmpdir(), 'cs-mail-test-'));
    dirs.push(mailDir);
    const catcher = await start({ mailDir, smtpPort: 0, webPort: 0, host: '127.0.0.1' });
    for (const port of [catcher.smtpPort, catcher.webPort]) {
      expect(await canConnect('127.0.0.1', port)).toBe(true);
      expect(await canConnect(lanAddress!, port)).toBe(false);
    }
  });

  it('names the port that is taken instead of half-starting', async () => {
    const mailDir = await mkdtemp(join(tmpdir(), 'cs-mail-test-'));
    dirs.push(mailDir);
    const taken = await freePort();
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(taken, '127.0.0.1', resolve));
    const smtpPort = await freePort();
    await expect(startMailCatcher({ mailDir, smtpPort, webPort: taken, host: '127.0.0.1' })).rejects.toThrow(
      `port ${taken} (mail catcher web inbox) on 127.0.0.1 is in use`,
    );
    // and the SMTP port was not left bound
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(smtpPort, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });
});
