/**
 * Figure 5's baseline: a bare react-admin app with one list, built like the console
 * (admin/vite.config.ts: vite, the React plugin, production mode). The bench passes --outDir.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: { emptyOutDir: true, chunkSizeWarningLimit: 5000 },
});
