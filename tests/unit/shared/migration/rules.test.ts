import { describe, expect, it } from 'vitest';
import { defaultChecklists, missingDocuments } from '@shared/migration/categories';
import { comparePermitWithRecord, hasDifferences } from '@shared/migration/compare';
import { addWorkingDays, defaultTimeLimits, isExpired, validUntil, workingDayDeadline } from '@shared/migration/deadlines';
import { buildCertificate, buildPermit, documentNumber } from '@shared/migration/documents';
import { emptyFilter, filterCases, type CaseSummary } from '@shared/migration/filters';
import { intake, type Intake } from '@shared/migration/model';
import { caseReturn } from '@shared/migration/return-reasons';
import { caseStats } from '@shared/migration/summary';

const lvxiang = { code: '310116520000', name: '吕巷派出所', province: '310000' as const, districtName: '金山区' };
const zhapu = { code: '330482520000', name: '乍浦镇派出所', province: '330000' as const, districtName: '平湖市' };
const officer = { province: '310000' as const, policeNumber: '012345', name: '王敏' };

export const sampleIntake = (): Intake =>
  intake.parse({
    category: 'spouse',
    applicant: { name: '李娜', sex: '2', ethnicity: '01', birthDate: '1949-12-31', idNumber: '11010519491231002x' },
    phone: '13800138000',
    currentAddress: '浙江省平湖市乍浦镇雅山路1号',
    origin: zhapu,
    destination: { address: '上海市金山区吕巷镇干巷路2号', householderName: '张伟', sponsorName: '张伟', relationshipToHouseholder: '12' },
    documentsReceived: ['idCard'],
    noticeSigned: true,
  });

describe('working days and validity (Beijing calendar)', () => {
  const limits = { ...defaultTimeLimits, holidays: ['2026-10-01', '2026-10-02'], workingWeekends: ['2026-10-10'] };

  it('gives a Friday receipt until the end of Monday', () => {
    // 2026-11-20 is a Friday; 15:00 Beijing.
    expect(addWorkingDays('2026-11-20T07:00:00Z', 1, limits)).toBe('2026-11-23');
    expect(workingDayDeadline('2026-11-20T07:00:00Z', 1, limits)).toBe('2026-11-23T15:59:59.999Z');
  });

  it('counts the Beijing date, not the UTC one (received 01:00 Beijing on Saturday)', () => {
    expect(addWorkingDays('2026-11-20T17:00:00Z', 1, limits)).toBe('2026-11-23');
  });

  it('skips configured holidays and counts 调休 working weekends', () => {
    expect(addWorkingDays('2026-09-30T02:00:00Z', 1, limits)).toBe('2026-10-05');
    expect(addWorkingDays('2026-10-09T02:00:00Z', 1, limits)).toBe('2026-10-10');
  });

  it('a 40-day permit issued 1 Nov is valid until 10 Dec and expired on 11 Dec', () => {
    expect(validUntil('2026-11-01T02:00:00Z', 40)).toBe('2026-12-10');
    expect(isExpired('2026-12-10', new Date('2026-12-10T15:00:00Z'))).toBe(false);
    expect(isExpired('2026-12-10', new Date('2026-12-10T16:00:00Z'))).toBe(true);
  });
});

describe('intake, checklists and returns', () => {
  it('normalises the ID number and keys errors for the UI', () => {
    expect(sampleIntake().applicant.idNumber).toBe('11010519491231002X');
    const bad = intake.safeParse({ ...sampleIntake(), noticeSigned: false, category: 'talent', hrApprovalRef: '' });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];
    expect(paths).toContain('noticeSigned:noticeSigned');
  });

  it('talent cases need the 人社 approval reference', () => {
    const result = intake.safeParse({ ...sampleIntake(), category: 'talent', hrApprovalRef: '' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['hrApprovalRef']);
  });

  it('lists the required documents not yet received', () => {
    expect(missingDocuments(defaultChecklists, 'spouse', ['idCard', 'hukouBook']).map((d) => d.code)).toEqual([
      'optInNotice',
      'hostHukouBook',
      'marriageCertificate',
    ]);
    expect(missingDocuments(defaultChecklists, 'parentsToChild', ['idCard', 'hukouBook', 'optInNotice', 'hostHukouBook', 'kinshipProof'])).toEqual([]);
  });

  it('a return for "other" needs the free text', () => {
    expect(caseReturn.safeParse({ reason: 'other', text: ' ' }).success).toBe(false);
    expect(caseReturn.safeParse({ reason: 'personNotFound', text: '' }).success).toBe(true);
  });
});

describe('documents', () => {
  it('numbers carry kind, station, year and sequence', () => {
    expect(documentNumber('permit', lvxiang.code, '2026-12-31T17:00:00Z', 7)).toBe('ZQ310116520000202700007');
  });

  it('the permit and certificate carry the brief fields and validity', () => {
    const authority = '金山区公安分局 吕巷派出所';
    const permit = buildPermit({ intake: sampleIntake(), station: lvxiang, authority, officer, issuedAt: '2026-11-23T02:00:00Z', seq: 1, limits: defaultTimeLimits, opinion: '材料齐全，同意迁入' });
    expect(permit).toMatchObject({ validUntil: '2027-01-01', householderName: '张伟', destinationAddress: '上海市金山区吕巷镇干巷路2号', approvalOpinion: '材料齐全，同意迁入' });
    expect(permit.issuingAuthority).toBe(authority);
    const persons = [{ ...permit.person, birthPlace: '', nativePlace: '', education: '', maritalStatus: '', occupation: '', workplace: '', relationshipToHouseholder: '' }];
    const cert = buildCertificate({ permit, persons, originAddress: '乍浦镇雅山路1号', station: zhapu, authority: '平湖市公安分局 乍浦镇派出所', officer, issuedAt: '2026-11-24T02:00:00Z', seq: 3, limits: defaultTimeLimits });
    expect(cert).toMatchObject({ permitNumber: permit.number, validUntil: '2026-12-23', number: 'QY330482520000202600003', originAuthority: '平湖市公安分局 乍浦镇派出所' });
  });

  it('highlights exactly the fields that differ from the local record', () => {
    const person = sampleIntake().applicant;
    const rows = comparePermitWithRecord(person, { ...person, name: '李 娜', birthDate: '1949-12-30', birthPlace: '', nativePlace: '', education: '', maritalStatus: '', occupation: '', workplace: '', relationshipToHouseholder: '' });
    expect(rows.filter((r) => r.differs).map((r) => r.field)).toEqual(['birthDate']);
    expect(hasDifferences(rows)).toBe(true);
  });
});

describe('case list filter and stats', () => {
  const row = (i: number, over: Partial<CaseSummary> = {}): CaseSummary => ({
    id: `c${i}`,
    side: 'destination',
    status: 'submitted',
    category: 'spouse',
    applicantName: `申请人${i}`,
    applicantIdNumber: `ID${i}`,
    counterpartCode: zhapu.code,
    counterpartName: zhapu.name,
    createdAt: `2026-11-0${i}T00:00:00Z`,
    updatedAt: `2026-11-0${i}T00:00:00Z`,
    deadline: null,
    permitNumber: '',
    certificateNumber: '',
    ...over,
  });
  const now = new Date('2026-11-23T00:00:00Z');
  const rows = [row(1), row(2, { status: 'permitIssued', deadline: '2026-11-20T15:59:59Z', side: 'origin' }), row(3, { category: 'talent', counterpartCode: lvxiang.code })];

  it('filters by status, category, counterpart and overdue, overdue first', () => {
    expect(filterCases(rows, emptyFilter(), now).map((r) => r.id)).toEqual(['c2', 'c3', 'c1']);
    expect(filterCases(rows, { ...emptyFilter(), statuses: ['submitted'] }, now).map((r) => r.id)).toEqual(['c3', 'c1']);
    expect(filterCases(rows, { ...emptyFilter(), categories: ['talent'] }, now).map((r) => r.id)).toEqual(['c3']);
    expect(filterCases(rows, { ...emptyFilter(), counterpartCode: zhapu.code }, now).map((r) => r.id)).toEqual(['c2', 'c1']);
    expect(filterCases(rows, { ...emptyFilter(), overdueOnly: true }, now).map((r) => r.id)).toEqual(['c2']);
    expect(filterCases(rows, { ...emptyFilter(), text: 'id3' }, now).map((r) => r.id)).toEqual(['c3']);
  });

  it('counts by status and averages the turnaround of settled cases', () => {
    const stats = caseStats([
      { status: 'settled', createdAt: '2026-11-01T00:00:00Z', settlement: { at: '2026-11-03T00:00:00Z', householdId: 'h', personIds: [] } },
      { status: 'settled', createdAt: '2026-11-01T00:00:00Z', settlement: { at: '2026-11-05T00:00:00Z', householdId: 'h', personIds: [] } },
      { status: 'returned', createdAt: '2026-11-01T00:00:00Z' },
    ]);
    expect(stats.byStatus.settled).toBe(2);
    expect(stats.byStatus.returned).toBe(1);
    expect(stats.averageTurnaroundDays).toBe(3);
    expect(caseStats([]).averageTurnaroundDays).toBeNull();
  });
});
