/**
 * The one list of tables whose rows hold personal data (个人信息), sealed at rest with the data key. In each, every
 * field stays sealed except the primary key and the fields an index of schema.ts needs (IndexedDB can only index
 * what it can read): those stay clear, and docs/security.md lists them with the reason. A field added to a row
 * is sealed without anyone having to remember it; a field added to an index shows up in the test that pins the
 * clear fields (tests/unit/renderer/db/sealed-at-rest.test.ts) and must be listed in docs/security.md.
 *
 * Tables not listed here hold no personal value, and docs/security.md says why each stays clear: meta
 * (installation facts, the keys in their protected forms), audit and its checkpoints, migration's document
 * counters, and sync's bookkeeping (outbox, stream heads, cursors, peers: station codes, sequence numbers,
 * hashes, event ids).
 */

/**
 * The list as the first release with sealing had it: a database whose stored data key says `sealedAll` without
 * naming the tables it swept swept exactly these (unlock.ts); tables added since are swept at the next start-up.
 */
export const FIRST_SEALED: readonly string[] = [
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

export const SEALED_TABLES: readonly string[] = [
  ...FIRST_SEALED,
  // 同步 (renderer/sync): each event carries its payload, i.e. the personal fields of the rows above; conflicts
  // keep both sides' values
  'syncLog',
  'syncPending',
  'syncConflictsByAuthor',
  // Refused events and quarantined batches keep the author officer and the verifier's detail
  'syncRefused',
  'syncQuarantine',
  // 联调消息: free text between officers
  'syncProbes',
  // 民警账号 (features/officers): officers' names, password hashes and their history, lockout state
  'officers',
  // 一点四检 (features/patrol): vessels, crew and passengers with ID numbers, each unit's findings and officer
  'patrolVessels',
  'patrolVesselParts',
  // 协查 (features/assist): subjects' names, ID numbers, plates, descriptions, feedback, hits, officers
  'assistRequests',
  // 批量导入 (features/records): the file name of each import; refused rows with their cells (names, ID numbers)
  'importJobs',
  'importRefused',
  // 附件 (features/attachments): suspects' photos, CCTV stills, documents; their names; chunks on the way
  'attachmentFiles',
  'attachmentChunks',
  'attachmentFetches',
  'attachmentServed',
];

export const isSealedTable = (name: string): boolean => SEALED_TABLES.includes(name);
