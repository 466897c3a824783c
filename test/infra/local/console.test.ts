import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { mountConsole } from '../../../infra/local/console.js';

/**
 * The local runtime's console files (infra/local/console.ts) over HTTP, from the real build
 * (admin/dist, brought up to date by the global setup): the first screen's script goes out
 * compressed to a browser that accepts it, and as built to one that does not.
 */
const dist = fileURLToPath(new URL('../../../admin/dist', import.meta.url));
const app = new Hono();
mountConsole(app, dist);

/** The entry script index.html loads: the console's main bundle. */
const mainScript = (): string => {
  const src = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1];
  if (!src) throw new Error('admin/dist/index.html loads no module script');
  return src;
};
const get = (path: string, acceptEncoding?: string) =>
  app.request(path, acceptEncoding ? { headers: { 'accept-encoding': acceptEncoding } } : {});

describe('the console bundle, compressed for the wire', () => {
  const built = () => readFileSync(join(dist, mainScript()));

  it('goes out gzip-compressed to a browser that accepts gzip: a smaller body that unzips to the bundle', async () => {
    const res = await get(mainScript(), 'gzip, deflate');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(built().length / 2);
    expect(gunzipSync(body).equals(built())).toBe(true);
  });

  it('goes out as brotli when the browser offers it (every current browser does), smaller still', async () => {
    const res = await get(mainScript(), 'gzip, deflate, br, zstd');
    expect(res.headers.get('content-encoding')).toBe('br');
    const body = Buffer.from(await res.arrayBuffer());
    expect(brotliDecompressSync(body).equals(built())).toBe(true);
    const gzipped = Buffer.from(await (await get(mainScript(), 'gzip')).arrayBuffer());
    expect(body.length).toBeLessThan(gzipped.length);
  });

  it('goes out as built, still saying it varies, to a client that asks for no encoding', async () => {
    const res = await get(mainScript());
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(Buffer.from(await res.arrayBuffer()).equals(built())).toBe(true);
  });

  it('answers a missing asset with 404, not with the console page', async () => {
    const res = await get('/assets/index-00000000.js', 'gzip');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBeNull();
  });
});
