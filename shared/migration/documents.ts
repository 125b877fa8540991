import type { OfficerRef } from '../domain/officer';
import { beijing, validUntil, type MigrationTimeLimits } from './deadlines';
import type { Intake, MigrationCertificate, MovePermit, RegisteredItems, StationRef } from './model';

/**
 * Building the two electronic documents. Numbers are unique across the Delta because they carry the issuing
 * station's 12-digit code: 准迁 ZQ / 迁移证 QY + station code + year + a per-station sequence.
 */
export type DocumentKind = 'permit' | 'certificate';
const prefixes: Record<DocumentKind, string> = { permit: 'ZQ', certificate: 'QY' };

export function documentNumber(kind: DocumentKind, station: string, issuedAt: string, seq: number): string {
  return `${prefixes[kind]}${station}${beijing(issuedAt).format('YYYY')}${String(seq).padStart(5, '0')}`;
}

export interface PermitInput {
  intake: Intake;
  station: StationRef;
  /** The issuing authority as printed (分局 and station): official text, worded by the renderer. */
  authority: string;
  officer: OfficerRef;
  issuedAt: string;
  seq: number;
  limits: MigrationTimeLimits;
  /** 审批意见: the approver's opinion, printed on the permit. */
  opinion: string;
}

export function buildPermit({ intake, station, authority, officer, issuedAt, seq, limits, opinion }: PermitInput): MovePermit {
  return {
    number: documentNumber('permit', station.code, issuedAt, seq),
    person: intake.applicant,
    coMovers: intake.coMovers,
    currentAddress: intake.currentAddress,
    destinationAddress: intake.destination.address,
    relationshipToHouseholder: intake.destination.relationshipToHouseholder,
    householderName: intake.destination.householderName,
    category: intake.category,
    hrApprovalRef: intake.hrApprovalRef,
    issuingAuthority: authority,
    issuingStation: station,
    officer,
    issuedAt,
    validUntil: validUntil(issuedAt, limits.permitValidityDays),
    approvalOpinion: opinion,
  };
}

export interface CertificateInput {
  permit: MovePermit;
  /** The registered items of each person from the origin's own record, applicant first. */
  persons: RegisteredItems[];
  originAddress: string;
  station: StationRef;
  /** The origin's authority as printed (分局 and station): official text, worded by the renderer. */
  authority: string;
  officer: OfficerRef;
  issuedAt: string;
  seq: number;
  limits: MigrationTimeLimits;
}

export function buildCertificate(input: CertificateInput): MigrationCertificate {
  return {
    number: documentNumber('certificate', input.station.code, input.issuedAt, input.seq),
    persons: input.persons,
    originAddress: input.originAddress,
    originAuthority: input.authority,
    destinationAddress: input.permit.destinationAddress,
    category: input.permit.category,
    permitNumber: input.permit.number,
    issuingStation: input.station,
    officer: input.officer,
    issuedAt: input.issuedAt,
    validUntil: validUntil(input.issuedAt, input.limits.certificateValidityDays),
  };
}
