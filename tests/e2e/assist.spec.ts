import { deflateSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { DEMO_STATIONS } from '../../shared/demo/demo-network';
import { startNatsServer, type TestNatsServer } from '../support/nats-server';
import { demoContext, expect, openSignedIn, test, type DemoInstallName } from './support/demo-state';
import { switchOfficer } from './support/session';

/**
 * 协查 through a real exchange (issue 15's done-when): 青浦 蒸淀 raises a 特急 车辆拦截 request with a photo to the
 * 五地七所 group; 嘉善 姚庄 and 平湖 乍浦 receive it with the banner; 姚庄 signs, meets the plate at its checkpoint
 * and the hit goes back; 乍浦's late 签收 shows at 蒸淀; 蒸淀 closes it and the watch-list entry is gone.
 */
const { zhendian, yaozhuang, zhapu } = DEMO_STATIONS;
const SYNC = { timeout: 30_000 };
const PLATE = '沪B·12345';
const WATCHED_ID = '11010519491231002X';

test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.use({ actionTimeout: 20_000 });

/** One demo station in its own browser context: the admin connects it to the exchange, then the patrol lead (带班) signs in. */
async function openStation(browser: Browser, install: DemoInstallName, name: string, wsUrl: string): Promise<Page> {
  const context = await demoContext(browser, install, 'stationAdmin');
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[${install} pageerror] ${error.message}`));
  await openSignedIn(page, '/#/sync');
  await expect(page.getByTestId('station')).toContainText(name, { timeout: 20_000 });
  await page.getByTestId('sync-exchange-address').fill(wsUrl);
  await page.getByTestId('sync-exchange-save').click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online', SYNC);
  await switchOfficer(page, 'patrolLead').catch(async () => expect(page.getByTestId('session-officer')).toContainText('000003', { timeout: 60_000 }));
  return page;
}

/** A small PNG (a CCTV still stand-in), made here so the test carries no binary file. */
function png(width = 64, height = 48): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) raw.set([(x * 4) & 0xff, (y * 5) & 0xff, 160], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

interface RaiseOptions {
  photo: boolean;
}

/** 提请: fills the form by keyboard where it can and sends it; returns the request id. */
async function raise(page: Page, { photo }: RaiseOptions): Promise<string> {
  await page.goto('/#/assist');
  await page.getByTestId('assist-raise').click();
  const form = page.getByTestId('assist-raise-form');
  await expect(form).toBeVisible();
  await page.getByTestId('assist-urgency-extraUrgent').click();
  await page.getByTestId('assist-title').fill('入室盗窃嫌疑人乘出租车外逃');
  await page.getByTestId('assist-details').fill('两名嫌疑人于凌晨作案后乘出租车向嘉善方向逃离，请沿线卡口拦截');
  await page.getByTestId('assist-add-vehicle').click();
  await page.getByTestId('assist-subject-plate-0').fill('沪B·1234O');
  await page.getByTestId('assist-subject-description-0').fill('蓝色出租车');
  await page.getByTestId('assist-add-person').click();
  await page.getByTestId('assist-subject-name-1').fill('张三');
  await page.getByTestId('assist-subject-id-1').fill(WATCHED_ID.toLowerCase());
  await page.getByTestId('assist-contact').fill('021-59200110');
  await page.getByTestId('assist-instructions').fill('发现后立即控制，联系蒸淀派出所');
  await page.getByTestId('assist-addressing-group').click();
  await expect(page.getByTestId('assist-resolved')).toContainText('姚庄派出所');
  await expect(page.getByTestId('assist-resolved')).toContainText('乍浦镇派出所');
  // A plate with the letter O is refused beside its field; nothing is sent.
  await page.getByTestId('assist-title').press('Control+Enter');
  await expect(form).toContainText('号牌不使用字母 I 和 O');
  await page.getByTestId('assist-subject-plate-0').fill(PLATE);
  if (photo) {
    await page.getByTestId('attachment-input').setInputFiles({ name: 'cctv.png', mimeType: 'image/png', buffer: png() });
    await expect(page.getByTestId('attachment-chosen')).toHaveCount(1, SYNC);
  }
  await page.getByTestId('assist-submit').click();
  await expect(page.getByTestId('assist-request')).toBeVisible();
  await expect(page.getByTestId('assist-status')).toHaveText('进行中');
  const id = page.url().split('/assist/request/')[1] ?? '';
  expect(id).toMatch(/^[0-9A-Z]{26}$/);
  return id;
}

/** 姚庄 opens a 一点两检 log at its checkpoint (with 蒸淀 as the other station) and goes to the inspection tab. */
async function openCheckpoint(page: Page): Promise<void> {
  await page.goto('/#/patrol');
  await page.getByTestId('patrol-new-log').click();
  await page.getByTestId('header-type').click();
  await page.getByTestId('header-type-checkpoint').click();
  await page.getByTestId('header-operation').fill('沪浙边界联勤');
  await page.getByTestId('header-checkpoint-name').fill('申嘉湖高速 省界卡口');
  await page.getByTestId('header-stations').click();
  await page.getByTestId(`station-option-${zhendian}`).click();
  await page.getByTestId('header-operation').press('Enter');
  await expect(page.getByTestId('log-number')).toHaveText(/^XL-/);
  await page.getByRole('tab', { name: /一点两检/ }).click();
}

test('蒸淀 raises a 特急 车辆拦截 to the group; 姚庄 signs and hits it at the checkpoint; 乍浦 is late; 蒸淀 closes it', async ({ browser }) => {
  const nats: TestNatsServer = await startNatsServer();
  try {
    const zd = await openStation(browser, 'zhendian', '蒸淀派出所', nats.wsUrl);
    const yz = await openStation(browser, 'yaozhuang', '姚庄派出所', nats.wsUrl);
    const zp = await openStation(browser, 'zhapu', '乍浦镇派出所', nats.wsUrl);
    await yz.goto('/#/patrol');
    await zp.goto('/#/records');

    const id = await raise(zd, { photo: true });
    const attachments = zd.getByTestId('assist-request').getByTestId('attachment-item');
    await expect(attachments).toHaveCount(1);

    // Both addressees get the banner on whatever screen they are on, until someone signs.
    for (const page of [yz, zp]) {
      await expect(page.getByTestId('assist-urgent-banner')).toContainText('入室盗窃嫌疑人乘出租车外逃', SYNC);
      await expect(page.getByTestId('assist-urgent-banner')).toContainText('蒸淀派出所');
    }
    // Delivery is confirmed back to the requester without anyone signing.
    await expect(zd.getByTestId(`assist-received-${yaozhuang}`)).not.toBeEmpty(SYNC);
    await expect(zd.getByTestId(`assist-received-${zhapu}`)).not.toBeEmpty(SYNC);

    await yz.getByTestId('assist-banner-open').click();
    await expect(yz.getByTestId('assist-request')).toContainText('沪B·12345');
    await expect(yz.getByTestId('assist-request').getByTestId('attachment-item')).toHaveCount(1);
    await yz.getByTestId('assist-sign').click();
    await expect(yz.getByTestId('assist-urgent-banner')).toHaveCount(0);
    await expect(zp.getByTestId('assist-urgent-banner')).toBeVisible();
    // 蒸淀 sees the 签收 without reloading.
    await expect(zd.getByTestId(`assist-signed-${yaozhuang}`)).toContainText('张伟', SYNC);

    // At 姚庄's checkpoint the plate, typed as officers type it, raises the alert at once and records the hit.
    await openCheckpoint(yz);
    await yz.getByTestId('inspection-plate').fill('沪b12345');
    const alert = yz.getByTestId('watch-alert');
    await expect(alert).toContainText('布控比中');
    await expect(alert).toContainText('发现后立即控制，联系蒸淀派出所');
    await expect(alert).toContainText('021-59200110');
    await expect(alert.getByTestId('watch-alert-recorded')).toBeVisible();
    await yz.getByTestId('inspection-plate').press('Enter');
    await expect(zd.getByTestId('assist-hits')).toContainText('姚庄派出所', SYNC);
    await expect(zd.getByTestId('assist-hits')).toContainText('沪B·12345');
    await expect(zd.getByTestId('assist-hits')).toContainText('申嘉湖高速 省界卡口');

    // 乍浦's records search shows the same alert for the watched ID number.
    await zp.getByTestId('search-input').fill(WATCHED_ID);
    await expect(zp.getByTestId('watch-alert')).toContainText('张三');

    // Eleven minutes on at 蒸淀: 乍浦 has not signed (overdue, highlighted), 姚庄 has.
    await zd.clock.setFixedTime(new Date(Date.now() + 11 * 60_000));
    await expect(zd.getByTestId(`assist-addressee-${zhapu}`)).toHaveAttribute('data-late', 'true', SYNC);
    await expect(zd.getByTestId(`assist-addressee-${yaozhuang}`)).toHaveAttribute('data-late', 'false');
    await expect(zd.locator('.assist-late-row', { hasText: '乍浦镇派出所' })).toHaveCount(1);
    await expect(zd.locator('.assist-late-row', { hasText: '姚庄派出所' })).toHaveCount(0);
    await zd.clock.setFixedTime(new Date());

    // 蒸淀 closes it (a confirmation first); both addressees see the result, and the watch is gone.
    await zd.getByTestId('assist-close').click();
    await zd.getByTestId('assist-close-result-solved').click();
    await zd.getByTestId('assist-close-note').fill('两名嫌疑人已在姚庄卡口抓获');
    await zd.getByTestId('assist-close-send').click();
    await zd.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
    await expect(zd.getByTestId('assist-status')).toHaveText('已结案');
    await expect(zp.getByTestId('assist-urgent-banner')).toHaveCount(0, SYNC);
    await yz.goto(`/#/assist/request/${id}`);
    await expect(yz.getByTestId('assist-closure')).toContainText('两名嫌疑人已在姚庄卡口抓获', SYNC);
    await expect(yz.getByTestId('assist-feedback')).toHaveCount(0);
    await yz.goBack();
    await yz.getByRole('tab', { name: /一点两检/ }).click();
    await yz.getByTestId('inspection-plate').fill('沪B12345');
    await expect(yz.getByTestId('inspection-suggestion')).toBeVisible();
    await expect(yz.getByTestId('watch-alert')).toHaveCount(0);
    // 乍浦 holds it closed; its records search (opened afresh: an alert stays until dismissed) no longer alerts.
    await zp.goto(`/#/assist/request/${id}`);
    await expect(zp.getByTestId('assist-status')).toHaveText('已结案', SYNC);
    await zp.goto('/#/records');
    await zp.getByTestId('search-input').fill(WATCHED_ID);
    await expect(zp.getByTestId('search-input')).toHaveValue(WATCHED_ID);
    await expect(zp.getByTestId('watch-alert')).toHaveCount(0);
    for (const page of [zd, yz, zp]) await page.context().close();
  } finally {
    await nats.dispose();
  }
});

test('a request raised while the requester has no link reaches the others once the link returns', async ({ browser }) => {
  const nats: TestNatsServer = await startNatsServer();
  try {
    const zd = await openStation(browser, 'zhendian', '蒸淀派出所', nats.wsUrl);
    const yz = await openStation(browser, 'yaozhuang', '姚庄派出所', nats.wsUrl);
    await nats.stop();
    await zd.goto('/#/sync');
    await expect(zd.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline', SYNC);
    const id = await raise(zd, { photo: false });
    // Saved at once and shown as sent; nobody has it yet.
    await expect(zd.getByTestId(`assist-received-${yaozhuang}`)).toBeEmpty();
    await yz.goto('/#/assist');
    await expect(yz.getByTestId('assist-urgent-banner')).toHaveCount(0);
    await nats.start();
    await expect(yz.getByTestId('assist-urgent-banner')).toContainText('入室盗窃嫌疑人乘出租车外逃', { timeout: 90_000 });
    await expect(yz.getByTestId('assist-inbox')).toContainText('入室盗窃嫌疑人乘出租车外逃');
    await expect(zd.getByTestId(`assist-received-${yaozhuang}`)).not.toBeEmpty({ timeout: 90_000 });
    expect(id).not.toBe('');
    for (const page of [zd, yz]) await page.context().close();
  } finally {
    await nats.dispose();
  }
});
