import type { Browser, Page } from '@playwright/test';
import { DEMO_STATIONS } from '../../shared/demo/demo-network';
import { demoContext, expect, openSignedIn, test } from './support/demo-state';

/** Issue 16, items 11–14: the checkpoint screen as officers use it at four lanes, the event dialog, signing, reports. */

const JIASHAN = DEMO_STATIONS.yaozhuang;

async function openPatrolLead(browser: Browser): Promise<Page> {
  const context = await demoContext(browser, 'zhendian', 'patrolLead');
  const page = await context.newPage();
  await openSignedIn(page);
  await expect(page.getByTestId('station')).toContainText('蒸淀派出所');
  return page;
}

/** A new checkpoint log; checks the set-up form on the way (item 12). */
async function newCheckpointLog(page: Page): Promise<void> {
  await page.goto('/#/patrol');
  await page.getByTestId('patrol-new-log').click();
  await page.getByTestId('header-type').click();
  await page.getByTestId('header-type-checkpoint').click();
  await page.getByTestId('header-stations').click();
  await page.getByTestId(`station-option-${JIASHAN}`).click();
  await page.getByTestId('header-checkpoint-name').fill('枫泾 沪浙道口');
  await page.getByTestId('header-operation').fill('沪浙边界联勤');
  await page.getByTestId('header-operation').press('Enter');
  await expect(page.getByTestId('log-number')).toHaveText(/^XL-/);
}

async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

test('checkpoint set-up: labelled lane rows, no borrowed checkpoint name; four vehicles open at once, each finished from its row', async ({ browser }) => {
  const page = await openPatrolLead(browser);
  await page.goto('/#/patrol');
  await page.getByTestId('patrol-new-log').click();
  await page.getByTestId('header-type').click();
  await page.getByTestId('header-type-checkpoint').click();

  // Item 12: the name comes from this station (not the 申嘉湖高速 example); cleared, a placeholder shows an example
  // and saving asks for it. Every lane field has a visible label above it.
  const name = page.getByTestId('header-checkpoint-name');
  await expect(name).toHaveValue('蒸淀派出所 卡口');
  await name.fill('');
  await expect(name).toHaveAttribute('placeholder', /申嘉湖高速/);
  const row = page.getByTestId('lane-row-0');
  for (const label of ['车道', '承检号牌', '检查单位所属省份']) {
    const field = row.locator('label.patrol-field', { hasText: label });
    await expect(field.locator('> span')).toBeVisible();
    const text = await field.locator('> span').boundingBox();
    const control = await field.locator('input').first().boundingBox();
    expect(text && control && text.y + text.height <= control.y + 1).toBe(true);
  }
  await page.getByTestId('header-stations').click();
  await page.getByTestId(`station-option-${JIASHAN}`).click();
  await name.click();
  await page.getByTestId('header-save').click();
  await expect(page.getByTestId('patrol-header-form').locator('.el-form-item', { has: name })).toContainText('必填');
  await name.fill('枫泾 沪浙道口');
  await page.getByTestId('header-operation').press('Enter');
  await expect(page.getByTestId('log-number')).toHaveText(/^XL-/);

  // Item 11: four vehicles under inspection at once, one per lane.
  await openTab(page, /一点两检/);
  const plate = page.getByTestId('inspection-plate');
  for (const p of ['沪A11111', '浙F22222', '浙F33333', '沪A44444']) {
    await plate.fill(p);
    await plate.press('Enter');
    await expect(page.locator(`[data-testid="inspection-current"][data-plate="${p.slice(0, 2)}·${p.slice(2)}"]`)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(plate).toBeFocused();
  }
  const rows = page.getByTestId('inspection-current');
  await expect(rows).toHaveCount(4);
  await expect(rows).toContainText(['1号车道', '2号车道', '3号车道', '4号车道']);
  await expect(page.getByTestId('figure-total')).toHaveText('0');
  await expect(page.getByTestId('figure-in-progress')).toHaveText('4');

  // The same plate cannot be open twice.
  await plate.fill('沪A11111');
  await plate.press('Enter');
  await expect(page.getByTestId('inspection-panel')).toContainText('沪A·11111 正在1号车道检查中，不能重复录入');
  await expect(rows).toHaveCount(4);
  await plate.fill('');

  // ↓ from the plate to the rows, ↓ to the second, 2 finishes that vehicle only.
  await plate.press('ArrowDown');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('data-plate', '浙F·22222');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('2');
  await expect(plate).toBeFocused();
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('figure-total')).toHaveText('1');
  await expect(page.getByTestId('figure-in-progress')).toHaveText('3');
  await expect(page.getByTestId('inspection-table')).toContainText('劝返');
  // The last row, reached by keyboard too.
  await plate.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toHaveAttribute('data-plate', '沪A·44444');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('4');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('figure-total')).toHaveText('2');
});

test('event dialog: Ctrl+Enter saves from 处置情况, a restored draft says so and can be discarded; signing needs people and an end time', async ({ browser }) => {
  const page = await openPatrolLead(browser);
  await newCheckpointLog(page);
  const logUrl = page.url();

  // Item 13: Ctrl+Enter in the 处置情况 text area saves, and the hint says so.
  await openTab(page, /事件记录/);
  await page.getByTestId('event-add').click();
  await expect(page.locator('.el-dialog')).toContainText('Ctrl+Enter');
  await page.getByTestId('event-place').fill('红旗塘大桥');
  const action = page.getByTestId('event-action');
  await action.fill('劝离');
  await action.press('Enter');
  await expect(page.getByTestId('event-form')).toBeVisible();
  await action.press('Control+Enter');
  await expect(page.getByTestId('event-form')).toBeHidden();
  await expect(page.getByTestId('event-table')).toContainText('红旗塘大桥');

  // A draft left by a reload is restored with a notice offering to discard it.
  await page.getByTestId('event-add').click();
  await page.getByTestId('event-place').fill('枫泾收费站');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('yrd-station');
            open.onsuccess = () => {
              const count = open.result.transaction('patrolDrafts').objectStore('patrolDrafts').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      ),
    )
    .toBeGreaterThan(0);
  await page.reload();
  await page.goto(logUrl);
  await openTab(page, /事件记录/);
  await page.getByTestId('event-add').click();
  await expect(page.getByTestId('event-place')).toHaveValue('枫泾收费站');
  await expect(page.getByTestId('event-form').getByTestId('draft-restored')).toContainText('已恢复上次未保存的草稿');
  await page.getByTestId('draft-discard').click();
  await expect(page.getByTestId('event-place')).toHaveValue('');
  await page.getByTestId('event-cancel').click();
  await expect(page.getByTestId('event-form')).toBeHidden();

  // Signing a log with nobody on patrol and no end time is refused, and the screen says why.
  await openTab(page, /签认与更正/);
  await expect(page.getByTestId('confirm-blocked-noPersonnel')).toContainText('本所尚未填写带班民警或队员');
  await expect(page.getByTestId('confirm-blocked-noEndTime')).toContainText('日志尚未填写结束时间');
  await expect(page.getByTestId('confirm-log')).toBeDisabled();
});

test('reports: the start date has a visible label beside it; the charts have room for their labels', async ({ browser }) => {
  const page = await openPatrolLead(browser);
  await page.goto('/#/patrol/reports');
  const label = page.getByTestId('report-from-label');
  await expect(label).toBeVisible();
  await expect(label).toHaveText('起始日期');
  const input = page.getByLabel('起始日期', { exact: true });
  await expect(input).toHaveAttribute('id', 'patrol-report-from');
  const [l, i] = [await label.boundingBox(), await input.boundingBox()];
  // On one line, the label first.
  expect(l && i && l.x + l.width <= i.x && l.y < i.y + i.height && i.y < l.y + l.height).toBe(true);
  // Each chart is wide enough for the pie's outside labels and a legend on one line, side by side, inside the view.
  const [bar, pie] = [await page.getByTestId('report-bar-chart').boundingBox(), await page.getByTestId('report-pie-chart').boundingBox()];
  const width = page.viewportSize()?.width ?? 0;
  for (const box of [bar, pie]) expect(box && box.width >= 380 && box.x + box.width <= width).toBe(true);
  expect(bar && pie && bar.x + bar.width <= pie.x && Math.abs(bar.y - pie.y) < 1).toBe(true);
});
