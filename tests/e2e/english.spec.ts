import type { Page } from '@playwright/test';
import type { Role } from '../../shared/domain/officer';
import { provinces } from '../../shared/domain/province';
import { developmentStation } from '../../shared/domain/dev-station';
import { demoGroups, demoRosterStations } from '../../shared/demo/demo-network';
import { demoContext, expect, test, type DemoInstallName } from './support/demo-state';

/**
 * "The English UI shows no Chinese except data": switched to English with the frame's language switch, every main
 * page of a demo station shows no Chinese character and no Chinese punctuation, apart from data. Data is what a
 * person or a national code table wrote, not the UI: listed here, each with its reason.
 */
const DATA_WITHIN = [
  // Table cells: residents, stations, cases, patrol logs, audit entries, officers' names.
  '.el-table__body td',
  // The station's identity in the header: its name and its GB/T 2260 province and district names.
  '[data-testid="station"] .station-name',
  '[data-testid="station"] .station-place',
  // Station names as the sync screens show them (this station, the roster's stations and groups).
  '[data-testid="sync-station"]',
];
/** Elements whose own text (not their children's) is data. */
const DATA_OWN_TEXT = [
  // The signed-in officer's name and 警号 (the roles beside them are UI words).
  '[data-testid="session-officer"]',
];

/**
 * Data inside UI sentences ("This station: 蒸淀派出所 (310118520000)"): the names of the demo network's stations,
 * of their districts and groups, and of the provinces (GB/T 2260). Taken out of a text before it is checked.
 */
const DATA_VALUES = [
  ...[developmentStation, ...demoRosterStations].flatMap((s) => [s.name, s.districtName]),
  ...demoGroups.map((g) => g.name),
  ...provinces.map((p) => p.name),
].sort((a, b) => b.length - a.length);

const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Every visible text on the page with Chinese in it that is not data, with a hint of where it is. */
async function chineseOnPage(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ within, own, values, pattern }) => {
      const chinese = new RegExp(pattern);
      const withoutData = (text: string) => values.reduce((rest, value) => rest.split(value).join(''), text);
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const parent = node.parentElement;
        if (!parent || !chinese.test(withoutData(text))) continue;
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        if (within.some((selector) => parent.closest(selector)) || own.some((selector) => parent.matches(selector))) continue;
        const where = parent.closest('[data-testid]')?.getAttribute('data-testid') ?? parent.tagName.toLowerCase();
        found.push(`${where}: ${text.trim()}`);
      }
      return found;
    },
    { within: DATA_WITHIN, own: DATA_OWN_TEXT, values: DATA_VALUES, pattern: CHINESE.source },
  );
}

async function switchToEnglish(page: Page): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

/** Each main page in the menu, waited for until it has rendered (its nav entry active, no loading mask). */
async function visitEveryPage(page: Page, check: (key: string) => Promise<void>): Promise<string[]> {
  const keys = await page.getByTestId('main-nav').locator('[data-testid^="nav-"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')?.slice(4) ?? ''));
  for (const key of keys) {
    await page.getByTestId(`nav-${key}`).click();
    await expect(page).toHaveURL(new RegExp(`#/${key}`));
    await expect(page.getByTestId(`nav-${key}`)).toHaveClass(/is-active/);
    await expect(page.locator('.el-loading-mask:visible')).toHaveCount(0);
    await check(key);
  }
  return keys;
}

const stations: { install: DemoInstallName; role: Role; pages: string[] }[] = [
  // A provisioned demo station as its administrator: every page but the audit trail.
  { install: 'zhendian', role: 'stationAdmin', pages: ['records', 'migration', 'patrol', 'sync', 'officers', 'settings'] },
  // The auditor's menu adds the audit trail (with the entries of the demo station's first run).
  { install: 'development', role: 'auditor', pages: ['audit'] },
  // Residents in the list: their names and addresses are data, the list's own words English.
  { install: 'developmentResidents', role: 'window', pages: ['records'] },
];

for (const { install, role, pages } of stations) {
  test(`the English UI of ${install} (${role}) shows no Chinese except data`, async ({ browser }) => {
    const context = await demoContext(browser, install, role);
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('session-officer')).toBeVisible({ timeout: 20_000 });
    await switchToEnglish(page);
    const visited = await visitEveryPage(page, async (key) => {
      // Polled: a page's live queries may still be filling it in when it first renders.
      await expect.poll(() => chineseOnPage(page), { message: `Chinese on the ${key} page` }).toEqual([]);
    });
    expect(visited).toEqual(expect.arrayContaining(pages));
    await context.close();
  });
}

test('the check finds Chinese in the English UI when there is some (the switch back to Chinese)', async ({ browser }) => {
  const context = await demoContext(browser, 'development', 'window');
  const page = await context.newPage();
  await page.goto('/#/records');
  await expect(page.getByTestId('session-officer')).toBeVisible({ timeout: 20_000 });
  // Still in Chinese: the frame's own words are found, the station's name (data) is not.
  await expect.poll(() => chineseOnPage(page)).toEqual(expect.arrayContaining([expect.stringContaining('居民档案')]));
  expect((await chineseOnPage(page)).some((text) => text.includes('蒸淀派出所'))).toBe(false);
  await context.close();
});
