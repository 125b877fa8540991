import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env['YRD_WEB_PORT'] ?? 41731);
/** Debian's Chromium where installed (CI); Playwright's own browser elsewhere. */
const systemChromium = '/usr/bin/chromium';

const browserUse = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1360, height: 860 },
  launchOptions: {
    executablePath: existsSync(systemChromium) ? systemChromium : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: Boolean(process.env['CI']),
  outputDir: process.env['YRD_E2E_RESULTS'] ?? 'test-results',
  reporter: [['list'], ['json', { outputFile: process.env['YRD_E2E_REPORT'] ?? 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Installs each demo station once and signs in once per role; specs reuse the states (tests/e2e/support/demo-state.ts).
    { name: 'setup', testMatch: /\.setup\.ts$/, use: browserUse },
    {
      name: 'chromium',
      testIgnore: /electron\.smoke\.spec\.ts|\.setup\.ts$/,
      dependencies: ['setup'],
      use: browserUse,
    },
    { name: 'electron', testMatch: /electron\.smoke\.spec\.ts/ },
  ],
  // The browser-host suites need the built web app served; the Electron smoke test alone (CI's Windows and Linux
  // jobs, `--project electron`) does not, and sets YRD_NO_WEB_SERVER=1.
  webServer: process.env['YRD_NO_WEB_SERVER']
    ? undefined
    : {
        command: 'npx vite preview --config vite.web.config.ts',
        url: `http://127.0.0.1:${port}/`,
        reuseExistingServer: !process.env['CI'],
        timeout: 60_000,
      },
});
