import { expect, test as setup } from '@playwright/test';
import { DEMO_INSTALLS, saveDemoState, type DemoInstallName } from './support/demo-state';
import { signIn, switchOfficer } from './support/session';

/**
 * The `setup` project: each demo station the specs play is installed once from the first-run screen, and signed
 * into once per role; the specs start from these states (support/demo-state.ts). A failure here names the install.
 */
for (const install of Object.keys(DEMO_INSTALLS) as DemoInstallName[]) {
  const spec = DEMO_INSTALLS[install];
  setup(`demo station: ${install}`, async ({ page }) => {
    setup.slow(); // a first run with 300 households, then one PBKDF2 sign-in per role
    await page.goto('/');
    await expect(page.getByTestId('first-run')).toBeVisible({ timeout: 20_000 });
    if (spec.station) {
      // 蒸淀 shares the development station's code: picking it on a fresh install must still install the demo identity.
      await page.getByTestId('demo-station-select').click();
      await page.getByTestId(`demo-station-${spec.station}`).click();
      await expect(page.getByTestId('demo-current-station')).toContainText(spec.name);
    }
    for (const [index, role] of spec.roles.entries()) {
      if (index === 0) await signIn(page, role, { demoResidents: spec.residents });
      else await switchOfficer(page, role);
      await expect(page.getByTestId('station')).toContainText(spec.name);
      await saveDemoState(page, install, role);
    }
  });
}
