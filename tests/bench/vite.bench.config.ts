import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: resolve(import.meta.dirname, 'browser'),
  logLevel: 'warn',
  // Units' index.ts files re-export their components, so a case that imports a module reaches .vue files.
  plugins: [vue()],
  resolve: { alias: { '@shared': resolve(root, 'shared'), '@renderer': resolve(root, 'renderer') } },
  build: {
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8192,
    // index.html runs the browser cases; receiver.html hosts a station that Node drives (tests/bench/stations).
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'browser/index.html'), receiver: resolve(import.meta.dirname, 'browser/receiver.html') } },
  },
  preview: { host: '127.0.0.1', strictPort: false },
});
