import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is a static bundle: served by the API server locally, by CloudFront in the cloud.
// Both put it at the site root and the API under /api on the same origin, so the session
// cookie is first-party and no CORS is involved.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
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
