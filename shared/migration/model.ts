import { z } from 'zod';
import { officerRef } from '../domain/officer';
import { provinceCode } from '../domain/province';
import { codeOf, personName } from '../domain/resident';
import { stationCode } from '../domain/station';
import { citizenId } from '../validation/citizen-id';
import { documentText, textLength } from '../validation/document-text';
import { migrationCategory } from './categories';
import { caseReturn } from './return-reasons';
import { migrationStatus, migrationTransition, side } from './state-machine';

/**
 * Validation messages are stable keys (`required`, `idNumber.checksum`, …) as in the records feature; the UI turns
 * them into zh-CN or English beside the field.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
const isoInstant = z.string().datetime({ offset: true });
const address = documentText('address', 120, { required: true }).refine((a) => textLength(a) >= 4, 'address');
/** Text a document carries, checked again on receipt (a neighbour's event can carry no markup or control characters). */
const carriedName = documentText('name', 30);
const carriedNames = documentText('names', 60).default('');
const carriedAddress = documentText('address', 120);
const carriedText = (max: number) => documentText('text', max).default('');

/** Who moves: the identity items both documents carry. sex GB/T 2261.1, ethnicity GB/T 3304 codes. */
export const personIdentity = z.object({
  name: personName,
  formerName: documentText('names', 30).default(''),
  sex: z.enum(['1', '2'], { message: 'required' }),
  ethnicity: codeOf('ethnicity', 'required'),
  birthDate: isoDate,
  idNumber: citizenId,
});
export type PersonIdentity = z.infer<typeof personIdentity>;

/** 随迁人员: a person moving together with the applicant; relationship to the destination householder (GB/T 4761). */
export const coMover = personIdentity.extend({ relationshipToHouseholder: codeOf('relationship', 'required') });
export type CoMover = z.infer<typeof coMover>;

export const stationRef = z.object({
  code: stationCode,
  name: z.string().min(2).max(40),
  province: provinceCode,
  districtName: z.string().max(20).default(''),
});
export type StationRef = z.infer<typeof stationRef>;

/** The destination household and sponsor (投靠人), linked to a local resident record when one exists. */
export const destinationHousehold = z.object({
  householdId: z.string().max(64).default(''),
  householdNo: z.string().max(20).default(''),
  address,
  householderName: personName,
  sponsorName: personName,
  sponsorIdNumber: z.union([z.literal(''), citizenId]).default(''),
  /** 与户主关系 of the applicant once settled (GB/T 4761 code, e.g. 12 妻). */
  relationshipToHouseholder: codeOf('relationship', 'required'),
});
export type DestinationHousehold = z.infer<typeof destinationHousehold>;

/** The intake a window officer fills in; a draft may be incomplete, a submission must parse. */
export const intake = z
  .object({
    category: migrationCategory,
    /** 人社部门批复文号, talent cases only. */
    hrApprovalRef: z.string().trim().max(60).default(''),
    applicant: personIdentity,
    phone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'phone'),
    currentAddress: address,
    origin: stationRef,
    destination: destinationHousehold,
    coMovers: z.array(coMover).max(10).default([]),
    documentsReceived: z.array(z.string()).default([]),
    /** The applicant signed the opt-in notice (告知单) for the online channel. */
    noticeSigned: z.literal(true, { error: 'noticeSigned' }),
  })
  .refine((v) => v.category !== 'talent' || v.hrApprovalRef.length > 0, { message: 'hrApprovalRef', path: ['hrApprovalRef'] });
export type Intake = z.infer<typeof intake>;

/** 准予迁入证明 — the electronic move-in permit. */
export const movePermit = z.object({
  number: z.string().min(6).max(40),
  person: personIdentity,
  coMovers: z.array(coMover),
  currentAddress: carriedAddress,
  destinationAddress: carriedAddress,
  relationshipToHouseholder: z.string(),
  householderName: carriedName,
  category: migrationCategory,
  hrApprovalRef: z.string().default(''),
  issuingAuthority: z.string().min(2).max(60),
  issuingStation: stationRef,
  officer: officerRef,
  issuedAt: isoInstant,
  validUntil: isoDate,
  /**
   * 审批意见 as the approver wrote it, printed on the permit. Absent from permits of stations before it existed
   * (parsed as empty, nothing printed); a station that does not know it drops it (docs/PROTOCOL.md §3.2).
   */
  approvalOpinion: carriedText(300),
});
export type MovePermit = z.infer<typeof movePermit>;

/** A person's registered items as the origin's record holds them (常住人口登记表), copied onto the certificate. */
export const registeredItems = z.object({
  name: carriedName,
  formerName: carriedNames,
  sex: z.string(),
  ethnicity: z.string(),
  birthDate: isoDate,
  idNumber: z.string(),
  birthPlace: carriedText(60),
  nativePlace: carriedText(60),
  education: z.string().default(''),
  maritalStatus: z.string().default(''),
  occupation: carriedText(40),
  workplace: carriedText(60),
  relationshipToHouseholder: z.string().default(''),
});
export type RegisteredItems = z.infer<typeof registeredItems>;

/** 户口迁移证 — the electronic migration certificate; one covers the applicant and co-movers. */
export const migrationCertificate = z.object({
  number: z.string().min(6).max(40),
  persons: z.array(registeredItems).min(1),
  originAddress: carriedAddress,
  originAuthority: carriedText(60),
  destinationAddress: carriedAddress,
  category: migrationCategory,
  permitNumber: z.string(),
  issuingStation: stationRef,
  officer: officerRef,
  issuedAt: isoInstant,
  validUntil: isoDate,
});
export type MigrationCertificate = z.infer<typeof migrationCertificate>;

/** 与申请人核实: the origin's contact with the applicant before cancelling the hukou. */
export const applicantContact = z.object({
  method: z.enum(['phone', 'inPerson', 'video']),
  confirmed: z.boolean(),
  note: z.string().trim().max(300).default(''),
});
export type ApplicantContact = z.infer<typeof applicantContact>;

export const timelineEntry = z.object({
  at: isoInstant,
  transition: z.union([migrationTransition, z.literal('received')]),
  status: migrationStatus,
  station: stationRef,
  /** `province:警号` and name, as the author station recorded them. */
  officerKey: z.string(),
  officerName: z.string(),
  note: z.string().default(''),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** One migration case as a station keeps it; both stations hold a copy, each with its own `side`. */
export const migrationCase = z.object({
  id: z.string().min(10).max(40),
  side,
  status: migrationStatus,
  intake,
  destinationStation: stationRef,
  createdAt: isoInstant,
  updatedAt: isoInstant,
  decision: z.object({ approved: z.boolean(), reason: z.string(), at: isoInstant, officerKey: z.string() }).optional(),
  permit: movePermit.optional(),
  permitReceivedAt: isoInstant.optional(),
  contact: applicantContact.extend({ at: isoInstant, officerKey: z.string() }).optional(),
  certificate: migrationCertificate.optional(),
  certificateReceivedAt: isoInstant.optional(),
  applicantNotifiedAt: isoInstant.optional(),
  returned: caseReturn.and(z.object({ at: isoInstant, officerKey: z.string() })).optional(),
  settlement: z.object({ at: isoInstant, householdId: z.string(), personIds: z.array(z.string()) }).optional(),
  closedAt: isoInstant.optional(),
  timeline: z.array(timelineEntry),
});
export type MigrationCase = z.infer<typeof migrationCase>;
