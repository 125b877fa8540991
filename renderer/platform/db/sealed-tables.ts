/**
 * The one list of tables whose rows hold personal data (个人信息), sealed at rest with the data key. In each, every
 * field stays sealed except the primary key and the fields an index of schema.ts needs (IndexedDB can only index
 * what it can read): those stay clear, and docs/security.md lists them with the reason. A field added to a row
 * is sealed without anyone having to remember it; a field added to an index shows up in the test that pins the
 * clear fields (tests/unit/renderer/db/sealed-at-rest.test.ts) and must be listed in docs/security.md.
 *
 * Tables not listed here: meta (installation facts, the protected keys), audit (hash-chained), officers,
 * migration's document counters, and the sync tables (renderer/sync), whose events still carry their payloads
 * in clear — docs/security.md lists them as what is not yet sealed.
 */
export const SEALED_TABLES: readonly string[] = [
  // 居民档案 (features/records)
  'households',
  'persons',
  'personChanges',
  'certificates',
  // 户口迁移 (features/migration): applicants, co-movers, documents; drafts as typed
  'migrationCases',
  'migrationDrafts',
  // 联合巡逻 (features/patrol): inspected persons, ID numbers, results; officers of each unit
  'patrolLogs',
  'patrolContingents',
  'patrolEvents',
  'patrolInspections',
  'patrolConfirmations',
  'patrolAmendments',
  'patrolDrafts',
  'patrolParked',
];

export const isSealedTable = (name: string): boolean => SEALED_TABLES.includes(name);
