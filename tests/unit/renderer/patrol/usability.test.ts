import { describe, expect, it } from 'vitest';
import { emptyHeaderForm, validateHeaderForm } from '@renderer/features/patrol/header-form';
import { formKeydown } from '@renderer/features/patrol/form-keys';
import { barChartOption, CHART_LEGEND_HEIGHT, pieChartOption } from '@renderer/features/patrol/report-charts';
import zhCN from '@renderer/features/patrol/messages/zh-CN';
import en from '@renderer/features/patrol/messages/en';
import { exampleCheckpoint } from '@shared/patrol/checkpoint';
import { JIASHAN, QINGPU } from '../../shared/patrol/fixtures';

/** A keydown as the form sees it: only what formKeydown reads. */
function key(init: { key: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; tag: string }) {
  let prevented = false;
  const target = { tagName: init.tag, closest: () => null, getAttribute: () => null };
  const event = {
    key: init.key,
    ctrlKey: init.ctrlKey ?? false,
    metaKey: init.metaKey ?? false,
    shiftKey: init.shiftKey ?? false,
    isComposing: false,
    target,
    preventDefault: () => (prevented = true),
    stopPropagation: () => undefined,
  } as unknown as KeyboardEvent;
  return { event, prevented: () => prevented };
}

describe('Enter 保存 in the patrol forms (issue 16, item 13)', () => {
  it('saves with Ctrl+Enter (or ⌘+Enter) from a textarea such as 处置情况; plain Enter there makes a new line', () => {
    let saves = 0;
    const onKey = formKeydown(() => (saves += 1), () => undefined);
    const plain = key({ key: 'Enter', tag: 'TEXTAREA' });
    onKey(plain.event);
    expect(saves).toBe(0);
    expect(plain.prevented()).toBe(false);
    const ctrl = key({ key: 'Enter', ctrlKey: true, tag: 'TEXTAREA' });
    onKey(ctrl.event);
    expect(saves).toBe(1);
    expect(ctrl.prevented()).toBe(true);
    onKey(key({ key: 'Enter', metaKey: true, tag: 'TEXTAREA' }).event);
    onKey(key({ key: 'Enter', tag: 'INPUT' }).event);
    expect(saves).toBe(3);
  });

  it('says so in the hint, in both languages', () => {
    expect(zhCN.header.saveHint).toContain('Ctrl+Enter');
    expect(en.header.saveHint).toContain('Ctrl+Enter');
  });
});

describe('checkpoint set-up (issue 16, item 12)', () => {
  it('does not name every station’s checkpoint 申嘉湖高速 省界卡口: this station’s last checkpoint, else its own name', () => {
    expect(emptyHeaderForm(QINGPU).checkpointName).toBe('');
    expect(emptyHeaderForm(QINGPU, undefined, { stationName: '乍浦镇派出所' }).checkpointName).toBe('乍浦镇派出所 卡口');
    const previous = { name: '乍浦港 道口', lanes: [{ lane: 1, plateProvinces: [], inspectingProvince: '330000' as const }] };
    const form = emptyHeaderForm(QINGPU, undefined, { previous, stationName: '乍浦镇派出所' });
    expect(form.checkpointName).toBe('乍浦港 道口');
    expect(form.lanes).toEqual(previous.lanes);
    expect(form.lanes).not.toBe(previous.lanes);
    expect(emptyHeaderForm(QINGPU).lanes).toEqual(exampleCheckpoint.lanes);
  });

  it('asks for the checkpoint name when the patrol uses lanes', () => {
    const form = { ...emptyHeaderForm(QINGPU), stationCodes: [QINGPU, JIASHAN], type: 'checkpoint' as const, endTime: '' };
    expect(validateHeaderForm(form, QINGPU)).toEqual({ checkpointName: 'patrol.errors.required' });
    expect(validateHeaderForm({ ...form, checkpointName: '  ' }, QINGPU)).toEqual({ checkpointName: 'patrol.errors.required' });
    expect(validateHeaderForm({ ...form, checkpointName: '申嘉湖高速 省界卡口' }, QINGPU)).toEqual({});
    expect(validateHeaderForm({ ...form, type: 'joint' }, QINGPU)).toEqual({});
  });
});

describe('report charts (issue 16, item 14)', () => {
  it('keeps the bar chart’s legend above the plot, clear of the axis', () => {
    const option = barChartOption(['2026-11-23', '2026-11-24'], [
      { name: '核查车辆', data: [3, 4] },
      { name: '核查人员', data: [5, 6] },
    ]);
    expect(option.legend.top).toBe(0);
    expect(option.legend.height).toBe(CHART_LEGEND_HEIGHT);
    expect(option.grid.top).toBeGreaterThanOrEqual(CHART_LEGEND_HEIGHT + 16);
    expect(option.grid.containLabel).toBe(true);
    expect(option.series.map((s) => s.data)).toEqual([
      [3, 4],
      [5, 6],
    ]);
  });

  it('labels every pie slice with its province and share, outside the pie, and keeps the legend below it', () => {
    const option = pieChartOption({ 沪: 0.5, 浙: 0.3, 苏: 0.15, 皖: 0.05 });
    const [series] = option.series;
    expect(series?.label.show).toBe(true);
    expect(series?.label.position).toBe('outside');
    expect(series?.label.formatter).toContain('{b}');
    expect(series?.label.formatter).toContain('{d}');
    expect(series?.labelLine.show).toBe(true);
    expect(series?.minShowLabelAngle).toBe(0);
    expect(series?.data).toEqual([
      { name: '沪', value: 0.5 },
      { name: '浙', value: 0.3 },
      { name: '苏', value: 0.15 },
      { name: '皖', value: 0.05 },
    ]);
    expect(option.legend.bottom).toBe(0);
    // The pie (centre 45 %, radius 50 % of the smaller side) ends above the legend row.
    expect(Number.parseFloat(series?.center[1] ?? '100') + Number.parseFloat(series?.radius ?? '100') / 2).toBeLessThan(75);
  });
});
