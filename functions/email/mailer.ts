/**
 * Sending mail. Composing a message (templates/) and sending it are separate steps, so a
 * retried send never re-decides anything. Two transports: SMTP (the local mail catcher or a
 * company's server via SMTP_URL) and Amazon SES (cloud).
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';

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

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    async check() {
      await transport.verify();
    },
  };
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
