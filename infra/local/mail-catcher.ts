/**
 * The local mail catcher: maildev 3 run in-process. The app's SMTP transport sends to
 * `smtpPort`; people read the mail at `webUrl` (the inbox page is served only to requests
 * that accept text/html), and tests read it from maildev's JSON API:
 * - `GET {webUrl}/api/email`: every message, a bare array in arrival order, each
 *   `{ id, time, read, subject, from: [{address, name}], to, text, html, headers,
 *   attachments, envelope, calculatedBcc, source, size, sizeHuman }`; `time` is the
 *   message's Date header (whole seconds), `source` the .eml path;
 * - `GET /api/email/summary`: one page `{ items, total, unread, skip, limit }`, newest first;
 * - `GET /api/email/:id` (marks it read), `DELETE /api/email/all`.
 *
 * Mail is written as `<id>.eml` files in `mailDir` and reloaded on start, so the inbox
 * survives a restart; reloaded messages come back marked read (maildev keeps the flag only
 * in memory).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Logger, Orchestrator, getDefaultConfig } from 'maildev';
import { assertPortFree, httpUrl } from './ports.js';

export interface MailCatcher {
  webUrl: string;
  smtpPort: number;
  webPort: number;
  stop(): Promise<void>;
}

export interface StartMailCatcherOptions {
  mailDir: string;
  /** 0 picks a free port; the chosen one is in the result. */
  smtpPort: number;
  webPort: number;
  host: string;
}

/** maildev's own logger, silenced except for errors (its `silent` option drops those too). */
class ErrorsOnlyLogger extends Logger {
  constructor() {
    super({ silent: true });
  }
  override error(message: string, ...args: unknown[]): void {
    console.error(`maildev: ${message}`, ...args);
  }
}

export async function startMailCatcher(opts: StartMailCatcherOptions): Promise<MailCatcher> {
  const mailDir = resolve(opts.mailDir);
  await mkdir(mailDir, { recursive: true });
  // Checked up front because maildev starts SMTP before the web server and, if the
  // second bind fails, leaves the first one listening with no way to stop it.
  if (opts.smtpPort) await assertPortFree(opts.smtpPort, opts.host, 'mail catcher SMTP');
  if (opts.webPort) await assertPortFree(opts.webPort, opts.host, 'mail catcher web inbox');

  const orchestrator = new Orchestrator({
    config: {
      ...getDefaultConfig(),
      smtp: opts.smtpPort,
      ip: opts.host,
      web: opts.webPort,
      webIp: opts.host,
      mailDirectory: mailDir,
      maxEmails: 0,
      verbose: false,
      silent: true,
    },
    logger: new ErrorsOnlyLogger(),
  });
  let servers;
  try {
    servers = await withoutStartupBanner(() => orchestrator.start());
  } catch (error) {
    await stopPartialStart(orchestrator);
    throw new Error(`cannot start the mail catcher: ${(error as Error).message}`, { cause: error });
  }
  const smtpPort = servers.smtp.getAddress().port;
  const webPort = servers.api?.getAddress()?.port ?? opts.webPort;

  let stopping: Promise<void> | undefined;
  return {
    webUrl: httpUrl(opts.host, webPort),
    smtpPort,
    webPort,
    stop: () => (stopping ??= orchestrator.stop()),
  };
}

/**
 * maildev's API server prints "MailDev API running at ..." with console.info whatever the
 * log settings; drop just that line while it starts.
 */
async function withoutStartupBanner<T>(start: () => Promise<T>): Promise<T> {
  const info = console.info;
  console.info = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('MailDev API running at')) return;
    info.apply(console, args);
  };
  try {
    return await start();
  } finally {
    console.info = info;
  }
}

/** Orchestrator.stop() is a no-op unless start() finished, so close what did start. */
async function stopPartialStart(orchestrator: Orchestrator): Promise<void> {
  const started = orchestrator as unknown as { smtp?: { stop(): Promise<void> } | null };
  await started.smtp?.stop().catch(() => {});
}
