import type { OfficerRef } from '../domain/officer';
import type { CertificateRow } from '../domain/resident/certificate';
import type { HouseholdRow } from '../domain/resident/household';
import type { PersonRow } from '../domain/resident/person';
import type { MigrationCertificate, MovePermit } from '../migration/model';
import type { PatrolLogHeader } from '../patrol/log';
import { MAX_DETAIL_UNITS, type StatementInput } from './statement';
import { beijingDay } from './verify';

/**
 * The statement of each printed document, from the records the app already keeps. The renderer signs the result
 * with `issueDocument(input, stationSecretKey)` when it prints, and puts the text in the QR code.
 */

const day = (instant: string): string => beijingDay(new Date(instant));

/** Cut to at most `max` UTF-16 code units without splitting a surrogate pair. */
export function clip(value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * 户籍事项证明. `detail` is the matter's particular; by default the former names for 同一人 certificates, which is what
 * such a certificate turns on.
 */
export function recordsCertificateStatement(row: CertificateRow, detail = row.matter === 'sameperson' ? row.person.formerNames : ''): StatementInput {
  return {
    type: 'recordsCertificate',
    number: row.number,
    issuingStation: row.stationCode,
    officer: row.officer.policeNumber,
    issueDate: row.issueDate,
    validUntil: row.validUntil,
    matter: row.matter,
    subject: { name: row.person.name, idNumber: row.person.idNumber },
    detail: clip(detail, MAX_DETAIL_UNITS),
  };
}

/** 准予迁入证明: issued by the destination station, addressed to `originStation` (the case's intake.origin.code). */
export function movePermitStatement(permit: MovePermit, originStation: string): StatementInput {
  return {
    type: 'movePermit',
    number: permit.number,
    issuingStation: permit.issuingStation.code,
    officer: permit.officer.policeNumber,
    issueDate: day(permit.issuedAt),
    validUntil: permit.validUntil,
    category: permit.category,
    originStation,
    persons: [permit.person, ...permit.coMovers].map((p) => ({ name: p.name, idNumber: p.idNumber })),
  };
}

/** 户口迁移证: issued by the origin station; `destinationStation` is the case's destination (the permit's issuer). */
export function migrationCertificateStatement(certificate: MigrationCertificate, destinationStation: string): StatementInput {
  return {
    type: 'migrationCertificate',
    number: certificate.number,
    issuingStation: certificate.issuingStation.code,
    officer: certificate.officer.policeNumber,
    issueDate: day(certificate.issuedAt),
    validUntil: certificate.validUntil,
    category: certificate.category,
    destinationStation,
    permitNumber: certificate.permitNumber,
    persons: certificate.persons.map((p) => ({ name: p.name, idNumber: p.idNumber })),
  };
}

export interface HouseholdPagePrint {
  /** The page's own number, e.g. `HK` + station code + year + 5-digit sequence (documentNumber's pattern). */
  number: string;
  stationCode: string;
  household: Pick<HouseholdRow, 'number' | 'divisionCode'>;
  person: Pick<PersonRow, 'name' | 'idNumber' | 'relationship'>;
  officer: Pick<OfficerRef, 'policeNumber'>;
  printedAt: string;
}

/** 户口簿页 (常住人口登记卡): does not expire; a reprint gets a new number and the old page can be revoked. */
export function householdPageStatement(p: HouseholdPagePrint): StatementInput {
  return {
    type: 'householdPage',
    number: p.number,
    issuingStation: p.stationCode,
    officer: p.officer.policeNumber,
    issueDate: day(p.printedAt),
    validUntil: null,
    householdNumber: p.household.number,
    divisionCode: p.household.divisionCode,
    relationship: p.person.relationship,
    subject: { name: p.person.name, idNumber: p.person.idNumber },
  };
}

export interface PatrolLogPrint {
  header: Pick<PatrolLogHeader, 'number' | 'ownerStation' | 'date' | 'type' | 'shift' | 'startTime' | 'endTime' | 'units'>;
  eventRows: number;
  inspections: number;
  /** The officer who prints it (the owner unit's leader). */
  officer: Pick<OfficerRef, 'policeNumber'>;
  printedAt: string;
}

/** 巡逻日志: the owner station signs; the participating stations are listed owner first. */
export function patrolLogStatement(p: PatrolLogPrint): StatementInput {
  const others = p.header.units.filter((u) => u.kind === 'station' && u.id !== p.header.ownerStation).map((u) => u.id);
  return {
    type: 'patrolLog',
    number: p.header.number,
    issuingStation: p.header.ownerStation,
    officer: p.officer.policeNumber,
    issueDate: day(p.printedAt),
    validUntil: null,
    patrolDate: p.header.date,
    patrolType: p.header.type,
    shift: p.header.shift,
    startTime: p.header.startTime,
    endTime: p.header.endTime,
    stations: [p.header.ownerStation, ...others],
    eventRows: p.eventRows,
    inspections: p.inspections,
  };
}
