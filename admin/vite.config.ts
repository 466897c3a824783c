import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const COMPRESSIBLE = /\.(js|css|svg|json)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside each script, style sheet, SVG and JSON file of the
 * build (1 KB and more), which the local runtime serves to browsers that accept them
 * (infra/local/console.ts): the first screen's JavaScript is ~1.4 MB as built, about a third
 * of that as gzip and less as brotli, which matters on a LAN or a slow link. Made once here
 * rather than at each request. Brotli at quality 6: within a few per cent of quality 11's size
 * at a fiftieth of its time, so a build on two cores stays quick. CloudFront compresses by
 * itself: the deploy leaves these files out (infra/constructs/console-site.ts).
 */
function precompress(): Plugin {
  return {
    name: 'cs-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(files.map(async (name) => {
        const data = await readFile(join(dir, name));
        if (data.length < 1024) return;
        const [br, gz] = await Promise.all([
          promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
          promisify(gzip)(data, { level: 9 }),
        ]);
        await Promise.all([writeFile(join(dir, `${name}.br`), br), writeFile(join(dir, `${name}.gz`), gz)]);
      }));
    },
  };
}

// The console is a static bundle: served by the API server locally, by CloudFront in the cloud.
// Both put it at the site root and the API under /api on the same origin, so the session
// cookie is first-party and no CORS is involved.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), precompress()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // react-admin + MUI are one ~1 MB block needed by the first screen (login); splitting them
    // further only adds requests. Resource pages are lazy chunks (see employees/index.ts).
    chunkSizeWarningLimit: 1500,
  },
});
