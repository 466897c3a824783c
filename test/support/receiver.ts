/**
 * A webhook receiver as an integration would run one: a real HTTP server on 127.0.0.1 that
 * keeps what it was sent. It can be taken down and brought back on the same port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: Record<string, string>;
  body: string;
  path: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The status it answers with (default 204). */
  answer: { status: number; body: string };
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const answer = { status: 204, body: '' };
  let server: Server | null = null;
  let port = 0;
  const listen = () => new Promise<void>((resolve, reject) => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
        res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
      });
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server!.address() as AddressInfo).port;
      resolve();
    });
  });
  const close = () => new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.closeAllConnections();
    server.close(() => resolve());
    server = null;
  });
  await listen();
  return { url: `http://127.0.0.1:${port}/hooks/cs`, received, answer, down: close, up: listen, stop: close };
}
