import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { DEMO_STATIONS } from '../../shared/demo/demo-network';
import { startNatsServer, type TestNatsServer } from '../support/nats-server';
import { demoContext, expect, openSignedIn, test, type DemoInstallName } from './support/demo-state';
import { switchOfficer } from './support/session';

const QINGPU = DEMO_STATIONS.zhendian; // 青浦 蒸淀派出所
const JIASHAN = DEMO_STATIONS.yaozhuang; // 嘉善 姚庄派出所
const SYNC = { timeout: 30_000 };

let server: TestNatsServer;

test.beforeAll(async () => {
  server = await startNatsServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

/**
 * One demo station (installed by the setup project, which also checks that picking 蒸淀 installs the demo identity)
 * in its own browser context: the admin connects it to the exchange, then the patrol lead signs in.
 */
async function openStation(browser: Browser, install: DemoInstallName & ('zhendian' | 'yaozhuang'), name: string, exchange = true): Promise<Page> {
  const context = await demoContext(browser, install, exchange ? 'stationAdmin' : 'patrolLead', { acceptDownloads: true });
  const page = await context.newPage();
  await openSignedIn(page);
  await expect(page.getByTestId('station')).toContainText(name);
  if (!exchange) return page;
  await page.goto('/#/sync');
  await page.getByTestId('sync-exchange-address').fill(server.wsUrl);
  await page.getByTestId('sync-exchange-save').click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
  await switchOfficer(page, 'patrolLead');
  return page;
}

async function newCheckpointLog(page: Page, neighbour: string): Promise<string> {
  await page.goto('/#/patrol');
  await page.getByTestId('patrol-new-log').click();
  await page.getByTestId('header-type').click();
  await page.getByTestId('header-type-checkpoint').click();
  await page.getByTestId('header-operation').fill('沪浙边界联勤');
  await page.getByTestId('header-checkpoint-name').fill('申嘉湖高速 省界卡口');
  await page.getByTestId('header-stations').click();
  await page.getByTestId(`station-option-${neighbour}`).click();
  await page.getByTestId('header-operation').press('Enter');
  await expect(page.getByTestId('log-number')).toHaveText(/^XL-/);
  return (await page.getByTestId('log-number').textContent())?.trim() ?? '';
}

async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

async function saveContingent(page: Page, station: string, leader: [string, string], camera: string): Promise<void> {
  await openTab(page, /人员与装备/);
  const card = page.getByTestId(`contingent-${station}`);
  await card.getByTestId(`contingent-edit-${station}`).click();
  await card.getByTestId('leader-number').fill(leader[0]);
  await card.getByTestId('leader-name').fill(leader[1]);
  await card.getByTestId('add-equipment').click();
  await card.getByTestId('equipment-0').fill(camera);
  await card.getByTestId(`contingent-save-${station}`).click();
  await expect(card).toContainText(camera);
}

async function inspect(page: Page, plate: string, resultKey: string): Promise<void> {
  await openTab(page, /一点两检/);
  const input = page.getByTestId('inspection-plate');
  await input.fill(plate);
  await input.press('Enter');
  await expect(page.getByTestId('inspection-current')).toBeFocused();
  await page.keyboard.press(resultKey);
  await expect(input).toBeFocused();
}

test('青浦 and 嘉善 co-author one log through the exchange, both confirm, it closes, and an amendment carries its reason', async ({ browser }) => {
  test.setTimeout(180_000);
  const qp = await openStation(browser, 'zhendian', '蒸淀派出所');
  const js = await openStation(browser, 'yaozhuang', '姚庄派出所');

  // 青浦 opens a checkpoint log with 嘉善 and the maritime office.
  await qp.goto('/#/patrol');
  await qp.getByTestId('patrol-new-log').click();
  await qp.getByTestId('header-type').click();
  await qp.getByTestId('header-type-checkpoint').click();
  await qp.getByTestId('header-operation').fill('沪浙边界联勤');
  await qp.getByTestId('header-checkpoint-name').fill('申嘉湖高速 省界卡口');
  // Signing needs an end time (and each station's people, entered below).
  await qp.getByTestId('header-end').fill('23:59');
  // Saving with only this station shows the error beside the field and saves nothing.
  await qp.getByTestId('header-save').click();
  await expect(qp.getByTestId('patrol-header-form')).toContainText('至少选择本所和一个邻省派出所');
  await qp.getByTestId('header-stations').click();
  await qp.getByTestId(`station-option-${JIASHAN}`).click();
  await qp.getByTestId('header-operation').press('Enter');
  await expect(qp.getByTestId('log-units')).toContainText('姚庄派出所');
  const number = (await qp.getByTestId('log-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^XL-/);

  // The log reaches 嘉善.
  await js.goto('/#/patrol');
  await expect(js.getByTestId(`open-log-${number}`)).toBeVisible(SYNC);
  await js.getByTestId(`open-log-${number}`).click();

  // Both work at the same time, each on its own entries.
  await Promise.all([saveContingent(qp, QINGPU, ['100001', '周明'], 'DSJ-0001'), saveContingent(js, JIASHAN, ['200002', '沈华'], 'DSJ-9009')]);
  await inspect(qp, '沪C12345', '1');
  await inspect(js, '浙F·A1234', '2');
  await openTab(js, /事件记录/);
  await js.getByTestId('event-add').click();
  await js.getByTestId('event-place').fill('红旗塘大桥');
  await js.getByTestId('add-person').click();
  await js.getByTestId('person-name-0').fill('张三');
  await js.getByTestId('person-id-0').fill('110105194912310021');
  await js.getByTestId('event-save').click();
  await expect(js.getByTestId('event-form')).toContainText('校验码');
  await js.getByTestId('person-id-0').fill('11010519491231002x');
  await js.getByTestId('event-plate').fill('浙F12345D');
  await expect(js.getByTestId('event-plate-province')).toContainText('浙江省');
  await js.getByTestId('event-save').click();
  await expect(js.getByTestId('event-table')).toContainText('红旗塘大桥');

  // Each sees the other's entries.
  await openTab(qp, /事件记录/);
  await expect(qp.getByTestId('event-table')).toContainText('红旗塘大桥', SYNC);
  await expect(qp.getByTestId('event-table')).toContainText('姚庄派出所');
  await openTab(qp, /人员与装备/);
  await expect(qp.getByTestId(`contingent-${JIASHAN}`)).toContainText('DSJ-9009', SYNC);
  await openTab(qp, /一点两检/);
  await expect(qp.getByTestId('figure-total')).toHaveText('2', SYNC);
  await expect(qp.getByTestId('figure-province-浙')).toContainText('1');
  await expect(qp.getByTestId('figure-lane-2')).toContainText('1');
  await openTab(js, /人员与装备/);
  await expect(js.getByTestId(`contingent-${QINGPU}`)).toContainText('DSJ-0001', SYNC);
  await openTab(js, /一点两检/);
  await expect(js.getByTestId('inspection-table')).toContainText('沪C·12345', SYNC);

  // Both leaders confirm; the log closes at both stations.
  for (const page of [qp, js]) {
    await openTab(page, /签认与更正/);
    await page.getByTestId('confirm-log').click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  }
  for (const page of [qp, js]) {
    await expect(page.getByTestId('log-closed')).toBeVisible(SYNC);
    await expect(page.getByTestId('log-status')).toHaveText('已签认关闭');
  }

  // 青浦 corrects its inspection after closing: the reason is required and travels to 嘉善.
  await openTab(qp, /一点两检/);
  const amend = qp.getByTestId('inspection-table').locator('[data-testid^="inspection-amend-"]').first();
  await amend.click();
  await qp.getByRole('option', { name: '劝返' }).click();
  const box = qp.locator('.patrol-amend-reason');
  await box.getByRole('button', { name: '确定' }).click();
  await expect(box).toContainText('请填写更正原因');
  await box.locator('input').fill('结果误录，实为劝返');
  await box.getByRole('button', { name: '确定' }).click();
  await openTab(qp, /签认与更正/);
  await expect(qp.getByTestId('amendment-table')).toContainText('结果误录，实为劝返');
  await openTab(js, /签认与更正/);
  await expect(js.getByTestId('amendment-table')).toContainText('结果误录，实为劝返', SYNC);
  await expect(js.getByTestId('amendment-table')).toContainText('蒸淀派出所');
});

test('one station at the checkpoint: plate, Enter, result keys; live figures; drafts survive a reload; report CSV', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await openStation(browser, 'zhendian', '蒸淀派出所', false);
  await newCheckpointLog(page, JIASHAN);
  const logUrl = page.url();

  await openTab(page, /一点两检/);
  const plate = page.getByTestId('inspection-plate');
  await plate.fill('浙F·A1234');
  await expect(page.getByTestId('inspection-suggestion')).toContainText('浙牌照 → 2号车道，由姚庄派出所检查');
  await plate.press('Enter');
  await expect(page.getByTestId('inspection-current')).toBeFocused();
  await page.keyboard.press('1');
  await expect(plate).toBeFocused();
  // A plate with the letter O is refused beside the field and nothing is recorded.
  await plate.fill('沪A1234O');
  await plate.press('Enter');
  await expect(page.getByTestId('inspection-panel')).toContainText('不符合 GA 36-2018');
  await expect(page.getByTestId('figure-total')).toHaveText('1');
  await plate.fill('沪C12345');
  await plate.press('Enter');
  await expect(page.getByTestId('inspection-current')).toBeFocused();
  await page.keyboard.press('4');
  await expect(page.getByTestId('figure-total')).toHaveText('2');
  await expect(page.getByTestId('figure-lane-2')).toContainText('1');
  await expect(page.getByTestId('figure-province-沪')).toContainText('1');
  await expect(page.getByTestId('inspection-table')).toContainText('扣留');
  const inspections = page.waitForEvent('download');
  await page.getByTestId('inspection-export').click();
  const inspectionsPath = test.info().outputPath('inspections.csv');
  await (await inspections).saveAs(inspectionsPath);
  const rows = readFileSync(inspectionsPath, 'utf8').trim().split('\r\n');
  expect(rows).toHaveLength(3);
  expect(rows[1]).toMatch(/^浙F·A1234,2,姚庄派出所,.*,1,放行,蒸淀派出所$/);
  expect(rows[2]).toMatch(/^沪C·12345,1,蒸淀派出所,.*,1,扣留,蒸淀派出所$/);

  // An event typed halfway survives a reload (flat battery) as a draft; Esc asks before throwing it away.
  await openTab(page, /事件记录/);
  await page.getByTestId('event-add').click();
  await page.getByTestId('event-place').fill('红旗塘大桥北侧');
  await page.waitForTimeout(500);
  await page.reload();
  await page.goto(logUrl);
  await openTab(page, /事件记录/);
  await page.getByTestId('event-add').click();
  await expect(page.getByTestId('event-place')).toHaveValue('红旗塘大桥北侧');
  await page.getByTestId('event-place').press('Escape');
  await expect(page.locator('.el-message-box')).toContainText('放弃已填写的内容吗？');
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('event-form')).toBeHidden();

  // Daily report per station, exported as CSV through the host bridge.
  await page.goto('/#/patrol/reports');
  const table = page.getByTestId('report-table');
  await expect(table).toContainText('姚庄派出所');
  await expect(table).toContainText('蒸淀派出所');
  const download = page.waitForEvent('download');
  await page.getByTestId('report-export').click();
  const file = await download;
  const path = test.info().outputPath('report.csv');
  await file.saveAs(path);
  const csv = readFileSync(path, 'utf8');
  expect(csv.startsWith('\uFEFF日期/周,派出所/行动,巡逻次数')).toBe(true);
  // One 浙 car released by 姚庄's lane, one 沪 car detained (a finding) by 蒸淀's; one occupant each.
  expect(csv).toContain('姚庄派出所,1,1,1,0,');
  expect(csv).toContain('蒸淀派出所,1,1,1,1,');
});
