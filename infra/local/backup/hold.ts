/**
 * The backup's side of `POST /hold` (control.ts): the runtime stays still while the
 * connection stays open. `letGo` closes it; `intact` says whether the runtime held on until
 * then (it lets go by itself when it stops, or after its longest hold).
 */
import { request } from 'node:http';
import type { RuntimeInfo } from '../control.js';

export interface Hold {
  /** The runtime's clock when it was held. */
  now: string;
  appVersion: string;
  intact(): boolean;
  letGo(): void;
}

export function holdStill(info: RuntimeInfo): Promise<Hold> {
  return new Promise((resolve, reject) => {
    const req = request(`${info.control.url}/hold`, { method: 'POST', headers: { authorization: `Bearer ${info.control.key}` }, agent: false });
    let held: Hold | undefined;
    let lost: string | undefined;
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (held) return void (lost ??= error.message);
      reject(
        error.code === 'ECONNREFUSED'
          ? new Error(`no installation answers: DATA_DIR/runtime.json names process ${info.pid}, which seems to have stopped without removing it (a kill?); start it again with npm start`)
          : error,
      );
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('error', (error) => void (lost ??= error.message));
      res.on('data', (chunk: string) => {
        text += chunk;
        if (res.statusCode !== 200) return;
        const lines = text.split('\n');
        if (!held && lines.length > 1) {
          const first = JSON.parse(lines[0]!) as { held: boolean; now: string; appVersion: string };
          held = { now: first.now, appVersion: first.appVersion, intact: () => lost === undefined, letGo: () => req.destroy() };
          resolve(held);
        }
        // A second line: the runtime let go by itself.
        if (lines.length > 2) lost ??= (JSON.parse(lines[1]!) as { why?: string }).why ?? 'the runtime let go';
      });
      res.on('close', () => {
        if (res.statusCode !== 200) {
          let why = text;
          try {
            why = (JSON.parse(text) as { error: string }).error;
          } catch {
            // not JSON: the text as it is
          }
          return reject(new Error(`the installation could not be held still (${res.statusCode}): ${why}`));
        }
        if (!held) return reject(new Error('the installation closed the connection before it was held still'));
        lost ??= 'the installation stopped';
      });
    });
    req.end();
  });
}
