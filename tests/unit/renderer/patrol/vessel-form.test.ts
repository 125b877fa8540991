import { describe, expect, it } from 'vitest';
import { isKnownDivision } from '@shared/validation/division-codes';
import { FOREIGN_PORT } from '@shared/patrol/vessel';
import { COMMON_PORTS, formToVessel, hasVesselErrors, parseVesselEntry, validateVesselForm, vesselToForm } from '@renderer/features/patrol/vessel-form';
import { emptyHeaderForm, formToHeader, headerToForm } from '@renderer/features/patrol/header-form';
import { JIASHAN, QINGPU } from '../../shared/patrol/fixtures';
import { vessel, waterHeader } from '../../shared/patrol/vessel-fixtures';

const today = new Date('2026-11-23T00:00:00Z');

describe('the one entry field (name or number)', () => {
  it('takes a number when it starts like one, a name otherwise', () => {
    expect(parseVesselEntry('cn20181234567', today)).toEqual({ ok: true, vesselName: '', vesselNumber: 'CN20181234567' });
    expect(parseVesselEntry('IMO 9074729', today)).toEqual({ ok: true, vesselName: '', vesselNumber: 'IMO9074729' });
    expect(parseVesselEntry(' 浙嘉货1234 ', today)).toEqual({ ok: true, vesselName: '浙嘉货1234', vesselNumber: '' });
  });

  it('says which rule a mistyped number breaks, as a message key', () => {
    expect(parseVesselEntry('IMO9074728', today)).toEqual({ ok: false, error: 'patrol.errors.vesselNumber.checksum' });
    expect(parseVesselEntry('CN2018123', today)).toEqual({ ok: false, error: 'patrol.errors.vesselNumber.format' });
    expect(parseVesselEntry('', today)).toEqual({ ok: false, error: 'patrol.errors.required' });
  });

  it('offers only real GB/T 2260 codes as ports', () => {
    expect(COMMON_PORTS.filter((c) => c !== FOREIGN_PORT && !isKnownDivision(c))).toEqual([]);
  });
});

describe('the vessel details form', () => {
  it('shows the errors beside the fields and writes normalised values', () => {
    const form = vesselToForm(vessel());
    form.vesselNumber = 'imo9074729';
    form.persons.push({ name: '', idNumber: '110105194912310021', result: 'clear', role: 'passenger' });
    const errors = validateVesselForm(form, today);
    expect(errors.persons[1]).toEqual({ name: 'patrol.errors.required', idNumber: 'patrol.errors.idNumber.checksum' });
    expect(hasVesselErrors(errors)).toBe(true);
    form.persons.pop();
    expect(hasVesselErrors(validateVesselForm(form, today))).toBe(false);
    expect(formToVessel(vessel(), form).vesselNumber).toBe('IMO9074729');
    expect(validateVesselForm({ ...form, vesselName: '', vesselNumber: '' }, today).vesselName).toBe('patrol.errors.vesselNameOrNumber');
  });
});

describe('the water checkpoint set-up in the header form', () => {
  const stations = [
    { code: QINGPU, name: '蒸淀派出所', province: '310000' as const },
    { code: JIASHAN, name: '姚庄派出所', province: '330000' as const },
  ];
  const byCode = (code: string) => stations.find((s) => s.code === code);

  it('writes the 责令整改 rule and keeps agency hosts whose agency and station remain', () => {
    const form = {
      ...emptyHeaderForm(QINGPU),
      type: 'water' as const,
      stationCodes: [QINGPU, JIASHAN],
      agencies: [{ name: '交通执法', agency: 'transport' as const }],
      rectification: 'release' as const,
      hosts: [
        { unitId: 'agency-jiao-tong-zhi-fa', station: JIASHAN },
        { unitId: 'agency-gone', station: JIASHAN },
      ],
    };
    const input = formToHeader(form, byCode);
    expect(input.water).toEqual({ rectification: 'release', hosts: [{ unitId: 'agency-jiao-tong-zhi-fa', station: JIASHAN }] });
    expect('water' in formToHeader({ ...form, type: 'checkpoint' }, byCode)).toBe(false);
    expect(headerToForm(waterHeader({ water: { rectification: 'release', hosts: [] } })).rectification).toBe('release');
    expect(headerToForm(waterHeader()).rectification).toBe('hold');
  });
});
