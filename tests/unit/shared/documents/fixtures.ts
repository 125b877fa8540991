import { DEMO_STATIONS, demoRoster, demoStationKey } from '@shared/demo/demo-network';
import type { StatementInput } from '@shared/documents';

/** Demo stations and keys: 乍浦 issues, 吕巷 verifies (the issue's e2e pair). */
export const ZHAPU = DEMO_STATIONS.zhapu;
export const LVXIANG = DEMO_STATIONS.lvxiang;
export const zhapuKey = demoStationKey(ZHAPU);
export const roster = demoRoster;

/** Valid ID numbers (check characters computed by GB 11643-1999). */
export const IDS = {
  official: '11010519491231002X',
  zhapu: '330482199001010010',
  lvxiang: '310116198512310041',
  child: '320583201006150039',
  baby: '330421201503010069',
} as const;

const header = { issuingStation: ZHAPU, officer: '000004', issueDate: '2026-11-23' };

/** One realistic statement of every printed document type, issued at 乍浦. */
export const samples: Record<StatementInput['type'], StatementInput> = {
  recordsCertificate: {
    type: 'recordsCertificate',
    ...header,
    number: `${ZHAPU}-2026-00017`,
    validUntil: '2027-02-21',
    matter: 'sameperson',
    subject: { name: '张山', idNumber: IDS.zhapu },
    detail: '张三',
  },
  movePermit: {
    type: 'movePermit',
    ...header,
    issuingStation: LVXIANG,
    number: `ZQ${LVXIANG}202600003`,
    validUntil: '2027-01-02',
    category: 'spouse',
    originStation: ZHAPU,
    persons: [
      { name: '王秀英', idNumber: IDS.zhapu },
      { name: '李小龙', idNumber: IDS.child },
    ],
  },
  migrationCertificate: {
    type: 'migrationCertificate',
    ...header,
    number: `QY${ZHAPU}202600003`,
    validUntil: '2026-12-23',
    category: 'spouse',
    destinationStation: LVXIANG,
    permitNumber: `ZQ${LVXIANG}202600003`,
    persons: [
      { name: '王秀英', idNumber: IDS.zhapu },
      { name: '李小龙', idNumber: IDS.child },
    ],
  },
  householdPage: {
    type: 'householdPage',
    ...header,
    number: `HK${ZHAPU}202600008`,
    validUntil: null,
    householdNumber: '330482000123',
    divisionCode: '330482',
    relationship: '02',
    subject: { name: '王秀英', idNumber: IDS.zhapu },
  },
  patrolLog: {
    type: 'patrolLog',
    ...header,
    number: 'XL-20261122-330482-01',
    validUntil: null,
    patrolDate: '2026-11-22',
    patrolType: 'joint',
    shift: 'night',
    startTime: '20:00',
    endTime: '23:30',
    stations: [ZHAPU, LVXIANG, DEMO_STATIONS.yaozhuang],
    eventRows: 14,
    inspections: 37,
  },
};

/**
 * The largest realistic document: a 户口迁移证 for a family of four, every name four characters (复姓), the
 * longest numbers the app makes.
 */
export const largest: StatementInput = {
  type: 'migrationCertificate',
  ...header,
  number: `QY${ZHAPU}202699999`,
  validUntil: '2026-12-23',
  category: 'childToParents',
  destinationStation: LVXIANG,
  permitNumber: `ZQ${LVXIANG}202699999`,
  persons: [
    { name: '欧阳明华', idNumber: IDS.zhapu },
    { name: '司马秀英', idNumber: IDS.lvxiang },
    { name: '诸葛晓峰', idNumber: IDS.child },
    { name: '上官婉儿', idNumber: IDS.baby },
  ],
};
