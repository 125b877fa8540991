import type { Page } from '@playwright/test';
import { expect as baseExpect, demoState, openSignedIn, test } from './support/demo-state';

/** Issue 16, records (items 1–4) on the screen: what a new window officer and a station admin tripped over. */
const expect = baseExpect.configure({ timeout: 15_000 });

/** ISO 7064 MOD 11-2, computed here independently of the app's validator. */
function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return '10X98765432'.charAt(sum % 11);
}

async function pickOption(page: Page, testid: string, label: string): Promise<void> {
  const select = page.getByTestId(testid);
  await expect(async () => {
    await select.click();
    await page.locator('.el-select-dropdown:visible').getByRole('option', { name: label, exact: true }).click({ timeout: 3_000 });
    await expect(select).toContainText(label, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test.describe('an empty station, window staff', () => {
  test.use({ storageState: demoState('development', 'window') });

  test('4, 1: the empty page offers 新建户; the household gets a 户号 and a picked district, and is listed under 户', async ({ page }) => {
    await openSignedIn(page, '/#/records');
    await expect(page.getByTestId('records-empty-hint')).toContainText('可以新建户');
    await page.getByTestId('empty-new-household').click();
    const dialog = page.getByTestId('household-dialog');
    // 户号 assigned from the station's sequence (蒸淀 310118520000 → 520000001), editable.
    await expect(dialog.getByTestId('household-number')).toHaveValue('520000001');
    await expect(dialog.getByTestId('household-number-hint')).toBeVisible();
    // The district is picked, not typed: the station's own is preset; typing a name filters.
    const cascader = dialog.getByTestId('household-division');
    await expect(cascader.locator('input')).toHaveValue(/青浦区/);
    await cascader.click();
    await cascader.locator('input').fill('嘉善');
    await page.locator('.el-cascader__suggestion-item', { hasText: '嘉善县' }).click();
    await expect(cascader.locator('input')).toHaveValue(/嘉善县/);
    await dialog.getByTestId('household-address').fill('浙江省嘉兴市嘉善县姚庄镇丁栅村8号');
    await dialog.getByTestId('household-save').click();
    await expect(page.getByTestId('household-view')).toBeVisible();
    await expect(page.getByTestId('household-division-name')).toHaveText('浙江省嘉兴市嘉善县（330421）');

    // The empty household is found again: the 户 tab lists it, by 户号 and by address.
    await page.goto('/#/records');
    await page.locator('#tab-households').click();
    const results = page.getByTestId('household-results');
    await page.getByTestId('household-search-input').fill('520000001');
    await page.getByTestId('household-search-input').press('Enter');
    await expect(results.locator('tbody tr')).toHaveCount(1);
    await expect(results.getByTestId('household-result-householder')).toHaveText('（暂无户主）');
    await page.getByTestId('household-search-input').fill('丁栅村');
    await page.getByTestId('household-search-input').press('Enter');
    await expect(results.getByTestId('household-result-number')).toHaveText('520000001');
  });
});

test.describe('an empty station, station admin', () => {
  test.use({ storageState: demoState('development', 'stationAdmin') });

  test('4: the empty page does not tell the admin to 新建户, and shows no such button', async ({ page }) => {
    await openSignedIn(page, '/#/records');
    const hint = page.getByTestId('records-empty-hint');
    await expect(hint).toContainText('由窗口民警办理');
    await expect(hint).not.toContainText('可以新建户');
    await expect(page.getByTestId('new-household')).toHaveCount(0);
    await expect(page.getByTestId('empty-new-household')).toHaveCount(0);
  });
});

test.describe('a station with residents, window staff', () => {
  test.use({ storageState: demoState('developmentResidents', 'window') });

  test('3, 2: errors refresh once touched; the person is found by the last 4 of the ID and by the given name', async ({ page }) => {
    await openSignedIn(page, '/#/records');
    await page.getByTestId('new-household').click();
    const household = page.getByTestId('household-dialog');
    await household.getByTestId('household-address').fill('上海市青浦区金泽镇任屯村16号');
    await household.getByTestId('household-save').click();
    await expect(page.getByTestId('household-view')).toBeVisible();

    await page.getByTestId('add-member').click();
    const dialog = page.getByTestId('person-dialog');
    const body = '31011819940315027';
    const id = body + checkCharacter(body);
    const wrong = body + (checkCharacter(body) === '1' ? '2' : '1');
    await dialog.getByTestId('person-name').fill('柏雨澄');
    await dialog.getByTestId('person-idNumber').fill(wrong);
    // Leaving the field shows its error at once, before any 保存.
    await dialog.getByTestId('person-name').focus();
    await expect(dialog.getByTestId('field-idNumber')).toContainText('身份证号校验码不正确');
    await pickOption(page, 'person-relationship', '户主');
    await dialog.getByTestId('person-save').click();
    await expect(dialog.getByTestId('field-sex')).toContainText('必填');
    // Corrected: 校验码不正确 goes as the ID is typed; 性别 "必填" goes when the ID fills it in.
    await dialog.getByTestId('person-idNumber').fill(id);
    await expect(dialog.getByTestId('field-idNumber')).not.toContainText('校验码');
    await dialog.getByTestId('person-idNumber').blur();
    await expect(dialog.getByTestId('person-sex')).toContainText('男');
    await expect(dialog.getByTestId('field-sex')).not.toContainText('必填');
    await dialog.getByTestId('person-save').click();
    await expect(dialog).toBeHidden();

    await page.goto('/#/records');
    for (const text of [id.slice(-4), '雨澄', '19940315']) {
      await page.getByTestId('search-input').fill(text);
      await page.getByTestId('search-input').press('Enter');
      await expect(page.getByTestId('results').getByTestId('result-name').filter({ hasText: '柏雨澄' })).toHaveCount(1);
    }
  });
});
