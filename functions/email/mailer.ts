/**
 * Sending mail. Composing a message (templates/) and sending it are separate steps, so a
 * retried send never re-decides anything. Two transports: Amazon SES (cloud, here) and SMTP
 * (smtp-mailer.ts: the local mail catcher or a company's server via SMTP_URL), kept apart so
 * the Lambda bundles do not carry an SMTP client.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Liveness for /api/health. */
  check(): Promise<void>;
}

export function sesMailer(from: string, region?: string): Mailer {
  const client = new SESv2Client(region ? { region } : {});
  return {
    async send(mail) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [mail.to] },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
            },
          },
        }),
      );
    },
    async check() {
      // SES has no cheap ping; sending works or fails per message and is retried by the outbox.
    },
  };
}
