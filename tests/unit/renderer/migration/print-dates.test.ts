// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import type { HouseholdRow } from '@shared/domain/resident/household';
import type { PersonRow } from '@shared/domain/resident/person';
import { movePermit } from '@shared/migration/model';
import { createAppI18n } from '@renderer/platform/i18n/setup';
import { appMessages } from '@renderer/app/composition';
import HukouPagePrint from '@renderer/features/migration/components/HukouPagePrint.vue';
import PermitPrint from '@renderer/features/migration/components/PermitPrint.vue';

/**
 * Issue 16 §6 and §10 on the printed documents themselves, rendered on a PC set to UTC: the 户口簿 page's 登记日期
 * and the permit's 签发日期 on the Beijing calendar, and the approval opinion on the permit.
 */
const appMessageModules = await appMessages();
const zoneBefore = process.env['TZ'];
beforeAll(() => {
  process.env['TZ'] = 'UTC';
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zoneBefore;
});

const plugins = () => [createPinia(), createAppI18n(appMessageModules, 'zh-CN'), ElementPlus];
/** 01:30 on 3 December in Beijing: still 2 December on a UTC clock. */
const LATE_UTC = '2026-12-02T17:30:00.000Z';

const identity = { name: '李娜', formerName: '', sex: '2' as const, ethnicity: '01', birthDate: '1949-12-31', idNumber: '11010519491231002X' };
const station = { code: '310116520000', name: '吕巷派出所', province: '310000' as const, districtName: '金山区' };

describe('printed documents on a UTC PC', () => {
  it('the 户口簿 page gives 登记日期 on the Beijing calendar, like 迁来本址', () => {
    const person = {
      name: '李娜',
      relationship: '12',
      formerNames: '',
      sex: '2',
      ethnicity: '01',
      birthDate: '1949-12-31',
      idNumber: identity.idNumber,
      birthPlace: '',
      nativePlace: '',
      education: '',
      marital: '',
      workplace: '',
      occupation: '',
      movedToAddressDate: '2026-12-03',
      movedToAddressFrom: '平湖市乍浦镇雅山路1号',
      registeredAt: LATE_UTC,
      registeredBy: { province: '310000', policeNumber: '000001', name: '王芳' },
    } as PersonRow;
    const household = { number: '000777', address: '上海市金山区吕巷镇干巷路2号' } as HouseholdRow;
    const page = mount(HukouPagePrint, { props: { person, household, station: '吕巷派出所' }, global: { plugins: plugins() } });
    expect(page.get('[data-testid="print-hukou-registered"]').text()).toBe('2026-12-03');
    expect(page.get('[data-testid="print-hukou-moved-in"]').text().slice(0, 10)).toBe('2026-12-03');
  });

  it('the permit prints its issue time on a Beijing clock and the approval opinion', () => {
    const permit = movePermit.parse({
      number: 'ZQ310116520000202600001',
      person: identity,
      coMovers: [],
      currentAddress: '浙江省平湖市乍浦镇雅山路1号',
      destinationAddress: '上海市金山区吕巷镇干巷路2号',
      relationshipToHouseholder: '12',
      householderName: '张伟',
      category: 'spouse',
      issuingAuthority: '金山区公安分局 吕巷派出所',
      issuingStation: station,
      officer: { province: '310000', policeNumber: '000002', name: '李强' },
      issuedAt: LATE_UTC,
      validUntil: '2027-01-11',
      approvalOpinion: '材料齐全，同意迁入',
    });
    const sheet = mount(PermitPrint, { props: { permit }, global: { plugins: plugins() } });
    expect(sheet.get('[data-testid="print-permit-issued"]').text()).toBe('2026-12-03 01:30');
    expect(sheet.get('[data-testid="print-permit-opinion"]').text()).toBe('材料齐全，同意迁入');
  });

  it('a permit from a station that sent no opinion prints no opinion row', () => {
    const permit = movePermit.parse({
      number: 'ZQ310116520000202600002',
      person: identity,
      coMovers: [],
      currentAddress: '浙江省平湖市乍浦镇雅山路1号',
      destinationAddress: '上海市金山区吕巷镇干巷路2号',
      relationshipToHouseholder: '12',
      householderName: '张伟',
      category: 'spouse',
      issuingAuthority: '金山区公安分局 吕巷派出所',
      issuingStation: station,
      officer: { province: '310000', policeNumber: '000002', name: '李强' },
      issuedAt: LATE_UTC,
      validUntil: '2027-01-11',
    });
    const sheet = mount(PermitPrint, { props: { permit }, global: { plugins: plugins() } });
    expect(sheet.find('[data-testid="print-permit-opinion"]').exists()).toBe(false);
  });
});
