import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * Serves the built console at `/` from the same origin as the API (so the session cookie is
 * first-party). Hashed assets are cached for a year; index.html never, so a new build shows
 * at the next reload. Unknown non-API paths get index.html (client-side routes).
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
    serveStatic({
      root: distDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root: distDir, index: '__none__' }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}
