import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.js';

/** SMTP: the local mail catcher, or a company's own server (SMTP_URL). */
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
