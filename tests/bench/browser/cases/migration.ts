import Dexie from 'dexie';
import { StationDatabase } from '@renderer/platform/db/database';
import { migrationCategories } from '@shared/migration/categories';
import { defaultTimeLimits } from '@shared/migration/deadlines';
import { emptyFilter, filterCases, type CaseFilter } from '@shared/migration/filters';
import type { MigrationCase } from '@shared/migration/model';
import { migrationStatuses } from '@shared/migration/state-machine';
import { summarize } from '@shared/migration/summary';
import { percentile, sample, type BenchCase } from '../../lib';

/**
 * The migration case list with 5,000 cases: loading them from IndexedDB into list summaries (what the live
 * query does when the list opens or a case changes), then each filter change (what the officer waits for).
 */
const COUNT = 5000;
const lvxiang = { code: '310116520000', name: '吕巷派出所', province: '310000' as const, districtName: '金山区' };
const origins = [
  { code: '330482520000', name: '乍浦镇派出所', province: '330000' as const, districtName: '平湖市' },
  { code: '330421520000', name: '姚庄派出所', province: '330000' as const, districtName: '嘉善县' },
  { code: '320583520000', name: '周庄派出所', province: '320000' as const, districtName: '昆山市' },
];

function fakeCase(i: number): MigrationCase {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
  const status = migrationStatuses[i % migrationStatuses.length] ?? 'submitted';
  const origin = origins[i % origins.length] ?? lvxiang;
  const side = i % 4 === 0 ? 'origin' : 'destination';
  const person = { name: `申请人${i}`, formerName: '', sex: '2', ethnicity: '01', birthDate: '1990-01-01', idNumber: `3304821990010${String(i).padStart(5, '0')}` };
  return {
    id: `case-${String(i).padStart(6, '0')}`,
    side,
    status,
    intake: {
      category: migrationCategories[i % migrationCategories.length] ?? 'spouse',
      hrApprovalRef: '',
      applicant: person,
      phone: '13800138000',
      currentAddress: '浙江省平湖市乍浦镇雅山路1号',
      origin: side === 'origin' ? lvxiang : origin,
      destination: { householdId: '', householdNo: '', address: '上海市金山区吕巷镇干巷路2号', householderName: '张伟', sponsorName: '张伟', sponsorIdNumber: '', relationshipToHouseholder: '12' },
      coMovers: [],
      documentsReceived: ['idCard'],
      noticeSigned: true,
    },
    destinationStation: side === 'origin' ? origin : lvxiang,
    createdAt: at,
    updatedAt: at,
    ...(side === 'origin' && status === 'permitIssued' ? { permitReceivedAt: at } : {}),
    timeline: [],
  } as MigrationCase;
}

const filters: CaseFilter[] = [
  emptyFilter(),
  { ...emptyFilter(), statuses: ['permitIssued'] },
  { ...emptyFilter(), statuses: ['submitted', 'certificateIssued'], categories: ['spouse', 'talent'] },
  { ...emptyFilter(), counterpartCode: '330482520000' },
  { ...emptyFilter(), overdueOnly: true },
  { ...emptyFilter(), text: '申请人4' },
  { ...emptyFilter(), text: '330482' },
];

export const cases: BenchCase[] = [
  {
    name: 'migration',
    async run() {
      const name = 'bench-migration';
      await Dexie.delete(name);
      const database = new StationDatabase(name);
      await database.open();
      const table = database.table<MigrationCase, string>('migrationCases');
      await table.bulkPut(Array.from({ length: COUNT }, (_, i) => fakeCase(i)));

      const loads = await sample(10, () => table.toArray());
      const rows = await table.toArray();
      const summarizing = await sample(10, () => rows.map((c) => summarize(c, defaultTimeLimits)));
      const summaries = rows.map((c) => summarize(c, defaultTimeLimits));
      const now = new Date('2026-11-23T08:00:00Z');
      const times = await sample(filters.length * 30, (i) => filterCases(summaries, filters[i % filters.length] ?? emptyFilter(), now));
      database.close();
      await Dexie.delete(name);
      return [
        { name: 'migration.case_list_filter_p95_ms', value: percentile(times, 95), unit: 'ms' },
        { name: 'migration.case_list_load_p95_ms', value: percentile(loads, 95), unit: 'ms' },
        { name: 'migration.case_list_summarize_p95_ms', value: percentile(summarizing, 95), unit: 'ms' },
      ];
    },
  },
];
