import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { formatFigure, type BenchCase, type BenchFigure, type StationBenchCase, type StationBenchEnv } from './lib';

/**
 * `npm run bench [-- filter]`: Node cases (tests/bench/node) in this process, then browser cases
 * (tests/bench/browser/cases) built with Vite and run in headless Chromium, where Dexie meets real IndexedDB, then
 * station cases (tests/bench/stations): Node drives stations in Chromium pages (receiver.html) and in Node.
 * Prints one line per figure: `bench <name> <value> <unit>`.
 */
const here = import.meta.dirname;

/**
 * Node cases import renderer modules (sync, platform) whose index.ts also exports Vue components; Node cannot load
 * a .vue file, and no Node case renders one, so each loads as an empty component. Registered before the cases load.
 */
const vueStub = `export async function load(url, context, next) {
  return url.endsWith('.vue') ? { format: 'module', source: 'export default {};', shortCircuit: true } : next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(vueStub)}`);
const filter = process.argv[2] ?? '';
const print = (figures: BenchFigure[]) => figures.forEach((f) => console.log(formatFigure(f)));

async function runNodeCases(): Promise<void> {
  const dir = join(here, 'node');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { cases: BenchCase[] };
    for (const benchCase of module.cases) if (!filter || benchCase.name.includes(filter)) print(await benchCase.run());
  }
}

async function runStationCases(env: StationBenchEnv): Promise<void> {
  const dir = join(here, 'stations');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { cases: StationBenchCase[] };
    for (const benchCase of module.cases) if (!filter || benchCase.name.includes(filter)) print(await benchCase.run(env));
  }
}

async function runBrowserCases(): Promise<void> {
  const config = resolve(here, 'vite.bench.config.ts');
  // One output folder per filter, so benchmarks of different features can build side by side.
  const outDir = resolve(here, '../../out/bench', filter || 'all');
  // A profiled run keeps function names readable.
  await build({ configFile: config, logLevel: 'warn', build: { outDir, minify: !process.env['YRD_BENCH_PROFILE'] } });
  const server = await preview({ configFile: config, build: { outDir }, preview: { port: 0 } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('bench server has no URL');
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`[bench page] ${error.message}`));
    const done = new Promise<string | null>((resolveDone) => {
      void page.exposeFunction('__benchDone', (error: string | null) => resolveDone(error));
    });
    await page.exposeFunction('__benchReport', (figures: BenchFigure[]) => print(figures));
    // YRD_BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the browser cases, to open in Chromium's DevTools.
    const profileTo = process.env['YRD_BENCH_PROFILE'];
    const cdp = profileTo ? await page.context().newCDPSession(page) : null;
    if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 100 })).then(() => cdp.send('Profiler.start'));
    await page.goto(`${url}?filter=${encodeURIComponent(filter)}`);
    const error = await done;
    if (cdp && profileTo) writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    if (error) throw new Error(`browser benchmarks failed: ${error}`);
    await page.close();
    await runStationCases({ browser, url });
  } finally {
    await browser.close();
    await server.close();
  }
}

await runNodeCases();
await runBrowserCases();
