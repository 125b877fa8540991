import { householdPageStatement, migrationCertificateStatement, movePermitStatement, type StatementInput } from '@shared/documents';
import type { HouseholdRow } from '@shared/domain/resident/household';
import type { PersonRow } from '@shared/domain/resident/person';
import type { MigrationCase } from '@shared/migration/model';

export type PrintKind = 'permit' | 'certificate' | 'hukou';

/**
 * The signed statement a printed migration document carries in its QR code (issue #18), or null when this station
 * did not issue it: only the issuer's key verifies, so the origin's copy of a permit (or the destination's of a
 * certificate) prints without a code rather than with one that would verify as altered.
 */
export function printStatement(
  kind: PrintKind,
  c: MigrationCase,
  self: { code: string; policeNumber: string },
  hukou: { person: PersonRow; household: HouseholdRow } | null,
  now: Date,
): StatementInput | null {
  if (kind === 'permit') return c.permit && c.permit.issuingStation.code === self.code ? movePermitStatement(c.permit, c.intake.origin.code) : null;
  if (kind === 'certificate') return c.certificate && c.certificate.issuingStation.code === self.code ? migrationCertificateStatement(c.certificate, c.destinationStation.code) : null;
  if (!hukou || !c.certificate || c.destinationStation.code !== self.code) return null;
  // The page after 落户 is numbered from the certificate it settles (one page per settlement): HK<station>-<证号>.
  return householdPageStatement({
    number: `HK${self.code}-${c.certificate.number}`,
    stationCode: self.code,
    household: hukou.household,
    person: hukou.person,
    officer: { policeNumber: self.policeNumber },
    printedAt: now.toISOString(),
  });
}
