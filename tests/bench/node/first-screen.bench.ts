import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { build, preview } from 'vite';
import { percentile, type BenchCase } from '../lib';

const root = resolve(import.meta.dirname, '../../..');
const configFile = join(root, 'vite.web.config.ts');
const outDir = join(root, 'out/bench/first-screen');
const RUNS = 5;
type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/** The sign-in form's first field, once it is on screen and takes input: the first screen is usable. */
function signInReady(): number | false {
  const marked = document.querySelector('[data-testid="sign-in-police-number"]');
  const input = marked instanceof HTMLInputElement ? marked : marked?.querySelector('input');
  return input && !input.disabled && input.getClientRects().length > 0 ? performance.now() : false;
}

/** A station with officers (the demo station without residents), so a cold start shows the sign-in screen. */
async function stationWithOfficers(browser: Browser, url: string): Promise<StorageState> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('load-demo-station').waitFor({ timeout: 60_000 });
  const residents = page.getByTestId('demo-with-residents');
  if (await residents.isVisible()) await residents.click();
  await page.getByTestId('load-demo-station').click();
  await page.getByTestId('sign-in').waitFor({ timeout: 120_000 });
  const state = await context.storageState({ indexedDB: true });
  await context.close();
  return state;
}

/** One cold load in a fresh context (empty HTTP cache): ms from navigation start, and the JS bytes fetched by then. */
async function coldLoad(browser: Browser, url: string, storageState: StorageState): Promise<{ ms: number; jsBytes: number }> {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  let ready = false;
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (!ready && response.request().resourceType() === 'script') scripts.push(response.body().then((b) => b.length, () => 0));
  });
  await page.goto(url, { waitUntil: 'commit' });
  const ms = (await (await page.waitForFunction(signInReady, undefined, { polling: 'raf', timeout: 60_000 })).jsonValue()) as number;
  ready = true;
  const jsBytes = (await Promise.all(scripts)).reduce((sum, n) => sum + n, 0);
  await context.close();
  return { ms, jsBytes };
}

/** The machine's floor: a blank page from the same server, in a fresh context, until its one element exists. */
async function blankLoad(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}blank.html`, { waitUntil: 'commit' });
  const ms = (await (await page.waitForFunction(() => (document.getElementById('blank') ? performance.now() : false), undefined, { polling: 'raf' })).jsonValue()) as number;
  await context.close();
  return ms;
}

/**
 * A fast first screen (issue 19 §2): builds the renderer as `npm run build:web` does (into its own folder), serves
 * it, and loads it cold in headless Chromium until the sign-in screen takes input. Targets: initial JS ≤ 800 KiB,
 * first screen ≤ 1,000 ms. The blank-page floor is printed beside it: on a loaded machine both rise together.
 */
export const cases: BenchCase[] = [
  {
    name: 'app.first_screen',
    async run() {
      await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
      writeFileSync(join(outDir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><p id="blank">blank</p>\n');
      const server = await preview({ configFile, build: { outDir }, preview: { port: 0, strictPort: false } });
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('first-screen bench: the server has no URL');
      const browser = await chromium.launch({
        executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      try {
        const state = await stationWithOfficers(browser, url);
        const loads = [];
        const floors = [];
        for (let i = 0; i < RUNS; i += 1) {
          floors.push(await blankLoad(browser, url));
          loads.push(await coldLoad(browser, url, state));
        }
        return [
          { name: 'app.renderer_initial_js_kib', value: Math.max(...loads.map((l) => l.jsBytes)) / 1024, unit: 'KiB' },
          { name: 'app.first_screen_ms', value: percentile(loads.map((l) => l.ms), 50), unit: 'ms' },
          { name: 'app.first_screen_floor_ms', value: percentile(floors, 50), unit: 'ms' },
        ];
      } finally {
        await browser.close();
        await server.close();
      }
    },
  },
];
