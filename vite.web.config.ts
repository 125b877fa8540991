import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererBuild, rendererDefine, rendererPlugins } from './vite.renderer';

// The renderer alone, served to a plain browser through the browser host (npm run dev:web).
export default defineConfig({
  root: 'renderer',
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'shared'),
      '@renderer': resolve(import.meta.dirname, 'renderer'),
    },
  },
  plugins: rendererPlugins(),
  define: rendererDefine(),
  server: { host: '127.0.0.1', port: 5174, strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env['YRD_WEB_PORT'] ?? 41731), strictPort: true },
  // The same folder electron-vite writes the renderer to: e2e tests serve exactly what Electron loads.
  build: { outDir: resolve(import.meta.dirname, process.env['YRD_RENDERER_OUT'] ?? 'out/renderer'), emptyOutDir: true, ...rendererBuild },
});
