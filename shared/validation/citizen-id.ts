import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { z } from 'zod';
import { isKnownDivision } from './division-codes';

dayjs.extend(customParseFormat);

/**
 * GB 11643-1999 公民身份号码: 6-digit address code (GB/T 2260, where first registered), 8-digit birth date,
 * 3-digit sequence (odd = male), check character by ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type CitizenIdError = 'format' | 'checksum' | 'birthDate' | 'future' | 'addressCode';

export interface CitizenIdInfo {
  /** Normalised 18-character number (upper-case X; 15-digit legacy numbers upgraded). */
  value: string;
  addressCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'male' | 'female';
}

export type CitizenIdResult = { ok: true; info: CitizenIdInfo } | { ok: false; error: CitizenIdError };

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** Legacy 15-digit number (6 address + 6 date yymmdd + 3 sequence): insert 19 and append the check character. */
export function upgradeLegacyId(legacy: string): string {
  const body = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return body + checkCharacter(body);
}

export function normalizeCitizenId(raw: string): string {
  // A pasted number often carries spaces (3101 1819 …), hyphens or zero-width characters: cleaned, not refused.
  const trimmed = raw.replace(/[\s\u200B-\u200D\uFEFF-]/g, '').toUpperCase();
  return /^\d{15}$/.test(trimmed) ? upgradeLegacyId(trimmed) : trimmed;
}

/** `today` is passed in (not read from a clock here) so the rule is testable and the same on every side. */
export function parseCitizenId(raw: string, today: Date = new Date()): CitizenIdResult {
  const value = normalizeCitizenId(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, error: 'format' };
  if (checkCharacter(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, error: 'checksum' };
  const date = dayjs(value.slice(6, 14), 'YYYYMMDD', true);
  if (!date.isValid() || date.year() < 1850) return { ok: false, error: 'birthDate' };
  if (date.isAfter(dayjs(today), 'day')) return { ok: false, error: 'future' };
  const addressCode = value.slice(0, 6);
  if (!isKnownDivision(addressCode)) return { ok: false, error: 'addressCode' };
  const sex = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, info: { value, addressCode, birthDate: date.format('YYYY-MM-DD'), sex } };
}

export function isCitizenId(raw: string, today?: Date): boolean {
  return parseCitizenId(raw, today).ok;
}

/** A zod schema that normalises (X upper-case, 15→18) and validates. */
export const citizenId = z
  .string()
  .transform((raw) => normalizeCitizenId(raw))
  .superRefine((value, ctx) => {
    const result = parseCitizenId(value);
    // The message is a stable error key (`idNumber.checksum`); the UI turns it into zh-CN or English.
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `idNumber.${result.error}` });
  });

/** Masked for lists: first 4 and last 4 shown (3101**********1238). */
export function maskCitizenId(value: string): string {
  if (value.length <= 8) return value;
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** Masked phone: 138****1234. */
export function maskPhone(value: string): string {
  if (value.length < 7) return value;
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
