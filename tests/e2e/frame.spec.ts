import { demoState, expect, openSignedIn, test } from './support/demo-state';

test.use({ storageState: demoState('development', 'window') });

test('the frame speaks Simplified Chinese first and switches to English and back', async ({ page }) => {
  await openSignedIn(page);
  await expect(page.getByText('长三角警务协同·站所端').first()).toBeVisible();
  await expect(page.getByTestId('station')).toContainText('蒸淀派出所');
  await expect(page.getByTestId('station')).toContainText('上海市');
  const nav = page.getByTestId('main-nav');
  for (const label of ['居民档案', '户口迁移', '联合巡逻', '同步', '设置']) await expect(nav).toContainText(label);
  await expect(page.getByTestId('sync-status')).toContainText('未配置交换节点');
  await expect(page.getByRole('heading', { name: '居民档案' })).toBeVisible();

  await page.getByTestId('language-switch').click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(nav).toContainText('Household migration');
  await expect(page.getByRole('heading', { name: 'Residents' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The choice survives a reload, as staff expect of a setting.
  await page.reload();
  await expect(page.getByTestId('main-nav')).toContainText('Joint patrols');

  await page.getByTestId('language-switch').click();
  await page.getByRole('option', { name: '简体中文' }).click();
  await expect(nav).toContainText('联合巡逻');
});

test('navigation reaches every section and each empty page says what will be there', async ({ page }) => {
  await openSignedIn(page);
  await page.getByTestId('nav-migration').click();
  await expect(page).toHaveURL(/#\/migration$/);
  await expect(page.getByText('准予迁入证明')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByText('浏览器', { exact: true })).toBeVisible();
});
