import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * Serves the built console at `/` from the same origin as the API (so the session cookie is
 * first-party). Hashed assets are cached for a year; index.html never, so a new build shows
 * at the next reload. Unknown non-API paths get index.html (client-side routes). Assets go out
 * brotli- or gzip-compressed to browsers that accept it, from the `.br`/`.gz` files the build
 * writes beside them (admin/vite.config.ts), with `Vary: Accept-Encoding` either way.
 */
const consoleCsp = (connectSrc: readonly string[]) => [
  "default-src 'self'",
  "script-src 'self'",
  // MUI (emotion) injects <style> tags at runtime.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // Attachments are PUT straight to object storage (presigned URLs, #12): its origin too.
  ["connect-src 'self'", ...connectSrc].join(' '),
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mountConsole(app: Hono<any>, distDir: string, opts: { connectSrc?: readonly string[] } = {}): void {
  const CONSOLE_CSP = consoleCsp(opts.connectSrc ?? []);
  const indexPath = join(distDir, 'index.html');
  const hasBuild = existsSync(indexPath);
  app.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/api/')) return;
    c.header('Content-Security-Policy', CONSOLE_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
  });
  if (!hasBuild) {
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.text('The console is not built: run `npm run build:admin`.', 503)));
    return;
  }
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.status >= 300) return;
      // Here, not in serveStatic's onFound: that runs after the response is made, too late for headers.
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      // On every answer, so no cache hands the uncompressed one to a browser that asked for
      // gzip (serveStatic says it only when it picks a compressed file).
      c.header('Vary', 'Accept-Encoding');
    },
    serveStatic({ root: distDir, precompressed: true }),
  );
  // A missing hashed file is a 404, not the console page (a script answered with HTML fails oddly).
  app.get('/assets/*', (c) => c.notFound());
  app.use('*', serveStatic({ root: distDir, index: '__none__' }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}
