import { expect, type Page } from '@playwright/test';
import type { Role } from '../../../shared/domain/officer';
import { DEMO_PASSWORD, demoOfficerFor } from '@renderer/app/demo/demo-officers';

export interface SignInOptions {
  /** Load the demo residents too when the first-run screen offers them (default true). */
  demoResidents?: boolean;
}

/**
 * Opens the app signed in as the demo officer with `role` (警号 000001…000005, password `DEMO_PASSWORD`).
 * On a fresh browser context the station has no accounts: the first-run screen loads the demo station first.
 * Every e2e spec starts here; the officers feature keeps it working as sign-in evolves.
 */
export async function signIn(page: Page, role: Role, options: SignInOptions = {}): Promise<void> {
  const officer = demoOfficerFor(role);
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
  await page.getByTestId('sign-in-police-number').fill(officer.policeNumber);
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  // PBKDF2 is slow on purpose; a busy CI machine makes it slower.
  await expect(page.getByTestId('session-officer')).toContainText(officer.policeNumber, { timeout: 20_000 });
}

/** Signs out through the header menu (confirming the question), back to the sign-in screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('session-officer').click();
  await page.getByTestId('sign-out').click();
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 10_000 });
}
