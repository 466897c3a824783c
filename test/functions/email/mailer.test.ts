/**
 * The SES transport the Lambdas use: what reaches SES for one composed mail. SES has no local
 * emulator, so a stand-in HTTP endpoint records what the real SDK client sends; the client
 * is loaded on the first mail (mailer.ts), so the first mail must go out like any other.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sesMailer, type OutgoingMail } from '../../../functions/email/mailer.js';

interface Received {
  method: string;
  path: string;
  body: {
    FromEmailAddress: string;
    Destination: { ToAddresses: string[] };
    Content: { Simple: { Subject: { Data: string; Charset: string }; Body: { Html: { Data: string; Charset: string }; Text: { Data: string; Charset: string } } } };
  };
}

const received: Received[] = [];
let server: Server;
let endpoint: string;

const readBody = async (req: IncomingMessage): Promise<string> => {
  let text = '';
  for await (const chunk of req) text += (chunk as Buffer).toString('utf8');
  return text;
};

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((text) => {
      received.push({ method: req.method ?? '', path: req.url ?? '', body: JSON.parse(text) as Received['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MessageId: `m-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: 'zhang.san@example.com',
  subject: '待审批：李四的转正申请',
  html: '<p>请审批 / Please review</p>',
  text: '请审批 / Please review',
  ...over,
});

describe('the SES mailer', () => {
  it('sends the first mail and the next ones from the configured sender, subject and both bodies in UTF-8', async () => {
    const mailer = sesMailer('no-reply@cs.example', { region: 'us-east-1', endpoint });
    await mailer.send(mail());
    await mailer.send(mail({ to: 'li.si@example.com', subject: 'Reminder: a probation review waits for you' }));

    expect(received.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/email/outbound-emails', 'POST /v2/email/outbound-emails']);
    const [first, second] = received.map((r) => r.body);
    expect(first).toEqual({
      FromEmailAddress: 'no-reply@cs.example',
      Destination: { ToAddresses: ['zhang.san@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: '待审批：李四的转正申请', Charset: 'UTF-8' },
          Body: { Html: { Data: '<p>请审批 / Please review</p>', Charset: 'UTF-8' }, Text: { Data: '请审批 / Please review', Charset: 'UTF-8' } },
        },
      },
    });
    expect(second?.Destination.ToAddresses).toEqual(['li.si@example.com']);
    expect(second?.Content.Simple.Subject.Data).toBe('Reminder: a probation review waits for you');
  });
});
