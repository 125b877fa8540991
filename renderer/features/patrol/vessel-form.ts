import { parseCitizenId } from '@shared/validation/citizen-id';
import { looksLikeVesselId, parseVesselId } from '@shared/validation/vessel-id';
import type { personResults } from '@shared/patrol/entries';
import { FOREIGN_PORT, type VesselInspection, type VesselType } from '@shared/patrol/vessel';

/**
 * The 一点四检 forms' pure parts: what the one entry field means (a vessel name or a 船舶识别号), the ports offered
 * first, and the vessel details form with its errors as i18n keys beside each field.
 */

/** Ports of registry offered first (GB/T 2260 city codes of the Delta's river and sea ports), then 境外. */
export const COMMON_PORTS = [
  '310000',
  '320100',
  '320200',
  '320400',
  '320500',
  '320600',
  '320900',
  '321000',
  '321100',
  '321200',
  '330100',
  '330200',
  '330300',
  '330400',
  '330500',
  '330600',
  '330900',
  '331000',
  '340100',
  '340200',
  '340500',
  '340700',
  '340800',
  FOREIGN_PORT,
] as const;

export type VesselEntry = { ok: true; vesselName: string; vesselNumber: string } | { ok: false; error: string };

/**
 * The entry field takes either: text that starts like a number (CN…, IMO…, digits) must be a valid 船舶识别号;
 * anything else is the vessel's name (船名), its number added later in the details.
 */
export function parseVesselEntry(text: string, today = new Date()): VesselEntry {
  const value = text.trim();
  if (!value) return { ok: false, error: 'patrol.errors.required' };
  if (looksLikeVesselId(value)) {
    const parsed = parseVesselId(value, today);
    return parsed.ok ? { ok: true, vesselName: '', vesselNumber: parsed.value } : { ok: false, error: `patrol.errors.vesselNumber.${parsed.error}` };
  }
  if ([...value].length > 40) return { ok: false, error: 'patrol.errors.vesselNameLong' };
  return { ok: true, vesselName: value, vesselNumber: '' };
}

export interface VesselFormValue {
  vesselName: string;
  vesselNumber: string;
  portOfRegistry: string;
  vesselType: VesselType;
  cargo: string;
  dangerousGoods: string;
  persons: { name: string; idNumber: string; result: (typeof personResults)[number]; role: 'crew' | 'passenger' }[];
}

export const vesselToForm = (v: VesselInspection): VesselFormValue => ({
  vesselName: v.vesselName,
  vesselNumber: v.vesselNumber,
  portOfRegistry: v.portOfRegistry,
  vesselType: v.vesselType,
  cargo: v.cargo,
  dangerousGoods: v.dangerousGoods,
  persons: v.persons.map((p) => ({ ...p })),
});

export interface VesselFormErrors {
  vesselName?: string;
  vesselNumber?: string;
  persons: Record<number, { name?: string; idNumber?: string }>;
}

export function validateVesselForm(v: VesselFormValue, today = new Date()): VesselFormErrors {
  const errors: VesselFormErrors = { persons: {} };
  if (!v.vesselName.trim() && !v.vesselNumber.trim()) errors.vesselName = 'patrol.errors.vesselNameOrNumber';
  if ([...v.vesselName.trim()].length > 40) errors.vesselName = 'patrol.errors.vesselNameLong';
  if (v.vesselNumber.trim()) {
    const parsed = parseVesselId(v.vesselNumber, today);
    if (!parsed.ok) errors.vesselNumber = `patrol.errors.vesselNumber.${parsed.error}`;
  }
  v.persons.forEach((p, i) => {
    const e: { name?: string; idNumber?: string } = {};
    if (!p.name.trim()) e.name = 'patrol.errors.required';
    const id = parseCitizenId(p.idNumber, today);
    if (!id.ok) e.idNumber = `patrol.errors.idNumber.${id.error}`;
    if (e.name || e.idNumber) errors.persons[i] = e;
  });
  return errors;
}

export const hasVesselErrors = (e: VesselFormErrors): boolean => Boolean(e.vesselName || e.vesselNumber || Object.keys(e.persons).length > 0);

/** The form onto the vessel row: the number normalised, ID numbers as GB 11643 writes them. */
export function formToVessel(vessel: VesselInspection, v: VesselFormValue): VesselInspection {
  const number = v.vesselNumber.trim() ? parseVesselId(v.vesselNumber) : null;
  return {
    ...vessel,
    vesselName: v.vesselName.trim(),
    vesselNumber: number?.ok ? number.value : '',
    portOfRegistry: v.portOfRegistry,
    vesselType: v.vesselType,
    cargo: v.cargo.trim(),
    dangerousGoods: v.dangerousGoods.trim(),
    persons: v.persons.map((p) => {
      const id = parseCitizenId(p.idNumber);
      return { name: p.name.trim(), idNumber: id.ok ? id.info.value : p.idNumber, result: p.result, role: p.role };
    }),
  };
}
