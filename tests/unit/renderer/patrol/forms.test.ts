import { describe, expect, it } from 'vitest';
import { overlayRecords } from '@shared/patrol/figures';
import { agencyId, emptyHeaderForm, formToHeader, headerToForm, validateHeaderForm } from '@renderer/features/patrol/header-form';
import { emptyEventForm, formToEvent, hasErrors, validateEventForm } from '@renderer/features/patrol/event-form';
import { header, inspection, JIASHAN, QINGPU } from '../../shared/patrol/fixtures';

const stations = [
  { code: QINGPU, name: '蒸淀派出所', province: '310000' as const },
  { code: JIASHAN, name: '姚庄派出所', province: '330000' as const },
];
const byCode = (code: string) => stations.find((s) => s.code === code);

describe('header form', () => {
  it('needs this station and a neighbour, valid times and unique lanes for a checkpoint', () => {
    const form = emptyHeaderForm(QINGPU);
    expect(validateHeaderForm(form, QINGPU).stationCodes).toBe('patrol.errors.stationsMin');
    form.stationCodes.push(JIASHAN);
    form.startTime = '8:00';
    form.endTime = '07:00';
    form.shift = 'day';
    expect(validateHeaderForm(form, QINGPU)).toMatchObject({ startTime: 'patrol.errors.time' });
    form.startTime = '08:00';
    expect(validateHeaderForm(form, QINGPU)).toEqual({ endTime: 'patrol.errors.endBeforeStart' });
    form.shift = 'night';
    expect(validateHeaderForm(form, QINGPU)).toEqual({});
    form.type = 'checkpoint';
    form.checkpointName = '申嘉湖高速 省界卡口';
    form.lanes = [{ lane: 1, plateProvinces: [], inspectingProvince: '310000' }, { lane: 1, plateProvinces: ['浙'], inspectingProvince: '330000' }];
    expect(validateHeaderForm(form, QINGPU)).toEqual({ lanes: 'patrol.errors.lanes' });
  });

  it('turns the form into a header with roster names and stable agency ids, and back', () => {
    const form = { ...emptyHeaderForm(QINGPU), stationCodes: [QINGPU, JIASHAN], type: 'checkpoint' as const, agencies: [{ name: '嘉兴海事局', agency: 'maritime' as const }] };
    const input = formToHeader(form, byCode);
    expect(input.units).toEqual([
      { kind: 'station', id: QINGPU, name: '蒸淀派出所', province: '310000' },
      { kind: 'station', id: JIASHAN, name: '姚庄派出所', province: '330000' },
      { kind: 'agency', id: 'agency-jia-xing-hai-shi-ju', name: '嘉兴海事局', agency: 'maritime' },
    ]);
    expect(input.checkpoint?.lanes.map((l) => l.lane)).toEqual([1, 2, 3, 4]);
    expect(formToHeader({ ...form, type: 'joint' }, byCode).checkpoint).toBeNull();
    expect(agencyId('  交通执法 2队 ')).toBe('agency-jiao-tong-zhi-fa-2-dui');
    const back = headerToForm(header());
    expect(back.stationCodes).toEqual([QINGPU, JIASHAN]);
    expect(back.agencies).toEqual([{ name: '海事', agency: 'maritime' }]);
  });
});

describe('event form', () => {
  it('shows the ID validator’s message beside the person and refuses invalid plates', () => {
    const form = { ...emptyEventForm(), place: '红旗塘', plate: '浙F1234O', persons: [{ name: '张三', idNumber: '110105194912310021', result: 'clear' as const }] };
    const errors = validateEventForm(form);
    expect(errors.plate).toBe('patrol.errors.plate');
    expect(errors.persons[0]?.idNumber).toBe('patrol.errors.idNumber.checksum');
    expect(hasErrors(errors)).toBe(true);
  });

  it('normalises the ID (x → X) and derives the plate province', () => {
    const form = { ...emptyEventForm(), place: '红旗塘', plate: '浙f·12345d', persons: [{ name: '张三', idNumber: '11010519491231002x', result: 'clear' as const }] };
    expect(hasErrors(validateEventForm(form))).toBe(false);
    const event = formToEvent(form);
    expect(event.persons[0]?.idNumber).toBe('11010519491231002X');
    expect(event.vehicle).toEqual({ plate: '浙F12345D', province: '浙' });
  });
});

describe('inspection overlay', () => {
  it('shows rows saved on this screen at once and keeps the newer revision', () => {
    const a = inspection();
    const b = inspection();
    const aNewer = { ...a, revision: 2, result: 'detain' as const };
    const merged = overlayRecords([a], new Map([[a.id, aNewer], [b.id, b]]));
    expect(merged).toEqual([aNewer, b]);
    expect(overlayRecords([aNewer], new Map([[a.id, a]]))).toEqual([aNewer]);
  });
});
