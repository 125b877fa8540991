import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import type { Role } from '../../../shared/domain/officer';
import { DEMO_STATIONS } from '../../../shared/demo/demo-network';

/**
 * Signed-in demo stations, made once per run by the `setup` project (demo-stations.setup.ts) and reused by every
 * test that only needs "a demo station, signed in as <role>": no first run, demo data load or PBKDF2 per test.
 *
 * A state is Playwright's storageState with IndexedDB (the station's database: officers, residents, audit trail,
 * keys) and localStorage, plus the session, which the app keeps in sessionStorage (platform/session/persistence.ts)
 * and storageState does not: it is saved beside the state and put back before the app's first script runs, as if
 * the window had been reloaded.
 */
export interface DemoInstall {
  /** The demo network's station picked on the first-run screen; null keeps the development station (蒸淀, unprovisioned). */
  station: string | null;
  name: string;
  residents: boolean;
  /** A state is saved for each, in this order. */
  roles: Role[];
}

export const DEMO_INSTALLS = {
  development: { station: null, name: '蒸淀派出所', residents: false, roles: ['window', 'auditor', 'patrolLead', 'stationAdmin'] },
  developmentResidents: { station: null, name: '蒸淀派出所', residents: true, roles: ['window'] },
  zhendian: { station: DEMO_STATIONS.zhendian, name: '蒸淀派出所', residents: false, roles: ['stationAdmin', 'patrolLead'] },
  yaozhuang: { station: DEMO_STATIONS.yaozhuang, name: '姚庄派出所', residents: false, roles: ['stationAdmin'] },
  // Migration needs residents at both ends; sync shares these (seeding residents queues no events to send).
  lvxiang: { station: DEMO_STATIONS.lvxiang, name: '吕巷派出所', residents: true, roles: ['stationAdmin'] },
  zhapu: { station: DEMO_STATIONS.zhapu, name: '乍浦镇派出所', residents: true, roles: ['stationAdmin'] },
} as const satisfies Record<string, DemoInstall>;

export type DemoInstallName = keyof typeof DEMO_INSTALLS;

/** Inside the results folder, which Playwright empties at the start of every run: no state outlives its build. */
const stateDir = join(process.env['YRD_E2E_RESULTS'] ?? 'test-results', '.demo-states');

/** The storageState file of `install` signed in as `role` (for `test.use({ storageState })` or `newContext`). */
export function demoState(install: DemoInstallName, role: Role): string {
  return join(stateDir, `${install}-${role}.json`);
}

const sessionFileOf = (statePath: string) => statePath.replace(/\.json$/, '.session.json');

/** Saves what `demoState(install, role)` names: the page's storage with IndexedDB, and its sessionStorage beside it. */
export async function saveDemoState(page: Page, install: DemoInstallName, role: Role): Promise<void> {
  const path = demoState(install, role);
  await page.context().storageState({ path, indexedDB: true });
  const session = await page.evaluate(() => ({ origin: location.origin, entries: { ...sessionStorage } }));
  writeFileSync(sessionFileOf(path), JSON.stringify(session));
}

/** Marks a tab whose session was put back, so a reload or a sign-out later in the test is not undone. */
const RESTORED = 'yrd.e2e.sessionRestored';

/** Puts the saved session of `statePath` (if it has one) into every new tab of `context`, once per tab. */
export async function restoreDemoSession(context: BrowserContext, statePath: string): Promise<void> {
  const file = sessionFileOf(statePath);
  if (!existsSync(file)) return;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { origin: string; entries: Record<string, string> };
  await context.addInitScript(
    ({ origin, entries, marker }) => {
      if (location.origin !== origin || sessionStorage.getItem(marker)) return;
      for (const [key, value] of Object.entries(entries)) sessionStorage.setItem(key, value);
      sessionStorage.setItem(marker, '1');
    },
    { ...saved, marker: RESTORED },
  );
}

/** A new browser context (another PC) playing `install`, signed in as `role`. */
export async function demoContext(browser: Browser, install: DemoInstallName, role: Role, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const storageState = demoState(install, role);
  const context = await browser.newContext({ ...options, storageState });
  await restoreDemoSession(context, storageState);
  return context;
}

/** Opens `path` in a tab of a demo state; resolves once the restored officer shows in the header. */
export async function openSignedIn(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('session-officer')).toBeVisible({ timeout: 20_000 });
}

/** Playwright's `test`, whose page also gets the session back when `test.use({ storageState: demoState(…) })`. */
export const test = base.extend({
  context: async ({ context, storageState }, use) => {
    if (typeof storageState === 'string') await restoreDemoSession(context, storageState);
    await use(context);
  },
});
export { expect } from '@playwright/test';
