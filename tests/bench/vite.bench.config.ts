import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: resolve(import.meta.dirname, 'browser'),
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(root, 'shared'), '@renderer': resolve(root, 'renderer') } },
  build: { outDir: resolve(root, 'out/bench'), emptyOutDir: true, chunkSizeWarningLimit: 8192 },
  preview: { host: '127.0.0.1', strictPort: false },
});
