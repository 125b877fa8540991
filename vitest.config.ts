import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { rendererDefine } from './vite.renderer';

export default defineConfig({
  plugins: [vue()],
  // The renderer's compile-time constants, as both builds define them (the app version).
  define: rendererDefine(),
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'shared'),
      '@renderer': resolve(import.meta.dirname, 'renderer'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/lint/**/*.test.ts'],
    // The station data key held, as after start-up: sealed tables (renderer/platform/db/sealing.ts) need it.
    setupFiles: ['tests/unit/setup/data-key.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
  },
});
