import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Role } from '../../shared/domain/officer';
import { DEMO_PASSWORD } from './support/demo-officers';
import { expect as baseExpect, demoState, openSignedIn, test } from './support/demo-state';
import { signIn, signInOnForm, signOut, switchOfficer } from './support/session';

// Sign-in and unlock run PBKDF2 on purpose slowly; a shared CI machine needs more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });
const quick = { demoResidents: false };

/** The development station's demo officers are in place and `role` is signed in (made once by the setup project). */
function startAs(role: Role): void {
  test.use({ storageState: demoState('development', role) });
}

async function typeSignIn(page: Page, policeNumber: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-police-number').fill(policeNumber);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

test('a fresh station shows the first-run screen; nothing else shows before sign-in', async ({ page }) => {
  await page.goto('/#/records');
  await expect(page.getByTestId('first-run')).toBeVisible();
  await expect(page.getByTestId('main-nav')).toHaveCount(0);
  await expect(page.getByTestId('demo-accounts')).toContainText('000005');
  await expect(page.getByTestId('first-run-demo')).toContainText(DEMO_PASSWORD);
  await signIn(page, 'window', quick);
  await expect(page.getByTestId('main-nav')).toBeVisible();
  await expect(page.getByTestId('session-officer')).toContainText('窗口民警');
  // Window staff do not see the admin's or the auditor's pages in the menu.
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);
  await expect(page.getByTestId('nav-officers')).toHaveCount(0);
  // A reload keeps the session; signing out returns to the sign-in screen.
  await page.reload();
  await expect(page.getByTestId('session-officer')).toContainText('000001');
  await signOut(page);
});

test.describe(() => {
  startAs('window');

  test('window staff are refused the auditor-only trail and the admin-only accounts, audited; the auditor sees both and the chain verifies', async ({ page }) => {
    test.slow();
    await openSignedIn(page, '/#/audit');
    await expect(page.getByTestId('audit-denied')).toBeVisible();
    await expect(page.getByTestId('audit-entries')).toHaveCount(0);
    await page.goto('/#/officers');
    await expect(page.getByTestId('officers-denied')).toBeVisible();

    await switchOfficer(page, 'auditor');
    await page.getByTestId('nav-audit').click();
    const entries = page.getByTestId('audit-entries');
    const deniedRows = entries.locator('tr', { hasText: '拒绝' });
    await expect(deniedRows).toHaveCount(2);
    await expect(deniedRows.filter({ hasText: 'audit.view' })).toContainText('310000:000001');
    await expect(deniedRows.filter({ hasText: 'officer.manage' })).toContainText('310000:000001');
    await expect(entries).toContainText('session.signIn');

    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result')).toContainText('审计链完整');

    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv.startsWith('\uFEFF序号,时间,站点,民警,操作,对象,结果,说明,前一条哈希,哈希\r\n')).toBe(true);
    expect(csv).toMatch(/310000:000001,audit\.view,audit,denied/);
    expect(csv).toMatch(/310000:000001,officer\.manage,officers,denied/);
  });
});

test.describe(() => {
  startAs('auditor');

  test('the verify button shows where an edited entry breaks the chain', async ({ page }) => {
    await openSignedIn(page);
    // Someone with access to the PC edits an entry directly in IndexedDB.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('yrd-station');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('audit', 'readwrite');
            const store = tx.objectStore('audit');
            const get = store.get(1);
            get.onsuccess = () => store.put({ ...get.result, result: 'success', detail: 'quietly edited' });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result')).toContainText('第 1 条记录处断裂');
    await expect(page.getByTestId('audit-verify-result')).toContainText('记录内容被修改');
    await expect(page.getByTestId('audit-break-rows')).toContainText('quietly edited');
  });
});

test.describe(() => {
  startAs('patrolLead');

  test('five wrong passwords lock the account, even against the right one', async ({ page }) => {
    test.slow(); // a PBKDF2 check per attempt, slow on purpose
    await openSignedIn(page);
    await signOut(page);
    for (let i = 0; i < 4; i += 1) {
      await typeSignIn(page, '000003', 'Wrong#2026');
      await expect(page.getByTestId('sign-in-error')).toContainText('警号或密码错误');
    }
    await typeSignIn(page, '000003', 'Wrong#2026');
    await expect(page.getByTestId('sign-in-error')).toContainText('账号已锁定');
    await typeSignIn(page, '000003', DEMO_PASSWORD);
    await expect(page.getByTestId('sign-in-error')).toContainText('账号已锁定');
    await expect(page.getByTestId('main-nav')).toHaveCount(0);

    // The admin sees the lock and lifts it.
    await signInOnForm(page, 'stationAdmin');
    await page.getByTestId('nav-officers').click();
    await expect(page.getByTestId('officer-status-000003')).toContainText('已锁定');
    await page.getByTestId('officer-unlock-000003').click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
    await expect(page.getByTestId('officer-status-000003')).toContainText('正常');
    await switchOfficer(page, 'patrolLead');
  });
});

test.describe(() => {
  startAs('window');

  test('the screen locks after 10 idle minutes and unlocks with the password, keeping the page', async ({ page }) => {
    await page.clock.install();
    await openSignedIn(page);
    await page.getByTestId('nav-settings').click();
    await page.clock.fastForward('09:00');
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await page.clock.fastForward('01:01');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.getByTestId('unlock-password').fill('Wrong#2026');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('lock-screen')).toContainText('警号或密码错误');
    await page.getByTestId('unlock-password').fill(DEMO_PASSWORD);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await expect(page).toHaveURL(/#\/settings$/);
  });
});

test.describe(() => {
  startAs('stationAdmin');

  test('the admin creates an account; its officer must choose a new password at first sign-in', async ({ page }) => {
    test.slow();
    await openSignedIn(page);
    await page.getByTestId('nav-officers').click();
    await page.getByTestId('officer-create').click();
    const form = page.getByTestId('officer-form');
    await page.getByTestId('officer-police-number').fill('12345');
    await page.getByTestId('officer-password').fill('weak');
    await page.getByTestId('officer-save').click();
    await expect(form).toContainText('警号应为6位数字');
    await expect(form).toContainText('至少选择一个角色');
    await expect(form).toContainText('密码至少8位');
    await page.getByTestId('officer-police-number').fill('123456');
    await page.getByTestId('officer-name').fill('赵敏');
    await page.getByTestId('officer-role-approver').click();
    await page.getByTestId('officer-password').fill('Temp#2026x');
    await page.getByTestId('officer-password').press('Enter');
    await expect(form).toBeHidden();
    await expect(page.getByTestId('officer-status-123456')).toContainText('待改密');

    await signOut(page);
    await typeSignIn(page, '123456', 'Temp#2026x');
    const dialog = page.getByTestId('change-password');
    await expect(dialog).toContainText('所管理员已重置您的密码');
    await page.getByTestId('change-password-current').fill('Temp#2026x');
    await page.getByTestId('change-password-next').fill('Temp#2026x');
    await page.getByTestId('change-password-confirm').fill('Temp#2026x');
    await page.getByTestId('change-password-save').click();
    await expect(dialog).toContainText('新密码不能与当前密码相同');
    await page.getByTestId('change-password-next').fill('Mine#2026z');
    await page.getByTestId('change-password-confirm').fill('Mine#2026z');
    await page.getByTestId('change-password-save').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('session-officer')).toContainText('人口办审批');
  });
});
