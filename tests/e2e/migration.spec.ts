import { expect as baseExpect, test, type Page } from '@playwright/test';
import { startNatsServer, type TestNatsServer } from '../support/nats-server';
import type { Role } from '../../shared/domain/officer';
import { signInOnForm, signOut } from './support/session';
import { openedRows } from './support/sealed-rows';
import { pickOption } from './support/select';
import { connectedStation } from './support/exchange-station';

/** Two stations, a NATS exchange and password hashing share 2 cores with other suites: allow for it. */
const expect = baseExpect.configure({ timeout: 20_000 });

/** Signs `role` in on the sign-in screen (after a sign-out: no reload, the station stays as it is). */
async function signIn(page: Page, role: Role): Promise<void> {
  try {
    await signInOnForm(page, role);
  } catch {
    // Under load the password hash can outlast the helper's default 5 s wait; give it longer, then judge.
    await expect(page.getByTestId('session-officer')).toBeVisible({ timeout: 60_000 });
  }
}

/**
 * Cross-province migration through a real exchange: two browser contexts (two stations, two IndexedDBs) and a
 * nats-server of our own on loopback. 金山 吕巷派出所 is the destination, 平湖 乍浦镇派出所 the origin.
 */
let nats: TestNatsServer;
test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.use({ actionTimeout: 20_000 });
test.beforeAll(async () => {
  nats = await startNatsServer();
});
test.afterAll(async () => {
  await nats.dispose();
});

interface Resident {
  id: string;
  name: string;
  idNumber: string;
}

/** Registered residents of this station, read straight from its IndexedDB and opened (a fixture, not the UI under test). */
async function residents(page: Page): Promise<Resident[]> {
  const rows = await openedRows<{ id: string; name: string; idNumber: string; status: { code: string } }>(page, 'persons');
  return rows.filter((r) => r.status.code === 'registered').map((r) => ({ id: r.id, name: r.name, idNumber: r.idNumber }));
}

async function personStatus(page: Page, idNumber: string): Promise<string[]> {
  const rows = await openedRows<{ idNumber: string; status: { code: string; reference: string } }>(page, 'persons');
  return rows.filter((r) => r.idNumber === idNumber).map((r) => `${r.status.code}:${r.status.reference}`);
}

/** Picks an option and waits until the select shows it: a click while the dropdown opens or closes can be lost. */
async function intake(page: Page, person: Resident): Promise<string> {
  await page.goto('/#/migration');
  await page.getByTestId('new-intake').click();
  const form = page.getByTestId('intake-form');
  await page.getByTestId('intake-origin').locator('input').click();
  await page.locator('.el-cascader-panel:visible').getByText('浙江省').click();
  await page.locator('.el-cascader-panel:visible').getByText('平湖市').click();
  await page.locator('.el-cascader-panel:visible').getByText('乍浦镇派出所').click();
  await form.getByTestId('applicant-idNumber').fill(person.idNumber);
  await form.getByTestId('applicant-idNumber').blur();
  await form.getByTestId('applicant-name').fill(person.name);
  await form.getByTestId('intake-phone').fill('13800138000');
  await form.getByTestId('intake-currentAddress').fill('浙江省平湖市乍浦镇雅山路1号');
  await page.getByTestId('intake-household').click();
  await page.locator('.el-select-dropdown:visible').getByRole('option').first().click();
  await form.getByTestId('intake-householderName').fill('张伟');
  await form.getByTestId('intake-sponsorName').fill('张伟');
  await pickOption(page, 'intake-relationship', '妻');
  // Submitting without the notice and the documents: errors beside the fields, nothing created.
  await page.getByTestId('intake-submit').click();
  await expect(form).toContainText('申请人须签署网上迁移告知单');
  await expect(form).toContainText('尚缺必需材料');
  for (const doc of ['idCard', 'hukouBook', 'optInNotice', 'hostHukouBook', 'marriageCertificate']) await page.getByTestId(`doc-${doc}`).click();
  await page.getByTestId('intake-noticeSigned').click();
  await expect(page.getByTestId('draft-state')).toContainText('草稿已自动保存');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('case-status')).toHaveText('待审批');
  const id = page.url().split('/case/')[1] ?? '';
  expect(id).not.toBe('');
  return id;
}

async function approve(page: Page, caseId: string): Promise<void> {
  await signOut(page);
  await signIn(page, 'approver');
  await page.goto(`/#/migration/case/${caseId}`);
  // 审批意见 first, then a confirmation: the permit goes to the origin at once.
  await page.getByTestId('action-approve').click();
  await page.getByTestId('approve-dialog-text').fill('材料齐全，符合夫妻投靠条件，同意迁入');
  await page.getByTestId('approve-dialog-save').click();
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已准迁');
  await expect(page.getByTestId('permit-number')).toHaveText(/^ZQ310116520000\d{9}$/);
  await expect(page.getByTestId('case-timeline')).toContainText('审批通过');
  await signOut(page);
  await signIn(page, 'window');
}

async function openFromQueue(page: Page, caseId: string): Promise<void> {
  await page.goto('/#/migration');
  await page.getByTestId('tab-origin-queue').click();
  await expect(page.getByTestId(`case-link-${caseId}`).last()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId(`case-link-${caseId}`).last().click();
  await expect(page.getByTestId('case-status')).toHaveText('已准迁');
}

test('intake → approval → permit at the origin → certificate with 迁出 → settlement at the destination; and a return', async ({ browser }) => {
  const lvxiang = await connectedStation(browser, 'lvxiang', '吕巷派出所', nats.wsUrl);
  const zhapu = await connectedStation(browser, 'zhapu', '乍浦镇派出所', nats.wsUrl);
  const [first, second] = await residents(zhapu);
  if (!first || !second) throw new Error('the origin has no demo residents');

  const caseId = await intake(lvxiang, first);
  // Window staff see the approval the case waits for, but may not give it: trying is refused and audited.
  await expect(lvxiang.getByTestId('action-approve')).toHaveCount(0);
  await lvxiang.getByTestId('locked-action-approve').click();
  await expect(lvxiang.locator('.el-message--error')).toContainText('当前账号无权办理此项（需由人口办审批办理）');
  await expect(lvxiang.getByTestId('case-status')).toHaveText('待审批');
  await approve(lvxiang, caseId);

  await openFromQueue(zhapu, caseId);
  await expect(zhapu.getByTestId('compare-table')).toBeVisible();
  // The certificate is offered only once the contact with the applicant is on record.
  await expect(zhapu.getByTestId('action-return')).toBeVisible();
  await expect(zhapu.getByTestId('action-issueCertificate')).toHaveCount(0);
  await zhapu.getByTestId('action-recordContact').click();
  await zhapu.getByTestId('contact-confirmed').click();
  await zhapu.getByTestId('contact-note').fill('电话联系本人，确认迁移');
  await zhapu.getByTestId('contact-dialog-save').click();
  await expect(zhapu.getByTestId('contact-info')).toContainText('电话联系本人');
  await zhapu.getByTestId('action-issueCertificate').click();
  await zhapu.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
  await expect(zhapu.getByTestId('case-status')).toHaveText('已签发迁移证');
  const certificate = (await zhapu.getByTestId('certificate-number').textContent()) ?? '';
  expect(certificate).toMatch(/^QY330482520000\d{9}$/);
  expect(await personStatus(zhapu, first.idNumber)).toEqual([`movedOut:${certificate}`]);

  await lvxiang.goto(`/#/migration/case/${caseId}`);
  await expect(lvxiang.getByTestId('case-status')).toHaveText('已签发迁移证', { timeout: 30_000 });
  await expect(lvxiang.getByTestId('certificate-number')).toHaveText(certificate);
  await lvxiang.getByTestId('action-settle').click();
  await lvxiang.getByTestId('settle-dialog-save').click();
  await expect(lvxiang.getByTestId('case-status')).toHaveText('已落户');
  await expect(lvxiang.getByTestId('print-hukou')).toContainText(first.name);
  expect(await personStatus(lvxiang, first.idNumber)).toEqual(['registered:']);
  await expect(lvxiang.getByTestId('case-timeline')).toContainText('乍浦镇派出所');

  // A second case is returned with a reason from the list plus free text.
  const returnedId = await intake(lvxiang, second);
  await approve(lvxiang, returnedId);
  await openFromQueue(zhapu, returnedId);
  await zhapu.getByTestId('action-return').click();
  await pickOption(zhapu, 'return-reason', '无法联系申请人');
  await zhapu.getByTestId('return-text').fill('三次电话均未接通');
  await zhapu.getByTestId('return-dialog-save').click();
  await expect(zhapu.getByTestId('case-status')).toHaveText('已退回');
  expect(await personStatus(zhapu, second.idNumber)).toEqual(['registered:']);
  await lvxiang.goto(`/#/migration/case/${returnedId}`);
  await expect(lvxiang.getByTestId('case-status')).toHaveText('已退回', { timeout: 30_000 });
  await expect(lvxiang.getByTestId('return-info')).toContainText('无法联系申请人');
  await expect(lvxiang.getByTestId('return-info')).toContainText('三次电话均未接通');

  // The list: filters and counters.
  await lvxiang.goto('/#/migration');
  await expect(lvxiang.getByTestId('counter-settled')).toContainText('1');
  await lvxiang.getByTestId('case-list').getByTestId('filter-status').click();
  await lvxiang.locator('.el-select-dropdown:visible').getByRole('option', { name: '已落户' }).click();
  await expect(lvxiang.getByTestId('case-list').getByTestId('case-table')).toContainText(first.name);
  await expect(lvxiang.getByTestId('case-list').getByTestId('case-table')).not.toContainText(second.name);

  // The auditor finds both the refused attempt and the approval in the trail, and the chain verifies.
  await signOut(lvxiang);
  await signIn(lvxiang, 'auditor');
  await lvxiang.goto('/#/audit');
  await lvxiang.getByTestId('audit-filter-action').click();
  await lvxiang.locator('.el-select-dropdown:visible').getByRole('option', { name: '审批迁移', exact: true }).click();
  await lvxiang.getByRole('button', { name: '查询' }).click();
  const approvals = lvxiang.getByTestId('audit-entries').locator('tr', { hasText: `migration:${caseId}` }).filter({ hasText: 'migration.approve' });
  await expect(approvals.filter({ hasText: '拒绝' })).toContainText('310000:000001');
  await expect(approvals.filter({ hasText: '成功' })).toContainText('310000:000002');
  await lvxiang.getByTestId('audit-verify').click();
  await expect(lvxiang.getByTestId('audit-verify-result')).toContainText('审计链完整');
  await lvxiang.context().close();
  await zhapu.context().close();
});

/**
 * Reloads a window whose clock jumped weeks ahead: its sealed session expired meanwhile (12 hours), so window staff
 * sign in again, as they would the next morning, and go back to `path`.
 */
async function reloadAfterClockJump(page: Page, path: string): Promise<void> {
  await page.reload();
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 20_000 });
  await signIn(page, 'window');
  await page.goto(path);
}

test('a permit past its 40 days cannot be acted on; the destination declares it expired and the origin hears of it', async ({ browser }) => {
  const lvxiang = await connectedStation(browser, 'lvxiang', '吕巷派出所', nats.wsUrl);
  const zhapu = await connectedStation(browser, 'zhapu', '乍浦镇派出所', nats.wsUrl);
  const [person] = await residents(zhapu);
  if (!person) throw new Error('the origin has no demo residents');
  const caseId = await intake(lvxiang, person);
  await approve(lvxiang, caseId);
  await openFromQueue(zhapu, caseId);

  // 41 days later at the origin: nothing but a return is offered on the expired permit.
  const later = new Date(Date.now() + 41 * 24 * 3600 * 1000);
  await zhapu.clock.setFixedTime(later);
  await reloadAfterClockJump(zhapu, `/#/migration/case/${caseId}`);
  await expect(zhapu.getByTestId('permit-card')).toContainText('已过期');
  await expect(zhapu.getByTestId('action-return')).toBeVisible();
  await expect(zhapu.getByTestId('action-issueCertificate')).toHaveCount(0);
  await expect(zhapu.getByTestId('action-recordContact')).toHaveCount(0);

  // The destination's list sweeps expired permits when it opens, and tells the origin.
  await lvxiang.clock.setFixedTime(later);
  await reloadAfterClockJump(lvxiang, '/#/migration');
  await expect(lvxiang.getByTestId('case-list').getByTestId(`case-status-${caseId}`)).toHaveText('准迁证明过期');
  await lvxiang.goto(`/#/migration/case/${caseId}`);
  await expect(lvxiang.getByTestId('case-timeline')).toContainText('准迁证明过期');
  await zhapu.goto(`/#/migration/case/${caseId}`);
  await expect(zhapu.getByTestId('case-status')).toHaveText('准迁证明过期', { timeout: 30_000 });
  await expect(zhapu.getByTestId('case-actions')).toContainText('本所当前无可办理事项');
  await lvxiang.context().close();
  await zhapu.context().close();
});
