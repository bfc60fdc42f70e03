import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The designer: built into designer/dist, which the server serves at `/`. In development
 * (`npx vite --config designer/vite.config.ts`) the API is proxied to a running platform.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000, sourcemap: false },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/v2': 'http://127.0.0.1:3000',
    },
  },
});
