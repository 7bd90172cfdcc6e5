import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/admin/',
  plugins: [react(), tailwindcss()],
  // Bundle the typed client from source: the app then does not wait for the package's declaration build.
  resolve: { alias: { '@kapas/client': fileURLToPath(new URL('../../packages/client/src/index.ts', import.meta.url)) } },
  server: {
    port: 5174,
    strictPort: true,
    proxy: {
      '/trpc': { target: 'http://localhost:3000', ws: true },
      '/uploads': 'http://localhost:3000',
      '/files': 'http://localhost:3000',
    },
  },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
});
