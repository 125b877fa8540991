import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { demoState, expect, openSignedIn, test } from './support/demo-state';
import { signIn } from './support/session';

/**
 * Provisioning and backup as installers meet them: a package the integration office made with the admin tool,
 * found in the machine-wide folder on first run; and a station backed up on one PC and restored on a new one.
 */

const root = join(import.meta.dirname, '../..');
const ZHENDIAN = '310118520000';
const DEV_MACHINE_PACKAGES_KEY = 'yrd.dev.machinePackages';
let work = '';
let packageText = '';
let packagePassphrase = '';

async function admin(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.node.json', 'tools/admin/index.ts', ...args, '--dir', join(work, 'office')], {
    cwd: root,
    env: { ...process.env, YRD_OFFICE_PASSPHRASE: 'e2e office passphrase' },
  });
  return stdout;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = await mkdtemp(join(tmpdir(), 'yrd-e2e-office-'));
  await admin('init', '--issuer', '长三角区域警务一体化办公室', '--exchange-url', 'wss://exchange.yrd.example:8443');
  await admin('group', 'add', '--id', 'wudi-qisuo', '--name', '五地七所');
  await admin('station', 'add', '--code', ZHENDIAN, '--name', '蒸淀派出所', '--province', '310000', '--district', '310118', '--groups', 'wudi-qisuo');
  await admin('station', 'add', '--code', '330421520000', '--name', '姚庄派出所', '--province', '330000', '--district', '330421', '--groups', 'wudi-qisuo');
  await admin('roster', 'sign');
  const out = await admin('package', 'export', '--code', ZHENDIAN);
  packagePassphrase = /one-time passphrase: (\S+)/.exec(out)?.[1] ?? '';
  packageText = await readFile(join(work, 'office', 'packages', `${ZHENDIAN}.yrdp`), 'utf8');
});

test.afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function confirmDialog(page: Page): Promise<void> {
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
}

test('first run finds the package in the machine folder, refuses a wrong passphrase, provisions with the right one', async ({ page }) => {
  await page.addInitScript(
    ([key, value]) => window.localStorage.setItem(key, value),
    [DEV_MACHINE_PACKAGES_KEY, JSON.stringify([{ name: `${ZHENDIAN}.yrdp`, contentBase64: Buffer.from(packageText).toString('base64') }])] as const,
  );
  await page.goto('/');
  await expect(page.getByTestId('first-run')).toBeVisible();
  await expect(page.getByTestId('secrets-dev-only')).toContainText('仅供开发');
  // Nothing chosen yet: no station name, and the screen says what a development station is.
  await expect(page.getByTestId('first-run-station')).toHaveText('本机尚未设置站点');
  await expect(page.getByTestId('first-run')).not.toContainText('蒸淀派出所');
  await expect(page.getByTestId('first-run-development')).toContainText('开发站点');
  await expect(page.getByTestId('first-admin-kind')).toContainText('不是正式站点');
  await expect(page.getByTestId('first-run-demo')).toBeVisible();
  await page.getByTestId(`use-package-${ZHENDIAN}.yrdp`).click();
  await expect(page.getByTestId('package-label')).toContainText(ZHENDIAN);
  await expect(page.getByTestId('package-root')).toContainText('根密钥指纹');

  const passphrase = page.getByTestId('package-passphrase');
  await passphrase.fill('AAAA-BBBB-CCCC-DDDD-EEEE');
  await passphrase.press('Enter');
  await expect(page.getByText('一次性口令不正确')).toBeVisible({ timeout: 20_000 });
  await expect(passphrase).toHaveValue('AAAA-BBBB-CCCC-DDDD-EEEE'); // nothing typed is lost

  await passphrase.fill(packagePassphrase);
  await passphrase.press('Enter');
  await expect(page.getByTestId('provisioned')).toContainText('蒸淀派出所', { timeout: 20_000 });
  await expect(page.getByTestId('first-run')).toContainText('青浦区');
  // A provisioned station is offered no demo: no demo station card, no demo network picker.
  await expect(page.getByTestId('first-run-demo')).toHaveCount(0);
  await expect(page.getByTestId('first-run-demoNetwork')).toHaveCount(0);
  await expect(page.getByTestId('load-demo-station')).toHaveCount(0);
  await expect(page.getByTestId('first-admin-kind')).toContainText('正式站点');

  // The officers feature's first-admin card completes the set-up for the provisioned station.
  await page.getByTestId('first-admin-police-number').fill('100001');
  await page.getByTestId('first-admin-name').fill('王建国');
  await page.getByTestId('first-admin-password').fill('Yrd-Station-2026');
  await page.getByTestId('first-admin-confirm').fill('Yrd-Station-2026');
  await page.getByTestId('first-admin-create').click();
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 20_000 });

  // Signed in, the station admin's records page offers no demo data either; no demo banner anywhere.
  await page.getByTestId('sign-in-police-number').fill('100001');
  await page.getByTestId('sign-in-password').fill('Yrd-Station-2026');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('session-officer')).toContainText('100001', { timeout: 20_000 });
  await page.getByTestId('nav-records').click();
  // The empty records page is where 加载演示数据 used to be offered.
  await expect(page.getByTestId('records-empty')).toBeVisible();
  await expect(page.getByTestId('load-demo')).toHaveCount(0);
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page).not.toHaveTitle(/演示/);

  // And asked through the stores themselves (as a console at the PC could), the demo paths refuse and write nothing.
  const outcomes = await page.evaluate(async () => {
    type Store = Record<string, (...args: unknown[]) => Promise<unknown>>;
    const root = document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $pinia: { _s: Map<string, Store> } } } } };
    const stores = root.__vue_app__.config.globalProperties.$pinia._s;
    const attempt = async (call: () => Promise<unknown>) => {
      try {
        await call();
        return 'done';
      } catch (error) {
        return `${(error as Error).name}:${(error as { reason?: string }).reason ?? ''}`;
      }
    };
    return {
      residents: await attempt(() => stores.get('records')?.['loadDemo']?.(5) ?? Promise.reject(new Error('no records store'))),
      network: await attempt(() => stores.get('sync')?.['becomeDemoStation']?.('330421520000') ?? Promise.reject(new Error('no sync store'))),
    };
  });
  expect(outcomes).toEqual({ residents: 'DemoNotAllowedError:provisioned', network: 'DemoNotAllowedError:provisioned' });
  await page.reload();
  await expect(page.getByTestId('records-empty')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('station')).toContainText('蒸淀派出所');
});

test.describe(() => {
  // The development station with its demo officers, its admin signed in (made once by the setup project).
  test.use({ storageState: demoState('development', 'stationAdmin') });

  test('the station admin backs up; a new PC restores it from the first-run screen, refusing a wrong passphrase', async ({ page, browser }, testInfo) => {
    test.setTimeout(120_000);
    await openSignedIn(page);
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('station-maintenance')).toBeVisible();

    await page.getByTestId('backup-passphrase').fill('short');
    await page.getByTestId('backup-submit').click();
    await expect(page.getByText('备份口令至少 10 个字符')).toBeVisible();
    await page.getByTestId('backup-passphrase').fill('站所备份口令 2026');
    await page.getByTestId('backup-confirm').fill('站所备份口令 2027');
    await page.getByTestId('backup-confirm').press('Enter');
    await expect(page.getByText('两次输入的口令不一致')).toBeVisible();
    await page.getByTestId('backup-confirm').fill('站所备份口令 2026');
    const download = page.waitForEvent('download');
    await page.getByTestId('backup-submit').click();
    const file = join(work, 'station.yrdbak');
    await (await download).saveAs(file);
    await expect(page.getByTestId('backup-result')).toContainText('备份已保存');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'yrd-sealed', purpose: 'station-backup' });

    // The replacement PC: a fresh browser profile, so an empty station.
    const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', storageState: undefined });
    const newPc = await fresh.newPage();
    await newPc.goto('/');
    await expect(newPc.getByTestId('first-run')).toBeVisible();
    const chooser = newPc.waitForEvent('filechooser');
    await newPc.getByTestId('choose-backup').click();
    await (await chooser).setFiles(file);
    await expect(newPc.getByTestId('backup-label')).toContainText('station.yrdbak');

    await newPc.getByTestId('restore-passphrase').fill('not the passphrase');
    await newPc.getByTestId('restore-submit').click();
    await confirmDialog(newPc);
    await expect(newPc.getByText('备份口令不正确。现有数据未改动。')).toBeVisible({ timeout: 20_000 });
    await expect(newPc.getByTestId('first-run')).toBeVisible();

    await newPc.getByTestId('restore-passphrase').fill('站所备份口令 2026');
    await newPc.getByTestId('restore-submit').click();
    await confirmDialog(newPc);
    // The restored accounts exist at once: the gate leaves the first-run screen for sign-in, and the old admin signs in.
    await expect(newPc.getByTestId('sign-in')).toBeVisible({ timeout: 30_000 });
    await signIn(newPc, 'stationAdmin');
    await fresh.close();
  });

  test('a demo station offers no package import: demo officers never reach a real station', async ({ page }) => {
    await openSignedIn(page);
    await page.getByTestId('nav-settings').click();
    const card = page.getByTestId('station-maintenance');
    await expect(card.getByTestId('reprovision-demo')).toContainText('演示站点');
    await expect(card.getByTestId('choose-package')).toHaveCount(0);
  });
});

/** A fresh PC provisioned from the machine folder's package, its first admin created and signed in. */
async function provisionFreshStation(page: Page): Promise<void> {
  await page.addInitScript(
    ([key, value]) => window.localStorage.setItem(key, value),
    [DEV_MACHINE_PACKAGES_KEY, JSON.stringify([{ name: `${ZHENDIAN}.yrdp`, contentBase64: Buffer.from(packageText).toString('base64') }])] as const,
  );
  await page.goto('/');
  await page.getByTestId(`use-package-${ZHENDIAN}.yrdp`).click();
  await page.getByTestId('package-passphrase').fill(packagePassphrase);
  await page.getByTestId('package-passphrase').press('Enter');
  await expect(page.getByTestId('provisioned')).toContainText('蒸淀派出所', { timeout: 20_000 });
  await page.getByTestId('first-admin-police-number').fill('100001');
  await page.getByTestId('first-admin-name').fill('王建国');
  await page.getByTestId('first-admin-password').fill('Yrd-Station-2026');
  await page.getByTestId('first-admin-confirm').fill('Yrd-Station-2026');
  await page.getByTestId('first-admin-create').click();
  await page.getByTestId('sign-in-police-number').fill('100001');
  await page.getByTestId('sign-in-password').fill('Yrd-Station-2026');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('session-officer')).toContainText('100001', { timeout: 20_000 });
}

test('the station admin of a provisioned station re-provisions from Settings after confirming, and a package for another station is refused', async ({ page }) => {
  test.setTimeout(120_000);
  await provisionFreshStation(page);
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('station-maintenance');
  const packageFile = join(work, `${ZHENDIAN}.yrdp`);
  await writeFile(packageFile, packageText, 'utf8');

  const chooser = page.waitForEvent('filechooser');
  await card.getByTestId('choose-package').click();
  await (await chooser).setFiles(packageFile);
  await card.getByTestId('package-passphrase').fill(packagePassphrase);
  // Esc with something typed asks first; keeping the input leaves it as it was.
  await card.getByTestId('package-passphrase').press('Escape');
  await page.locator('.el-message-box').getByRole('button', { name: /取消|Cancel/ }).click();
  await expect(card.getByTestId('package-passphrase')).toHaveValue(packagePassphrase);

  await card.getByTestId('package-submit').click();
  await confirmDialog(page);
  await expect(card.getByTestId('reprovisioned')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('maintenance-identity')).toContainText(ZHENDIAN);
  await expect(page.getByTestId('station')).toContainText('蒸淀派出所');

  // Now provisioned: a package for the neighbouring station cannot be imported on this PC.
  const out = await admin('package', 'export', '--code', '330421520000');
  const neighbourFile = join(work, 'office', 'packages', '330421520000.yrdp');
  const neighbourChooser = page.waitForEvent('filechooser');
  await card.getByTestId('choose-package').click();
  await (await neighbourChooser).setFiles(neighbourFile);
  await card.getByTestId('package-passphrase').fill(/one-time passphrase: (\S+)/.exec(out)?.[1] ?? '');
  await card.getByTestId('package-submit').click();
  await confirmDialog(page);
  await expect(card.getByTestId('package-error')).toContainText('属于另一个站所', { timeout: 20_000 });
});
