// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import type { TimelineEntry } from '@shared/migration/model';
import { createAppI18n } from '@renderer/platform/i18n/setup';
import { appMessages } from '@renderer/app/composition';
import CaseTimeline from '@renderer/features/migration/components/CaseTimeline.vue';

// Features' messages load from their own chunks (as after the app's first screen).
const appMessageModules = await appMessages();

const station = { code: '330482520000', name: '乍浦镇派出所', province: '330000' as const, districtName: '平湖市' };
const entries: TimelineEntry[] = [
  { at: '2026-11-20T02:00:00.000Z', transition: 'approve', status: 'permitIssued', station: { ...station, code: '310116520000', name: '吕巷派出所', province: '310000' }, officerKey: '310000:000002', officerName: '李敏', note: '' },
  // Recorded by the origin's software when the permit arrived: no officer.
  { at: '2026-11-20T02:01:00.000Z', transition: 'received', status: 'permitIssued', station, officerKey: 'system', officerName: '', note: '' },
];

function actors(locale: 'zh-CN' | 'en'): string[] {
  const wrapper = mount(CaseTimeline, { props: { entries }, global: { plugins: [createAppI18n(appMessageModules, locale), ElementPlus] } });
  const texts = wrapper.findAll('.who').map((w) => w.text());
  wrapper.unmount();
  return texts;
}

describe('the case timeline names who took each step in the UI language', () => {
  it('in Chinese, a step the station recorded by itself reads 系统自动, not the key "system"', () => {
    expect(actors('zh-CN')).toEqual(['吕巷派出所 · 李敏', '乍浦镇派出所 · 系统自动']);
  });

  it('in English, the same step reads "automatic"', () => {
    expect(actors('en')).toEqual(['吕巷派出所 · 李敏', '乍浦镇派出所 · automatic']);
  });
});
