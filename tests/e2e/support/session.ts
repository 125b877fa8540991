import { expect, type Page } from '@playwright/test';
import type { Role } from '../../../shared/domain/officer';
import { DEMO_PASSWORD, demoOfficerFor } from './demo-officers';

export interface SignInOptions {
  /** Load the demo residents too when the first-run screen offers them (default true). */
  demoResidents?: boolean;
}

/**
 * Opens the app signed in as the demo officer with `role` (警号 000001…000005, password `DEMO_PASSWORD`).
 * On a fresh browser context the station has no accounts: the first-run screen loads the demo station first.
 * The setup project starts here (demo-stations.setup.ts); specs start from its states (demo-state.ts) and come here
 * only to switch officers, or when first run is what they test.
 */
export async function signIn(page: Page, role: Role, options: SignInOptions = {}): Promise<void> {
  await page.goto('/');
  const firstRun = page.getByTestId('first-run');
  const signInForm = page.getByTestId('sign-in');
  const signedIn = page.getByTestId('session-officer');
  await expect(firstRun.or(signInForm).or(signedIn)).toBeVisible({ timeout: 20_000 });
  if (await signedIn.isVisible()) await signOut(page);
  if (await firstRun.isVisible()) {
    const residents = page.getByTestId('demo-with-residents');
    if (options.demoResidents === false && (await residents.isVisible())) await residents.click();
    await page.getByTestId('load-demo-station').click();
    await expect(signInForm).toBeVisible({ timeout: 30_000 });
  }
  await signInOnForm(page, role);
}

/** Signs in as the demo officer with `role` on the sign-in screen already showing (no reload, no first run). */
export async function signInOnForm(page: Page, role: Role): Promise<void> {
  const officer = demoOfficerFor(role);
  await page.getByTestId('sign-in-police-number').fill(officer.policeNumber);
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  // PBKDF2 is slow on purpose; a busy CI machine makes it slower.
  await expect(page.getByTestId('session-officer')).toContainText(officer.policeNumber, { timeout: 20_000 });
}

/** Hands the PC to the demo officer with `role`: signs out, then in, without reloading the window. */
export async function switchOfficer(page: Page, role: Role): Promise<void> {
  await signOut(page);
  await signInOnForm(page, role);
}

/** Signs out through the header menu (confirming the question), back to the sign-in screen. */
export async function signOut(page: Page): Promise<void> {
  // This question only: another one (e.g. 解锁账号) may still be fading out when sign-out starts.
  const question = page.locator('.el-message-box:visible', { hasText: /退出登录|Sign out/ });
  // A click on 退出登录 while the menu is still opening can be lost (the menu stays open, no question): try again.
  await expect(async () => {
    if (!(await question.isVisible())) {
      if (!(await page.getByTestId('sign-out').isVisible())) await page.getByTestId('session-officer').click({ timeout: 3_000 });
      await page.getByTestId('sign-out').click({ timeout: 3_000 });
    }
    await expect(question).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await question.getByRole('button', { name: /确定|OK/ }).click();
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 10_000 });
}
