/**
 * The SES half of `sesMailer` (mailer.ts), in its own module so the Lambda bundles load the
 * SES client only when a first mail is sent: most API cold starts send none (bundled as a
 * lazily loaded chunk, infra/constructs/lambda-bundle.ts).
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { OutgoingMail } from './mailer.js';

export interface SesOptions {
  region?: string | undefined;
  /** Set for a stand-in SES in tests; unset on AWS. */
  endpoint?: string | undefined;
}

export function sesSender(from: string, options: SesOptions): (mail: OutgoingMail) => Promise<void> {
  const client = new SESv2Client({
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } } : {}),
  });
  return async (mail) => {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
            ...(mail.attachments?.length ? {
              Attachments: mail.attachments.map((a) => ({ FileName: a.filename, ContentType: a.contentType, RawContent: Buffer.from(a.content, 'utf8'), ContentDisposition: 'ATTACHMENT' as const })),
            } : {}),
          },
        },
      }),
    );
  };
}
