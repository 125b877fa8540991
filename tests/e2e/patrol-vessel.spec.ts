import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { DEMO_STATIONS } from '../../shared/demo/demo-network';
import { startNatsServer, type TestNatsServer } from '../support/nats-server';
import { demoContext, expect, openSignedIn, test, type DemoInstallName } from './support/demo-state';
import { switchOfficer } from './support/session';

/**
 * 一点四检 on the water (issue 20) through a real exchange: 青浦 蒸淀 and 嘉善 姚庄 co-author a 红旗塘 water
 * checkpoint log with 海事 (no app; 青浦 records its part on its behalf). Each station records its own part on the
 * same vessel by key; both see the whole inspection and its outcome; the patrol report shows it.
 */
const QINGPU = DEMO_STATIONS.zhendian; // 青浦 蒸淀派出所
const JIASHAN = DEMO_STATIONS.yaozhuang; // 嘉善 姚庄派出所
const MARITIME = 'agency-hai-shi'; // 海事, its id from its name
const SYNC = { timeout: 30_000 };

let server: TestNatsServer;

test.beforeAll(async () => {
  server = await startNatsServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

async function openStation(browser: Browser, install: DemoInstallName & ('zhendian' | 'yaozhuang'), name: string): Promise<Page> {
  const context = await demoContext(browser, install, 'stationAdmin', { acceptDownloads: true });
  const page = await context.newPage();
  await openSignedIn(page);
  await expect(page.getByTestId('station')).toContainText(name);
  await page.goto('/#/sync');
  await page.getByTestId('sync-exchange-address').fill(server.wsUrl);
  await page.getByTestId('sync-exchange-save').click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
  await switchOfficer(page, 'patrolLead');
  return page;
}

const vesselTab = (page: Page) => page.getByRole('tab', { name: /一点四检/ }).click();
const card = (page: Page, vessel: string) => page.getByTestId('vessel-card').and(page.locator(`[data-vessel="${vessel}"]`));
const partRow = (page: Page, vessel: string, unit: string) => card(page, vessel).locator(`[data-testid="vessel-part"][data-unit="${unit}"]`);

test('青浦 and 嘉善 each record their part of one vessel, 海事 recorded on its behalf; both see the outcome; the report shows it', async ({ browser }) => {
  test.setTimeout(180_000);
  const qp = await openStation(browser, 'zhendian', '蒸淀派出所');
  const js = await openStation(browser, 'yaozhuang', '姚庄派出所');

  // 青浦 opens the 红旗塘 water checkpoint log with 嘉善 and 海事.
  await qp.goto('/#/patrol');
  await qp.getByTestId('patrol-new-log').click();
  await qp.getByTestId('header-type').click();
  await qp.getByTestId('header-type-water').click();
  await qp.getByTestId('header-operation').fill('沪浙水上联勤');
  await qp.getByTestId('header-checkpoint-name').fill('红旗塘 水上卡口');
  await qp.getByTestId('add-agency').click();
  await qp.getByTestId('agency-name-0').fill('海事');
  await qp.getByTestId('header-stations').click();
  await qp.getByTestId(`station-option-${JIASHAN}`).click();
  await qp.getByTestId('header-operation').press('Enter');
  await expect(qp.getByTestId('log-units')).toContainText('海事');
  const number = (await qp.getByTestId('log-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^XL-/);

  await js.goto('/#/patrol');
  await expect(js.getByTestId(`open-log-${number}`)).toBeVisible(SYNC);
  await js.getByTestId(`open-log-${number}`).click();
  await vesselTab(js);

  // 青浦: a mistyped IMO number is refused beside the field; the CN number + Enter stops the vessel.
  await vesselTab(qp);
  const entry = qp.getByTestId('vessel-entry');
  await entry.fill('IMO9074728');
  await entry.press('Enter');
  await expect(qp.getByTestId('vessel-panel')).toContainText('IMO 编号校验位不正确');
  await entry.fill('CN20181234567');
  await entry.press('Enter');
  const own = partRow(qp, 'CN20181234567', QINGPU);
  await expect(own).toBeFocused();
  // 1 = 合格 for 青浦's own part; focus moves on to the 海事 part, which 青浦 records on its behalf.
  await qp.keyboard.press('1');
  const maritime = partRow(qp, 'CN20181234567', MARITIME);
  await expect(maritime).toBeFocused();
  await maritime.getByTestId(`vessel-officer-${MARITIME}`).fill('赵海事');
  await maritime.getByTestId(`vessel-findings-${MARITIME}`).fill('船员适任证书齐全');
  await maritime.focus();
  await qp.keyboard.press('1');
  await expect(entry).toBeFocused();
  await expect(maritime).toContainText('由蒸淀派出所代录');
  await expect(card(qp, 'CN20181234567').getByTestId('vessel-outcome')).toContainText('尚缺 1 个单位');

  // 嘉善 sees the vessel and 青浦's parts, cannot record 青浦's part, and records its own.
  const theirs = partRow(js, 'CN20181234567', JIASHAN);
  await expect(theirs).toBeVisible(SYNC);
  await expect(partRow(js, 'CN20181234567', MARITIME)).toContainText('赵海事', SYNC);
  await expect(partRow(js, 'CN20181234567', QINGPU).getByTestId('vessel-result-pass')).toHaveCount(0);
  await expect(partRow(js, 'CN20181234567', MARITIME).getByTestId('vessel-result-pass')).toHaveCount(0);
  await theirs.focus();
  await js.keyboard.press('1');

  // Both see the whole inspection and its outcome: 放行.
  for (const page of [qp, js]) {
    const table = page.getByTestId('vessel-table');
    await expect(table.getByTestId('vessel-row-outcome').first()).toHaveText('放行', SYNC);
    await expect(table.getByTestId(`vessel-row-part-${JIASHAN}`).first()).toHaveText('合格');
    await expect(table.getByTestId(`vessel-row-part-${MARITIME}`).first()).toHaveText('合格');
    await expect(page.getByTestId('vessel-released')).toHaveText('1');
  }

  // A second vessel, by name: 嘉善 detains it at once, and both see it is not released before 青浦 has checked.
  await js.getByTestId('vessel-entry').fill('苏州货88');
  await js.getByTestId('vessel-entry').press('Enter');
  await expect(partRow(js, '苏州货88', JIASHAN)).toBeFocused();
  await js.keyboard.press('4');
  for (const page of [qp, js]) await expect(page.getByTestId('vessel-table')).toContainText('不予放行', SYNC);

  // The patrol report shows the vessels, split by registry province, and exports them as CSV.
  await qp.goto('/#/patrol/reports');
  const report = qp.getByTestId('vessel-report-table');
  await expect(report).toContainText('蒸淀派出所');
  await expect(report).toContainText('姚庄派出所');
  await expect(qp.getByTestId('vessel-report-charts')).toBeVisible();
  const download = qp.waitForEvent('download');
  await qp.getByTestId('vessel-report-export').click();
  const path = test.info().outputPath('vessels.csv');
  await (await download).saveAs(path);
  const csv = readFileSync(path, 'utf8');
  expect(csv.startsWith('\uFEFF日期/周,派出所/行动,检查船舶,放行,不予放行')).toBe(true);
  // 蒸淀 stopped one vessel, released; 姚庄 one, detained (a finding of 浙 police).
  expect(csv).toMatch(/蒸淀派出所,1,1,0,/);
  expect(csv).toMatch(/姚庄派出所,1,0,1,.*浙公安 1/);
});
