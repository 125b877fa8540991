import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { DEMO_STATIONS } from '../../shared/demo/demo-network';
import { startNatsServer, type TestNatsServer } from '../support/nats-server';
import { demoContext, expect, openSignedIn, test, type DemoInstallName } from './support/demo-state';

const A = DEMO_STATIONS.lvxiang; // 金山 吕巷
const B = DEMO_STATIONS.zhapu; // 平湖 乍浦

let server: TestNatsServer;

// Two stations (two browsers, two databases) and an exchange share a busy CI machine.
test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  server = await startNatsServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

/** A browser context (a PC) playing one demo station, set up by the setup project, its admin signed in, on the 同步 page. */
async function openStation(browser: Browser, install: DemoInstallName, name: string): Promise<Page> {
  const context = await demoContext(browser, install, 'stationAdmin', { acceptDownloads: true });
  const page = await context.newPage();
  await openSignedIn(page, '/#/sync');
  await expect(page.getByTestId('sync-station')).toContainText(name);
  return page;
}

async function connect(page: Page): Promise<void> {
  await page.getByTestId('sync-exchange-address').fill(server.wsUrl);
  await page.getByTestId('sync-exchange-save').click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
}

async function sendProbe(page: Page, to: string, text: string): Promise<void> {
  // The list of neighbours may re-render just after connecting (the roster is read again): pick until it shows.
  await expect(async () => {
    await page.getByTestId('sync-probe-to').click();
    const option = page.getByTestId(`sync-probe-to-${to}`);
    const label = (await option.textContent())?.trim() ?? '';
    await option.click();
    await expect(page.getByTestId('sync-probe-to')).toContainText(label, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId('sync-probe-text').fill(text);
  await page.getByTestId('sync-probe-send').click();
  await expect(page.getByTestId('sync-probes')).toContainText(text);
}

test('an event written at one station appears at the other through the exchange', async ({ browser }) => {
  const a = await openStation(browser, 'lvxiang', '吕巷派出所');
  const b = await openStation(browser, 'zhapu', '乍浦镇派出所');
  await connect(a);
  await connect(b);
  await sendProbe(a, B, '吕巷呼叫乍浦，收到请回复');
  await expect(b.getByTestId('sync-probes')).toContainText('吕巷呼叫乍浦，收到请回复', { timeout: 15_000 });
  await expect(a.getByTestId(`sync-pending-${B}`)).toHaveText('0');
  await sendProbe(b, A, '乍浦收到');
  await expect(a.getByTestId('sync-probes')).toContainText('乍浦收到', { timeout: 15_000 });
});

test('a bundle carries pending events between two stations with no network at all, once', async ({ browser }) => {
  const a = await openStation(browser, 'lvxiang', '吕巷派出所');
  const b = await openStation(browser, 'zhapu', '乍浦镇派出所');
  await sendProbe(a, B, 'U盘带过去的消息');
  await expect(a.getByTestId(`sync-pending-${B}`)).toHaveText('1');

  const downloadPromise = a.waitForEvent('download');
  await a.getByTestId('sync-bundle-export').click();
  const download = await downloadPromise;
  const path = test.info().outputPath('bundle.yrdsync');
  await download.saveAs(path);
  await expect(a.getByTestId('sync-bundle-result')).toContainText('1');

  // A copy cut short (an interrupted USB copy) is refused with a clear message and nothing is applied.
  const truncated = test.info().outputPath('truncated.yrdsync');
  writeFileSync(truncated, readFileSync(path).subarray(0, 40));
  const chooserForTruncated = b.waitForEvent('filechooser');
  await b.getByTestId('sync-bundle-import').click();
  await (await chooserForTruncated).setFiles(truncated);
  await expect(b.getByTestId('sync-bundle-result')).toContainText('文件已损坏或不完整');
  await expect(b.getByTestId('sync-probes').locator('.el-table__row')).toHaveCount(0);

  for (const expected of ['应用 1 条', '重复 1 条']) {
    const chooser = b.waitForEvent('filechooser');
    await b.getByTestId('sync-bundle-import').click();
    await (await chooser).setFiles(path);
    await expect(b.getByTestId('sync-bundle-result')).toContainText(expected);
  }
  await expect(b.getByTestId('sync-probes')).toContainText('U盘带过去的消息');
  await expect(b.getByTestId('sync-probes').locator('.el-table__row')).toHaveCount(1);
});
