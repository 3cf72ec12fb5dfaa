import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { lessonsPlugin } from './server/lessons/vite-plugin.ts';
import { staticSitePlugin } from './server/lessons/static-site-plugin.ts';
import { ISOLATION_HEADERS } from './contracts/isolation.ts';

export default defineConfig({
  root: '.',
  plugins: [react(), lessonsPlugin(), staticSitePlugin()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  worker: { format: 'es' },
});
