import { z } from 'zod';
import { officerRef } from '../officer';
import { isoDate } from './fields';

/**
 * 户籍事项证明: only the matters a station still certifies since 公通字〔2016〕21号 (not what the ID card or
 * 户口簿 already shows).
 */
export const certificateMatters = ['sameperson', 'movedOut', 'cancelled', 'kinship', 'temporaryIdentity'] as const;
export const certificateMatter = z.enum(certificateMatters);
export type CertificateMatter = z.infer<typeof certificateMatter>;

export const certificateInput = z.object({
  matter: certificateMatter,
  /** The certified fact in words (e.g. 曾用名 张三 与现用名 张山 系同一人). */
  statement: z.string().trim().min(4, 'statement').max(300, 'tooLong'),
  purpose: z.string().trim().min(2, 'required').max(100, 'tooLong'),
  validDays: z.coerce.number().int('validDays').min(1, 'validDays').max(365, 'validDays'),
});
export type CertificateInput = z.input<typeof certificateInput>;

export const certificateRow = z.object({
  id: z.string(),
  /** e.g. 310118520000-2026-00001: station code, year, sequence within the year. */
  number: z.string(),
  personId: z.string(),
  matter: certificateMatter,
  statement: z.string(),
  purpose: z.string(),
  stationCode: z.string(),
  stationName: z.string(),
  officer: officerRef,
  issuedAt: z.string(),
  issueDate: isoDate,
  validUntil: isoDate,
  /** The person's items as printed, so a reprint shows what was certified even after later edits. */
  person: z.object({ name: z.string(), formerNames: z.string(), sex: z.string(), idNumber: z.string(), birthDate: z.string(), address: z.string() }),
});
export type CertificateRow = z.infer<typeof certificateRow>;

export function certificateNumber(stationCode: string, year: number, sequence: number): string {
  return `${stationCode}-${year}-${String(sequence).padStart(5, '0')}`;
}
