import { expect, type Page } from '@playwright/test';

/**
 * Picks `label` in the Element Plus select with `testid`, and clicks again until the select shows it: a click on an
 * option can be lost while the dropdown is still opening or the list re-renders (neighbours arriving, codes loading).
 */
export async function pickOption(page: Page, testid: string, label: string): Promise<void> {
  const select = page.getByTestId(testid);
  await expect(async () => {
    await select.click();
    await page.locator('.el-select-dropdown:visible').getByRole('option', { name: label, exact: true }).click({ timeout: 3_000 });
    await expect(select).toContainText(label, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}
