import { expect, type Browser, type Page } from '@playwright/test';
import { demoContext, openSignedIn } from './demo-state';
import { signInOnForm, signOut } from './session';

/**
 * A PC playing one demo station installed by the setup project (demo-state.ts: no first run, no demo data load),
 * connected by its admin to the exchange at `wsUrl`, then handed to window staff. Printing is a no-op, and the
 * page's errors are logged with the station's name so a failure says which PC it came from.
 */
export async function connectedStation(browser: Browser, install: 'lvxiang' | 'zhapu', name: string, wsUrl: string): Promise<Page> {
  const context = await demoContext(browser, install, 'stationAdmin');
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  page.on('pageerror', (error) => console.log(`[${install} pageerror] ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('WebSocket')) console.log(`[${install} console] ${m.text()}`);
  });
  await openSignedIn(page, '/#/sync');
  await expect(page.getByTestId('sync-station')).toContainText(name, { timeout: 20_000 });
  await page.getByTestId('sync-exchange-address').fill(wsUrl);
  await page.getByTestId('sync-exchange-save').click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await signOut(page);
  await signInOnForm(page, 'window').catch(async () => {
    // Under load the password hash can outlast the helper's own wait; give it longer, then judge.
    await expect(page.getByTestId('session-officer')).toBeVisible({ timeout: 60_000 });
  });
  return page;
}
