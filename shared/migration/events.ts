import { z } from 'zod';
import { intake, migrationCertificate, movePermit, stationRef } from './model';
import { caseReturn } from './return-reasons';
import { documentText } from '../validation/document-text';

/**
 * Events that cross between the two stations of a case. Intake, approval bookkeeping and contact notes stay
 * local; the permit goes to the origin; the certificate or the return comes back; withdrawal and expiry notices
 * tell the other side to stop. The aggregate id of every event is the case id.
 */
const at = z.string().datetime({ offset: true });
/** The acting officer's name as the other station shows it: document text, checked on receipt. */
const officerName = documentText('text', 30, { required: true });

const notice = z.object({ caseId: z.string(), at, officerName, note: z.string().max(500).default('') });

export const migrationEvents = {
  /** 准予迁入证明: everything the origin needs to verify and act. Destination → origin. */
  'migration.permitIssued': z.object({
    caseId: z.string(),
    at,
    officerName,
    intake,
    destinationStation: stationRef,
    permit: movePermit,
  }),
  /** 户口迁移证 (the origin has marked the person 迁出 in the same transaction). Origin → destination. */
  'migration.certificateIssued': z.object({ caseId: z.string(), at, officerName, certificate: migrationCertificate }),
  /** 退回 with a listed reason and free text. Origin → destination. */
  'migration.returned': z.object({ caseId: z.string(), at, officerName, return: caseReturn }),
  /** 撤回: the applicant withdrew after the permit went out. Destination → origin. */
  'migration.withdrawn': notice,
  /** The permit passed its 40 days unanswered. Destination → origin. */
  'migration.permitExpired': notice,
  /** The certificate passed its 30 days before settlement; the origin must know the person is nowhere registered. */
  'migration.certificateExpired': notice,
} as const;

export type MigrationEventType = keyof typeof migrationEvents;
export type MigrationEventPayload<T extends MigrationEventType> = z.output<(typeof migrationEvents)[T]>;
