import type { Transaction } from 'dexie';
import { personTerms } from '@shared/domain/resident/search-keys';

/**
 * Every version of the station database, oldest first. Never edit a released version: add a new one with
 * the changed stores and, when rows must be reshaped, an upgrade function. Dexie runs them in order.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      /** Small key/value facts about this installation (station identity, settings). */
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      /** 审计日志: hash-chained, append-only (renderer/features/audit). */
      audit: 'seq, at, action, officer, result',
    },
  },
  {
    version: 3,
    stores: {
      /** 居民档案 (renderer/features/records): households, persons (pinyin keys for search), change log, 户籍事项证明. */
      households: 'id, number, *grams',
      persons: 'id, householdId, idNumber, name, sortKey, *py',
      personChanges: 'id, personId',
      certificates: 'id, &number, personId, issuedAt',
    },
  },
  {
    version: 4,
    stores: {
      /** 民警账号: officer accounts with roles and password hashes (renderer/features/officers). */
      officers: 'key, policeNumber',
    },
  },
  {
    version: 5,
    stores: {
      /** 同步 (renderer/sync): the signed event log, own and received, and its per-peer outbox. */
      syncEvents: 'id, &[authorStation+seq], aggregateId, type',
      syncOutbox: '[peer+seq], peer',
      /** Per author station: the last event applied here (sequence and chain hash). */
      syncCursors: 'author',
      /** Events that arrived ahead of a gap in their author's sequence. */
      syncPending: '[author+seq], author',
      syncQuarantine: 'id, receivedAt',
      syncConflicts: 'eventId, status, at',
      syncPeers: 'code',
      /** 联调消息 received and sent. */
      syncProbes: 'aggregateId, at',
    },
  },
  {
    version: 6,
    stores: {
      /** 户口迁移 (renderer/features/migration): cases (both sides), intake drafts saved as typed, document sequences. */
      migrationCases: 'id, status, side, updatedAt',
      migrationDrafts: 'id, updatedAt',
      migrationCounters: 'key',
    },
  },
  {
    version: 7,
    stores: {
      /** 联合巡逻 (renderer/features/patrol): log headers, per-unit contingents, event rows, inspections, 签认, 更正, drafts. */
      patrolLogs: 'id, date, ownerStation, operation',
      patrolContingents: 'id, logId',
      patrolEvents: 'id, logId, authorStation',
      patrolInspections: 'id, logId, authorStation',
      patrolConfirmations: 'id, logId',
      patrolAmendments: 'id, logId',
      patrolDrafts: 'key',
      /** Entries from a station the local header does not list yet (the owner's update adding it is on its way). */
      patrolParked: 'id, logId',
    },
  },
  {
    version: 8,
    stores: {
      /** 同步: the log's aggregateId and type indexes had no reader; each cost a write per received event. */
      syncEvents: 'id, &[authorStation+seq]',
    },
  },
  {
    version: 9,
    stores: {
      /**
       * 同步 protocol 2 (docs/PROTOCOL.md): event ids are unique per author, so the log is keyed by [author+id];
       * own events are found per recipient and seq through `pairKeys`; `syncHeads` holds each recipient stream's
       * head and confirmed cursor; `syncRefused` the authentic events refused one by one.
       */
      syncLog: '[authorStation+id], [authorStation+hlc], *pairKeys',
      syncHeads: 'peer',
      syncRefused: '[author+eventId], at',
    },
    upgrade: upgradeSyncLogToV2,
  },
  {
    version: 10,
    stores: { syncEvents: null },
  },
  {
    version: 11,
    stores: {
      /** 审计检查点 (renderer/features/audit): checkpoints sent, held for neighbours, and their acknowledgements. */
      auditCheckpoints: 'id, [kind+seq]',
    },
  },
  {
    version: 12,
    stores: {
      /**
       * Conflicts keyed by [author+event id] (event ids are unique per author only): keyed by event id alone, a
       * neighbour reusing another author's event id overwrote that author's open conflict.
       */
      syncConflictsByAuthor: '[authorStation+eventId], status, at',
    },
    upgrade: async (tx) => {
      await tx.table('syncConflictsByAuthor').bulkPut(await tx.table('syncConflicts').toArray());
    },
  },
  {
    version: 13,
    stores: { syncConflicts: null },
  },
  {
    version: 14,
    stores: {
      /**
       * 居民档案: `terms`, what window staff type besides a name prefix or pinyin (issue 16): a given name alone, the
       * ID number's last four characters, the birth date (personTerms, shared/domain/resident/search-keys.ts).
       */
      persons: 'id, householdId, idNumber, name, sortKey, *py, *terms',
    },
    upgrade: addPersonTerms,
  },
  {
    version: 15,
    stores: {
      /**
       * 文书作废 (features/documents): signed revocations of printed documents, this station's and its neighbours',
       * by document key (`CODE:TYPE:NUMBER`); `at` is when this station learnt of it.
       */
      documentRevocations: 'key, issuingStation, at',
    },
  },
  {
    version: 16,
    stores: {
      /**
       * 一点四检 (features/patrol, issue 20): vessel inspections at a water checkpoint and each unit's part of them,
       * by log; parts also by inspection.
       */
      patrolVessels: 'id, logId, authorStation',
      patrolVesselParts: 'id, logId, inspectionId, authorStation',
    },
  },
  {
    version: 17,
    stores: {
      /**
       * 批量导入 (features/records, issue 17): one row per import of an export file (file digest, mapping, the last
       * committed chunk, counts), so a closed window resumes; refused rows by `jobId:row`, kept for correction.
       */
      importJobs: 'id, sha256, status',
      importRefused: 'id',
    },
  },
  {
    version: 18,
    stores: {
      /**
       * 协查 (features/assist, issue 15): assistance requests raised here or addressed here, each with every
       * addressee's steps, feedback, hits, handovers, amendments and the close; by status and time raised.
       */
      assistRequests: 'id, status, raisedAt',
    },
  },
  {
    version: 19,
    stores: {
      /**
       * 附件 (features/attachments, issue 15): stored files (this station's, and those fetched from their owner) by
       * id; chunks received so far by file and index; this station's fetches of others' files; what it served
       * to whom (owner side, against floods). All sealed but their keys.
       */
      attachmentFiles: 'id',
      attachmentChunks: '[fileId+index]',
      attachmentFetches: 'id',
      attachmentServed: 'id',
    },
  },
];

/** Persons written before version 14 get their search terms, from the fields the terms are derived from. */
async function addPersonTerms(tx: Transaction): Promise<void> {
  await tx
    .table('persons')
    .toCollection()
    .modify((row: { name?: unknown; idNumber?: unknown; birthDate?: unknown; terms?: unknown }) => {
      const text = (value: unknown): string => (typeof value === 'string' ? value : '');
      row.terms = personTerms({ name: text(row.name), idNumber: text(row.idNumber), birthDate: text(row.birthDate) });
    });
}

/**
 * Protocol-1 events stay in the log as history (`legacy`); their positions (one seq over all recipients) mean
 * nothing in protocol 2, so outbox, cursors and waiting events start afresh. Events still undelivered are marked,
 * not dropped: neighbours must upgrade together after their outboxes are empty (docs/PROTOCOL.md §Versioning).
 */
async function upgradeSyncLogToV2(tx: Transaction): Promise<void> {
  const undelivered = new Set<string>();
  await tx.table('syncOutbox').each((row: { eventId: string }) => void undelivered.add(row.eventId));
  const rows = (await tx.table('syncEvents').toArray()) as { id: string }[];
  const copied = rows.map((row) => ({ ...row, pairKeys: [], legacy: undelivered.has(row.id) ? 'undelivered' : 'delivered' }));
  await tx.table('syncLog').bulkPut(copied);
  await Promise.all(['syncOutbox', 'syncCursors', 'syncPending'].map((name) => tx.table(name).clear()));
}
