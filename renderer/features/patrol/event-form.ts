import dayjs from 'dayjs';
import { parseCitizenId } from '@shared/validation/citizen-id';
import { parsePlate } from '@shared/validation/plate';
import type { PatrolEventRow, personResults } from '@shared/patrol/entries';
import type { PatrolEventType } from '@shared/patrol/entries';
import type { EventInput } from './store';

export interface EventFormValue {
  at: string;
  place: string;
  type: PatrolEventType;
  persons: { name: string; idNumber: string; result: (typeof personResults)[number] }[];
  plate: string;
  action: string;
  handoverTo: string;
  caseNumber: string;
}

export const emptyEventForm = (): EventFormValue => ({
  at: dayjs().format('YYYY-MM-DDTHH:mm'),
  place: '',
  type: 'stopCheck',
  persons: [],
  plate: '',
  action: '',
  handoverTo: '',
  caseNumber: '',
});

export const eventToForm = (e: PatrolEventRow): EventFormValue => ({
  at: dayjs(e.at).format('YYYY-MM-DDTHH:mm'),
  place: e.place,
  type: e.type,
  persons: e.persons.map((p) => ({ ...p })),
  plate: e.vehicle?.plate ?? '',
  action: e.action,
  handoverTo: e.handoverTo,
  caseNumber: e.caseNumber,
});

/** Errors beside each field, as i18n keys. */
export interface EventFormErrors {
  at?: string;
  place?: string;
  plate?: string;
  persons: Record<number, { name?: string; idNumber?: string }>;
}

export function validateEventForm(v: EventFormValue, today = new Date()): EventFormErrors {
  const errors: EventFormErrors = { persons: {} };
  if (!dayjs(v.at).isValid()) errors.at = 'patrol.errors.required';
  if (!v.place.trim()) errors.place = 'patrol.errors.required';
  if (v.plate.trim() && !parsePlate(v.plate).ok) errors.plate = 'patrol.errors.plate';
  v.persons.forEach((p, i) => {
    const e: { name?: string; idNumber?: string } = {};
    if (!p.name.trim()) e.name = 'patrol.errors.required';
    const id = parseCitizenId(p.idNumber, today);
    if (!id.ok) e.idNumber = `patrol.errors.idNumber.${id.error}`;
    if (e.name || e.idNumber) errors.persons[i] = e;
  });
  return errors;
}

export const hasErrors = (e: EventFormErrors): boolean => Boolean(e.at || e.place || e.plate || Object.keys(e.persons).length > 0);

export function formToEvent(v: EventFormValue): EventInput {
  const plate = v.plate.trim() ? parsePlate(v.plate) : null;
  return {
    at: dayjs(v.at).toISOString(),
    place: v.place.trim(),
    type: v.type,
    persons: v.persons.map((p) => {
      const id = parseCitizenId(p.idNumber);
      return { name: p.name.trim(), idNumber: id.ok ? id.info.value : p.idNumber, result: p.result };
    }),
    vehicle: plate?.ok ? { plate: plate.value.plate, province: plate.value.province.char } : null,
    action: v.action.trim(),
    handoverTo: v.handoverTo.trim(),
    caseNumber: v.caseNumber.trim(),
  };
}
