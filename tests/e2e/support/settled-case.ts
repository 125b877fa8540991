import type { Page } from '@playwright/test';
import { demoStationIdentity, DEMO_STATIONS } from '../../../shared/demo/demo-network';
import { migrationCase, type MigrationCase, type StationRef } from '../../../shared/migration/model';
import { openedRows } from './sealed-rows';
import { putSealedRow } from './sealed-write';

interface Resident {
  id: string;
  householdId: string;
  name: string;
  sex: '1' | '2';
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  status: { code: string };
}

const stationRef = (code: string): StationRef => {
  const s = demoStationIdentity(code);
  return { code: s.code, name: s.name, province: s.province, districtName: s.districtName };
};

/**
 * A settled cross-province case at 吕巷 (destination) carrying all three documents — 准予迁入证明, 户口迁移证 and,
 * through its settlement, one of 吕巷's own residents' 户口簿 page — put straight into the station's database, so a
 * test can open and print each without playing the two-station flow (migration.spec.ts plays it); or, at `submitted`,
 * the same case waiting for 审批. Parsed with the case schema first: a fixture the app's model no longer accepts
 * fails here, not on screen. Returns the case id.
 */
export async function putSettledCase(page: Page, stage: 'settled' | 'submitted' = 'settled'): Promise<string> {
  const persons = await openedRows<Resident>(page, 'persons');
  const person = persons.find((p) => p.status.code === 'registered' && p.householdId !== '');
  if (!person) throw new Error('吕巷 has no demo residents');
  const household = (await openedRows<{ id: string; address: string }>(page, 'households')).find((h) => h.id === person.householdId);
  if (!household) throw new Error(`no household ${person.householdId}`);
  const address = household.address;
  const destination = stationRef(DEMO_STATIONS.lvxiang);
  const origin = stationRef(DEMO_STATIONS.zhapu);
  const officer = { province: destination.province, policeNumber: '000001', name: '王志强' };
  const identity = { name: person.name, formerName: '', sex: person.sex, ethnicity: person.ethnicity, birthDate: person.birthDate, idNumber: person.idNumber };
  const at = '2026-11-20T02:00:00.000Z';
  const id = `01PRINTFIXTURE${Date.now()}`;
  const entry = (transition: string, status: string, station: StationRef) => ({ at, transition, status, station, officerKey: `${station.province}:000001`, officerName: officer.name });
  const row: MigrationCase = migrationCase.parse({
    id,
    side: 'destination',
    status: 'settled',
    intake: {
      category: 'spouse',
      applicant: identity,
      phone: '13800138000',
      currentAddress: '浙江省平湖市乍浦镇雅山路1号',
      origin,
      destination: { householdId: person.householdId, address, householderName: '张伟', sponsorName: '张伟', relationshipToHouseholder: '12' },
      documentsReceived: ['idCard', 'hukouBook'],
      noticeSigned: true,
    },
    destinationStation: destination,
    createdAt: at,
    updatedAt: at,
    decision: { approved: true, reason: '', at, officerKey: `${destination.province}:000002` },
    permit: {
      number: `ZQ${destination.code}000000001`,
      person: identity,
      coMovers: [],
      currentAddress: '浙江省平湖市乍浦镇雅山路1号',
      destinationAddress: address,
      relationshipToHouseholder: '12',
      householderName: '张伟',
      category: 'spouse',
      issuingAuthority: `上海市公安局金山分局${destination.name}`,
      issuingStation: destination,
      officer,
      issuedAt: at,
      validUntil: '2026-12-30',
    },
    certificate: {
      number: `QY${origin.code}000000001`,
      persons: [{ name: person.name, sex: person.sex, ethnicity: person.ethnicity, birthDate: person.birthDate, idNumber: person.idNumber, birthPlace: '浙江省平湖市', nativePlace: '浙江省平湖市' }],
      originAddress: '浙江省平湖市乍浦镇雅山路1号',
      originAuthority: `平湖市公安局${origin.name}`,
      destinationAddress: address,
      category: 'spouse',
      permitNumber: `ZQ${destination.code}000000001`,
      issuingStation: origin,
      officer: { ...officer, province: origin.province },
      issuedAt: at,
      validUntil: '2026-12-30',
    },
    settlement: { at, householdId: person.householdId, personIds: [person.id] },
    closedAt: at,
    timeline: [entry('submit', 'submitted', destination), entry('approve', 'permitIssued', destination), entry('issueCertificate', 'certificateIssued', origin), entry('settle', 'settled', destination)],
  });
  // Or the same case as it stood when submitted: waiting for 审批, no documents yet.
  const { decision: _decision, permit: _permit, certificate: _certificate, settlement: _settlement, closedAt: _closedAt, ...submitted } = row;
  const stored = stage === 'settled' ? row : migrationCase.parse({ ...submitted, status: 'submitted', timeline: row.timeline.slice(0, 1) });
  // Plain JSON, as the app would store it; the store's indexes read id, status, side and updatedAt.
  await putSealedRow(page, 'migrationCases', JSON.parse(JSON.stringify(stored)) as Record<string, unknown>, ['id', 'status', 'side', 'updatedAt']);
  return id;
}
