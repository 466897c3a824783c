/**
 * Sending mail. Composing a message (templates/) and sending it are separate steps, so a
 * retried send never re-decides anything. Two transports: Amazon SES (cloud, here) and SMTP
 * (smtp-mailer.ts: the local mail catcher or a company's server via SMTP_URL), kept apart so
 * the Lambda bundles do not carry an SMTP client.
 */
import type { SesOptions } from './ses-sender.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Small text files sent with the mail (an interview's `.ics` calendar entry). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  /** e.g. `text/calendar; charset=utf-8; method=PUBLISH` */
  contentType: string;
  /** The file's text (UTF-8). */
  content: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Liveness for /api/health. */
  check(): Promise<void>;
}

/**
 * Mail through Amazon SES. The client is loaded and built on the first send, then reused for
 * the container's life — still built once, but an API cold start that sends no mail (most do
 * not) does not load the SES client at all (docs/benchmarks.md, figure 3). Nothing here can
 * fail at construction, so waiting costs no fail-fast: the configuration was parsed already.
 */
export function sesMailer(from: string, options: SesOptions = {}): Mailer {
  let sender: Promise<(mail: OutgoingMail) => Promise<void>> | undefined;
  return {
    async send(mail) {
      // A failed load is not kept: the next mail tries again (the outbox retries sends).
      sender ??= import('./ses-sender.js').then(
        (m) => m.sesSender(from, options),
        (err: unknown) => {
          sender = undefined;
          throw err;
        },
      );
      const send = await sender;
      await send(mail);
    },
    async check() {
      // SES has no cheap ping; sending works or fails per message and is retried by the outbox.
    },
  };
}
