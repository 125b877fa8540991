import dayjs from 'dayjs';
import { ulid } from 'ulid';
import { officerKey } from '@shared/domain/officer';
import { certificateInput, certificateNumber, type CertificateInput, type CertificateRow } from '@shared/domain/resident/certificate';
import { db, guardedWrite } from '@renderer/platform/db';
import { appendAudit } from '@renderer/platform/audit';
import { RecordsRuleError } from './errors';
import { RECORDS_WRITE_TABLES, type Actor } from './repository';
import { certificatesTable, householdsTable, personsTable } from './tables';

/**
 * 户籍事项证明: numbered per station and year, recorded with a snapshot of what was certified, and audited in
 * the same transaction. Printing is separate (the print view) and audited again when it happens.
 */
export async function issueCertificate(personId: string, raw: CertificateInput, actor: Actor & { stationName: string }): Promise<CertificateRow> {
  const input = certificateInput.parse(raw);
  return guardedWrite(() =>
    db().transaction('rw', RECORDS_WRITE_TABLES, async () => {
      const person = await personsTable().get(personId);
      const household = person ? await householdsTable().get(person.householdId) : undefined;
      if (!person || !household) throw new RecordsRuleError('personNotFound');
      const issued = dayjs();
      const prefix = `${actor.stationCode}-${issued.year()}-`;
      const sameYear = await certificatesTable().where('number').startsWith(prefix).count();
      const row: CertificateRow = {
        id: ulid(),
        number: certificateNumber(actor.stationCode, issued.year(), sameYear + 1),
        personId,
        matter: input.matter,
        statement: input.statement,
        purpose: input.purpose,
        stationCode: actor.stationCode,
        stationName: actor.stationName,
        officer: actor.officer,
        issuedAt: issued.toISOString(),
        issueDate: issued.format('YYYY-MM-DD'),
        validUntil: issued.add(input.validDays, 'day').format('YYYY-MM-DD'),
        person: { name: person.name, formerNames: person.formerNames, sex: person.sex, idNumber: person.idNumber, birthDate: person.birthDate, address: household.address },
      };
      await certificatesTable().add(row);
      await appendAudit({ station: actor.stationCode, officer: officerKey(actor.officer), action: 'certificate.issue', object: `certificate:${row.number}`, result: 'success', detail: `person:${personId}` });
      return row;
    }),
  );
}

export async function recordCertificatePrint(row: CertificateRow, actor: Actor, outcome: string): Promise<void> {
  await guardedWrite(() =>
    appendAudit({ station: actor.stationCode, officer: officerKey(actor.officer), action: 'certificate.print', object: `certificate:${row.number}`, result: 'success', detail: outcome }),
  );
}

export function certificatesOf(personId: string): Promise<CertificateRow[]> {
  return certificatesTable().where('personId').equals(personId).reverse().sortBy('issuedAt');
}
