import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { demoContext, expect, openSignedIn, test } from './support/demo-state';
import { putSettledCase } from './support/settled-case';

/**
 * Issue 16, "Everywhere" (points 16 and 17) on the screen: the English UI's menu shows its words whole and its
 * sentences carry no Chinese punctuation; 设置 states the real version and no placeholder; a toast leaves the case's
 * status badge readable.
 */

async function switchToEnglish(page: Page): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

/** Visible text on the page with Chinese punctuation in it (data here carries none: names, addresses, codes). */
function fullWidthPunctuation(page: Page, within: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const root = document.querySelector(selector);
    if (!root) return [`no ${selector}`];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!/[：，（）。；、]/.test(text)) continue;
      if (!node.parentElement?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      found.push(text.trim());
    }
    return found;
  }, within);
}

/** Whether two elements' boxes overlap on the screen. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error('an element has no box');
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

test('in English, every menu entry shows its whole label (none cut off)', async ({ browser }) => {
  const context = await demoContext(browser, 'zhendian', 'stationAdmin');
  const page = await context.newPage();
  await openSignedIn(page, '/#/records');
  await switchToEnglish(page);
  const items = page.getByTestId('main-nav').locator('[data-testid^="nav-"]');
  await expect(page.getByTestId('nav-migration')).toHaveText('Household migration');
  const cut = await items.evaluateAll((lis) =>
    lis.flatMap((li) => {
      const label = li.querySelector('span');
      if (!label) return [];
      // The item clips its text (nowrap, overflow hidden): wider content than box, or a label ending past the padding.
      const end = label.getBoundingClientRect().right;
      const inner = li.getBoundingClientRect().right - parseFloat(getComputedStyle(li).paddingRight);
      return li.scrollWidth > li.clientWidth || end > inner + 0.5 ? [`${label.textContent ?? ''}: ${li.scrollWidth} > ${li.clientWidth} or ${end} > ${inner}`] : [];
    }),
  );
  expect(cut).toEqual([]);
  await context.close();
});

test('设置 shows the version of package.json and no placeholder sentence', async ({ browser }) => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const context = await demoContext(browser, 'zhendian', 'stationAdmin');
  const page = await context.newPage();
  await openSignedIn(page, '/#/settings');
  await expect(page.getByTestId('app-version')).toHaveText(version);
  await expect(page.locator('.frame-main')).not.toContainText('这里将');
  await switchToEnglish(page);
  await expect(page.locator('.frame-main')).not.toContainText('will be set here');
  await context.close();
});

test('a toast leaves the case status badge and the header readable; the English case page has no Chinese punctuation', async ({ browser }) => {
  const context = await demoContext(browser, 'lvxiang', 'stationAdmin');
  const page = await context.newPage();
  await openSignedIn(page, '/#/migration');
  const caseId = await putSettledCase(page, 'submitted');
  await page.goto(`/#/migration/case/${caseId}`);
  await page.reload();
  await expect(page.getByTestId('case-status')).toHaveText('待审批', { timeout: 20_000 });
  // The station admin may not approve: trying says so in a toast. Three tries stack three toasts.
  for (let i = 0; i < 3; i += 1) await page.getByTestId('locked-action-approve').click();
  const toasts = page.locator('.el-message--error');
  await expect(toasts).toHaveCount(3);
  for (const toast of await toasts.all()) {
    await expect(toast).toBeVisible();
    expect(await overlap(toast, page.getByTestId('case-status')), 'toast over the status badge').toBe(false);
    expect(await overlap(toast, page.locator('.frame-header')), 'toast over the header').toBe(false);
  }

  await switchToEnglish(page);
  await expect(page.getByTestId('case-status')).toHaveText('Awaiting approval');
  await expect.poll(() => fullWidthPunctuation(page, '[data-testid="case-view"]')).toEqual([]);
  await context.close();
});
