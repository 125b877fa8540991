import type { Page } from '@playwright/test';
import type { Role } from '../../../shared/domain/officer';

/**
 * Opens the app signed in as an officer with `role`. The officers feature owns this: it must keep working for
 * every e2e spec as sign-in evolves.
 */
export async function signIn(page: Page, _role: Role): Promise<void> {
  await page.goto('/');
}
