import { z } from 'zod';
import { certificateMatters, type CertificateMatter } from '../domain/resident/certificate';
import { stationCode } from '../domain/station';
import { migrationCategories, type MigrationCategory } from '../migration/categories';
import { patrolTypes, shifts, type PatrolType } from '../patrol/log';
import { policeNumber } from '../validation/police-number';
import { dayNumber, isCodeText, isWellFormed } from './bytes';

/**
 * The signed statement a printed document carries in its QR code (docs/verify.md): the facts a verifier compares
 * with the paper. Every enumeration has an explicit wire code here, never its position in a domain list, so
 * reordering a list elsewhere cannot change what old documents mean.
 */
export const documentTypes = ['recordsCertificate', 'movePermit', 'migrationCertificate', 'householdPage', 'patrolLog'] as const;
export const documentType = z.enum(documentTypes);
/** recordsCertificate 户籍事项证明 · movePermit 准予迁入证明 · migrationCertificate 户口迁移证 · householdPage 户口簿页 · patrolLog 巡逻日志 */
export type DocumentType = z.infer<typeof documentType>;

export const DOCUMENT_TYPE_CODES = {
  recordsCertificate: 1,
  movePermit: 2,
  migrationCertificate: 3,
  householdPage: 4,
  patrolLog: 5,
} as const satisfies Record<DocumentType, number>;

export const MATTER_CODES = {
  sameperson: 1,
  movedOut: 2,
  cancelled: 3,
  kinship: 4,
  temporaryIdentity: 5,
} as const satisfies Record<CertificateMatter, number>;

export const CATEGORY_CODES = {
  spouse: 1,
  parentsToChild: 2,
  childToParents: 3,
  talent: 4,
  jobTransfer: 5,
  student: 6,
  graduate: 7,
} as const satisfies Record<MigrationCategory, number>;

export const PATROL_TYPE_CODES = {
  joint: 1,
  armed: 2,
  checkpoint: 3,
  water: 4,
  expressway: 5,
} as const satisfies Record<PatrolType, number>;

export const SHIFT_CODES = { early: 1, day: 2, night: 3 } as const satisfies Record<(typeof shifts)[number], number>;

/** Reverse lookup of a code table; undefined for a code the table does not have. */
export function nameOfCode<K extends string>(table: Record<K, number>, code: number): K | undefined {
  return (Object.keys(table) as K[]).find((k) => table[k] === code);
}

/** At most this many persons on one statement (applicant and up to 10 co-movers, as the migration intake allows). */
export const MAX_PERSONS = 11;
export const MAX_NAME_UNITS = 30;
export const MAX_DETAIL_UNITS = 40;
export const MAX_PATROL_STATIONS = 20;

const isoDate = z.string().refine((d) => dayNumber(d) !== null, 'date');
const documentNumber = z.string().min(1).max(60).refine(isCodeText, 'documentNumber');
const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine(isWellFormed, 'text')
    .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'text');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');
/** GB/T 4761 relationship to the householder: two digits. */
const relationshipCode = z.string().regex(/^\d{2}$/, 'relationship');

/** A person the document certifies, as the issuing station knows them (the full ID number). */
export const subjectInput = z.object({
  name: text(MAX_NAME_UNITS, 1),
  idNumber: z.string().refine((v) => normalizeIdNumber(v) !== null, 'idNumber'),
});
export type SubjectInput = z.input<typeof subjectInput>;

const header = {
  number: documentNumber,
  issuingStation: stationCode,
  /** 警号 of the issuing officer; the officer's province is the issuing station's (its first two digits). */
  officer: policeNumber,
  issueDate: isoDate,
  /** Last day of validity (Beijing calendar), or null when the document does not expire (户口簿页, patrol log). */
  validUntil: isoDate.refine((d) => dayNumber(d) !== 0, 'date').nullable(),
};

/** What the issuing side gives to sign: the facts, with full ID numbers (the statement keeps only a keyed digest). */
export const statementInput = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('recordsCertificate'),
      ...header,
      matter: z.enum(certificateMatters),
      subject: subjectInput,
      /** The matter's particular in a few words, e.g. the former name (曾用名) or the kin and relation. */
      detail: text(MAX_DETAIL_UNITS),
    }),
    z.object({
      type: z.literal('movePermit'),
      ...header,
      category: z.enum(migrationCategories),
      /** The station where the hukou is now, which the permit asks to release it (迁出地). */
      originStation: stationCode,
      /** Applicant first, then co-movers (随迁人员). */
      persons: z.array(subjectInput).min(1).max(MAX_PERSONS),
    }),
    z.object({
      type: z.literal('migrationCertificate'),
      ...header,
      category: z.enum(migrationCategories),
      /** The station that issued the permit and will settle the persons (迁入地). */
      destinationStation: stationCode,
      permitNumber: documentNumber,
      persons: z.array(subjectInput).min(1).max(MAX_PERSONS),
    }),
    z.object({
      type: z.literal('householdPage'),
      ...header,
      /** 户号 */
      householdNumber: documentNumber,
      /** GB/T 2260 code of the district the household's address lies in. */
      divisionCode: z.string().regex(/^\d{6}$/, 'divisionCode'),
      relationship: relationshipCode,
      subject: subjectInput,
    }),
    z.object({
      type: z.literal('patrolLog'),
      ...header,
      patrolDate: isoDate,
      patrolType: z.enum(patrolTypes),
      shift: z.enum(shifts),
      startTime: clock,
      endTime: clock.nullable(),
      /** Participating stations (the owner first); agencies without a station code are not listed. */
      stations: z.array(stationCode).min(1).max(MAX_PATROL_STATIONS),
      eventRows: z.number().int().min(0).max(0xffff),
      inspections: z.number().int().min(0).max(0xffff),
    }),
  ])
  .refine((s) => s.validUntil === null || (dayNumber(s.validUntil) ?? 0) >= (dayNumber(s.issueDate) ?? 0), {
    message: 'validUntil',
    path: ['validUntil'],
  });
export type StatementInput = z.input<typeof statementInput>;

/** A person as the statement carries them: the name, the ID number's last four characters and a keyed digest. */
export interface Subject {
  name: string;
  idLast4: string;
  /** 12 hex digits: the first 6 bytes of HMAC-SHA256 (see id-digest.ts). */
  idDigest: string;
}

interface StatementHeader {
  number: string;
  issuingStation: string;
  officer: string;
  issueDate: string;
  validUntil: string | null;
}

/** The decoded facts of a document, exactly what was signed. */
export type Statement = StatementHeader &
  (
    | { type: 'recordsCertificate'; matter: CertificateMatter; subject: Subject; detail: string }
    | { type: 'movePermit'; category: MigrationCategory; originStation: string; persons: Subject[] }
    | { type: 'migrationCertificate'; category: MigrationCategory; destinationStation: string; permitNumber: string; persons: Subject[] }
    | { type: 'householdPage'; householdNumber: string; divisionCode: string; relationship: string; subject: Subject }
    | {
        type: 'patrolLog';
        patrolDate: string;
        patrolType: PatrolType;
        shift: (typeof shifts)[number];
        startTime: string;
        endTime: string | null;
        stations: string[];
        eventRows: number;
        inspections: number;
      }
  );

/** The persons a statement certifies (none for a patrol log). */
export function subjectsOf(statement: Statement): Subject[] {
  switch (statement.type) {
    case 'recordsCertificate':
    case 'householdPage':
      return [statement.subject];
    case 'movePermit':
    case 'migrationCertificate':
      return statement.persons;
    case 'patrolLog':
      return [];
  }
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11);
}

/**
 * The 18-character citizen ID number (GB 11643-1999) the digest is computed over: trimmed, upper-case X, a legacy
 * 15-digit number upgraded; null unless the format and the check character are right. (A local copy of the rule in
 * shared/validation/citizen-id.ts, which also loads the division tables this module does not need.)
 */
export function normalizeIdNumber(raw: string): string | null {
  let value = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(value)) {
    const body = `${value.slice(0, 6)}19${value.slice(6)}`;
    value = body + idCheckCharacter(body);
  }
  if (!/^\d{17}[\dX]$/.test(value)) return null;
  return idCheckCharacter(value.slice(0, 17)) === value.charAt(17) ? value : null;
}
