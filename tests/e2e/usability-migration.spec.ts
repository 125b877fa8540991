import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { startNatsServer, type TestNatsServer } from '../support/nats-server';
import type { Role } from '../../shared/domain/officer';
import { beijingDate, beijingDateTime } from '../../shared/domain/beijing-time';
import { signInOnForm, signOut } from './support/session';
import { demoContext, openSignedIn } from './support/demo-state';
import { openedRows } from './support/sealed-rows';

/**
 * Issue 16, migration (§5–§10) as officers meet it, on two PCs set to UTC (issue 16 "Done when": dates on a
 * deadline and on a printed page read in Beijing time whatever the PC's zone). 吕巷 is the destination, 乍浦 the
 * origin, on an exchange of this spec's own.
 */
const expect = baseExpect.configure({ timeout: 20_000 });
const ON_A_UTC_PC = { timezoneId: 'UTC' };
const PHONE = '13912345678';
const OPINION = '材料齐全，符合夫妻投靠条件，同意迁入';

let nats: TestNatsServer;
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ actionTimeout: 20_000 });
test.beforeAll(async () => {
  nats = await startNatsServer();
});
test.afterAll(async () => {
  await nats.dispose();
});

async function signIn(page: Page, role: Role): Promise<void> {
  try {
    await signInOnForm(page, role);
  } catch {
    // Password hashing on a busy 2-core machine can outlast the helper's wait.
    await expect(page.getByTestId('session-officer')).toBeVisible({ timeout: 60_000 });
  }
}

async function switchTo(page: Page, role: Role): Promise<void> {
  await signOut(page);
  await signIn(page, role);
}

/** A demo station's PC on UTC, signed in as window staff; connected to the exchange when `online`. */
async function station(browser: Browser, install: 'lvxiang' | 'zhapu', online: boolean): Promise<Page> {
  const context = await demoContext(browser, install, 'stationAdmin', ON_A_UTC_PC);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  await openSignedIn(page, online ? '/#/sync' : '/');
  if (online) {
    await page.getByTestId('sync-exchange-address').fill(nats.wsUrl);
    await page.getByTestId('sync-exchange-save').click();
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  }
  await switchTo(page, 'window');
  return page;
}

const okBox = (page: Page) => page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ });

interface Person {
  id: string;
  name: string;
  idNumber: string;
  householdId: string;
  phone: string;
  status: { code: string };
}
interface Household {
  id: string;
  number: string;
  householderId: string | null;
}

/** 受理 at 吕巷 for `who` from 乍浦; the destination household is the first the picker offers. Returns the case id. */
async function intake(page: Page, who: { name: string; idNumber: string }): Promise<{ caseId: string; householderName: string }> {
  await page.goto('/#/migration/intake');
  const form = page.getByTestId('intake-form');
  await page.getByTestId('intake-origin').locator('input').click();
  for (const step of ['浙江省', '平湖市', '乍浦镇派出所']) await page.locator('.el-cascader-panel:visible').getByText(step).click();
  await form.getByTestId('applicant-idNumber').fill(who.idNumber);
  await form.getByTestId('applicant-idNumber').blur();
  await form.getByTestId('applicant-name').fill(who.name);
  await form.getByTestId('intake-phone').fill(PHONE);
  await form.getByTestId('intake-currentAddress').fill('浙江省平湖市乍浦镇雅山路1号');

  // §9: picking the household fills 户主 and 投靠人 from the station's own records.
  await page.getByTestId('intake-household').click();
  const option = page.locator('.el-select-dropdown:visible').getByRole('option').first();
  const number = ((await option.textContent()) ?? '').split(' · ')[0]?.trim() ?? '';
  await option.click();
  const household = (await openedRows<Household>(page, 'households')).find((h) => h.number === number);
  const householder = (await openedRows<Person>(page, 'persons')).find((p) => p.id === household?.householderId);
  if (!householder) throw new Error(`household ${number} has no householder`);
  await expect(form.getByTestId('intake-householderName')).toHaveValue(householder.name);
  await expect(form.getByTestId('intake-sponsorName')).toHaveValue(householder.name);

  await page.getByTestId('intake-relationship').click();
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: '妻' }).first().click();
  for (const doc of ['idCard', 'hukouBook', 'optInNotice', 'hostHukouBook', 'marriageCertificate']) await page.getByTestId(`doc-${doc}`).click();
  await page.getByTestId('intake-noticeSigned').click();
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('case-status')).toHaveText('待审批');
  return { caseId: page.url().split('/case/')[1] ?? '', householderName: householder.name };
}

/** Every Beijing minute (YYYY-MM-DD HH:mm) between two instants: what a time stamped between them may read. */
function beijingMinutesBetween(from: number, to: number): string[] {
  const out = new Set<string>();
  for (let t = from - 60_000; t <= to + 60_000; t += 30_000) out.add(beijingDateTime(t));
  return [...out];
}

test('approval with an opinion and a confirmation; the origin sees the phone and why the certificate waits; 落户 shows 户号 · address; dates in Beijing time on UTC PCs', async ({ browser }) => {
  const lvxiang = await station(browser, 'lvxiang', true);
  const zhapu = await station(browser, 'zhapu', true);
  // Someone 吕巷 has no record of (the demo stations share generated residents), so 落户 creates the record.
  const known = new Set((await openedRows<Person>(lvxiang, 'persons')).map((p) => p.idNumber));
  const applicant = (await openedRows<Person>(zhapu, 'persons')).find((p) => p.status.code === 'registered' && !known.has(p.idNumber));
  if (!applicant) throw new Error('乍浦 has no resident unknown to 吕巷');
  const { caseId } = await intake(lvxiang, applicant);

  // §6: 审批 asks for the opinion, then for confirmation; the opinion is in the case and on the permit.
  await switchTo(lvxiang, 'approver');
  await lvxiang.goto(`/#/migration/case/${caseId}`);
  await lvxiang.getByTestId('action-approve').click();
  await lvxiang.getByTestId('approve-dialog-save').click();
  await expect(lvxiang.getByTestId('approve-dialog')).toContainText('请填写审批意见');
  await lvxiang.getByTestId('approve-dialog-text').fill(OPINION);
  await lvxiang.getByTestId('approve-dialog-save').click();
  await expect(lvxiang.locator('.el-message-box')).toContainText(OPINION);
  await expect(lvxiang.getByTestId('case-status')).toHaveText('待审批');
  const approvedFrom = Date.now();
  await okBox(lvxiang).click();
  await expect(lvxiang.getByTestId('case-status')).toHaveText('已准迁');
  const approvedTo = Date.now();
  await expect(lvxiang.getByTestId('permit-opinion')).toContainText(OPINION);
  await lvxiang.getByTestId('print-permit-button').click();
  await expect(lvxiang.getByTestId('print-permit-opinion')).toHaveText(OPINION);
  // §10: the permit's issue time on a Beijing clock (a UTC PC read 8 hours early).
  const issued = (await lvxiang.getByTestId('print-permit-issued').textContent()) ?? '';
  expect(beijingMinutesBetween(approvedFrom, approvedTo)).toContain(issued.trim());
  await switchTo(lvxiang, 'window');

  // §8, §10, §7 at the origin: the phone to call, the deadline at 23:59 Beijing, and why the certificate waits.
  await zhapu.goto('/#/migration');
  await zhapu.getByTestId('tab-origin-queue').click();
  await zhapu.getByTestId(`case-link-${caseId}`).last().click({ timeout: 30_000 });
  await expect(zhapu.getByTestId('case-phone')).toHaveText(PHONE);
  await expect(zhapu.getByTestId('case-deadline')).toHaveText(/^\d{4}-\d{2}-\d{2} 23:59 前$/);
  await expect(zhapu.getByTestId('permit-opinion')).toContainText(OPINION);
  await expect(zhapu.getByTestId('blocked-action-issueCertificate')).toBeDisabled();
  await expect(zhapu.getByTestId('blocked-reason-issueCertificate')).toContainText('请先记录与申请人的核实联系');
  await zhapu.getByTestId('action-recordContact').click();
  await expect(zhapu.getByTestId('contact-needs')).toContainText(PHONE);
  await expect(zhapu.getByTestId('contact-needs')).toContainText('申请人确认迁移意愿');
  await zhapu.getByTestId('contact-note').fill('电话未接通');
  await zhapu.getByTestId('contact-dialog-save').click();
  await expect(zhapu.locator('.el-message-box')).toContainText('保存后仍不能签发户口迁移证');
  await okBox(zhapu).click();
  await expect(zhapu.getByTestId('contact-info')).toContainText('未确认迁移意愿');
  await expect(zhapu.getByTestId('action-issueCertificate')).toHaveCount(0);
  await expect(zhapu.getByTestId('blocked-reason-issueCertificate')).toContainText('申请人尚未确认迁移意愿');
  await zhapu.getByTestId('action-recordContact').click();
  await zhapu.getByTestId('contact-confirmed').click();
  await zhapu.getByTestId('contact-dialog-save').click();
  await expect(zhapu.getByTestId('contact-info')).toContainText('已确认迁移意愿');
  await expect(zhapu.getByTestId('blocked-action-issueCertificate')).toHaveCount(0);
  await zhapu.getByTestId('action-issueCertificate').click();
  await okBox(zhapu).click();
  await expect(zhapu.getByTestId('case-status')).toHaveText('已签发迁移证');

  // §5: the 落户 dialog shows the preset household as 户号 · address, not its internal id.
  await lvxiang.goto(`/#/migration/case/${caseId}`);
  await expect(lvxiang.getByTestId('case-status')).toHaveText('已签发迁移证', { timeout: 30_000 });
  await lvxiang.getByTestId('action-settle').click();
  const picker = lvxiang.getByTestId('settle-household');
  await expect(picker).toContainText(/\d{6,12} · \S+/);
  await expect(picker).not.toContainText(/[0-9A-HJKMNP-TV-Z]{26}/);
  const settledFrom = Date.now();
  await lvxiang.getByTestId('settle-dialog-save').click();
  await expect(lvxiang.getByTestId('case-status')).toHaveText('已落户');
  const settledTo = Date.now();

  // §10: the printed 户口簿 page gives 登记日期 and 迁来本址 on the same (Beijing) calendar.
  const registered = ((await lvxiang.getByTestId('print-hukou-registered').textContent()) ?? '').trim();
  const movedIn = ((await lvxiang.getByTestId('print-hukou-moved-in').textContent()) ?? '').trim().slice(0, 10);
  expect(registered).toBe(movedIn);
  expect([beijingDate(settledFrom), beijingDate(settledTo)]).toContain(registered);
  // §8: the applicant's phone is in the new resident record at the destination.
  const settled = (await openedRows<Person>(lvxiang, 'persons')).filter((p) => p.idNumber === applicant.idNumber && p.status.code === 'registered');
  expect(settled.map((p) => p.phone)).toEqual([PHONE]);
  await lvxiang.context().close();
  await zhapu.context().close();
});

test('rejection asks for the opinion and a confirmation, and keeps the opinion in the case', async ({ browser }) => {
  const lvxiang = await station(browser, 'lvxiang', false);
  const { caseId } = await intake(lvxiang, { name: '李娜', idNumber: '11010519491231002X' });
  await switchTo(lvxiang, 'approver');
  await lvxiang.goto(`/#/migration/case/${caseId}`);
  await lvxiang.getByTestId('action-reject').click();
  await expect(lvxiang.getByTestId('reject-dialog')).toContainText('审批意见');
  await lvxiang.getByTestId('reject-dialog-text').fill('结婚证与户口簿信息不一致');
  await lvxiang.getByTestId('reject-dialog-save').click();
  await expect(lvxiang.locator('.el-message-box')).toContainText('结婚证与户口簿信息不一致');
  await lvxiang.locator('.el-message-box').getByRole('button', { name: /取消|Cancel/ }).click();
  await expect(lvxiang.getByTestId('case-status')).toHaveText('待审批');
  await lvxiang.getByTestId('reject-dialog-save').click();
  await okBox(lvxiang).click();
  await expect(lvxiang.getByTestId('case-status')).toHaveText('不予批准');
  await expect(lvxiang.getByTestId('case-view')).toContainText('结婚证与户口簿信息不一致');
  await lvxiang.context().close();
});
