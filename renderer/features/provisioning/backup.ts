import Dexie, { type Table } from 'dexie';
import type { StationIdentity } from '@shared/domain/station';
import { BackupFormatError, decodeBackup, encodeBackup, type BackupTable, type StationBackup } from '@shared/provisioning/backup';
import { SealedError, openSealed, parseSealed, seal, type SealedErrorCode } from '@shared/provisioning/sealed';
import { DATABASE_NAME } from '@renderer/platform/db';
import { schemaVersions } from '@renderer/platform/db';
import { META_TABLE, dataKeyMeta, db, guardedWrite, readMeta, writeMeta } from '@renderer/platform/db';
import { mergeRestoredTrail, type AuditEntry } from '@shared/audit/chain';
import { captureOwnStreams, mergeOwnStreams, runCommand } from '@renderer/sync';
import { AUDIT_TABLE, appendAudit, authenticateRestoredTrail } from '@renderer/platform/audit';
import { resetAnchor } from '@renderer/platform/audit';
import { holdUnlockedStationKey, storedStationIdentity } from '@renderer/platform/station';
import { loadProtectedStationKey, protectStationKey, protectedStationKeyMeta } from './provisioning';
import { keyPairFromSeed } from '@shared/sync/keys';
import { hexToBytes } from '@noble/hashes/utils.js';
import { webCryptoAesGcm } from '@shared/provisioning/aes-gcm';

/**
 * 站所备份与恢复: the whole station database, sealed under a passphrase. Restore never touches the live data
 * until the very end: the file is opened and checked in memory, loaded into a separate staging database at its
 * own schema version and upgraded there to ours, and only then swapped in, in one transaction — so a wrong
 * passphrase, a damaged file or a failure half-way leaves the station exactly as it was.
 */

export const BACKUP_EXTENSION = 'yrdbak';
/**
 * Machine-bound: OS-protected on the old PC, unreadable on the new one. The station key travels in `secrets`
 * instead; the data key does not travel at all: a backup holds the rows opened (the passphrase seals the file),
 * and the PC restoring it seals them again under its own data key, which the restore keeps.
 */
const MACHINE_BOUND_META = new Set([protectedStationKeyMeta.name, dataKeyMeta.name]);
export const STAGING_DATABASE = `${DATABASE_NAME}-restore-staging`;

export type BackupRefusal = SealedErrorCode | 'newerSchema' | 'notEmpty';

export class BackupError extends Error {
  constructor(
    readonly code: BackupRefusal,
    detail: string = code,
  ) {
    super(detail);
    this.name = 'BackupError';
  }
}

const currentSchemaVersion = (): number => Math.max(...schemaVersions.map((v) => v.version));

async function dumpTable(table: Table): Promise<BackupTable> {
  const outOfLine = !table.schema.primKey.keyPath;
  const rows: unknown[] = await table.toArray();
  const keys = outOfLine ? ((await table.toCollection().primaryKeys()) as unknown[]) : null;
  if (table.name !== META_TABLE) return { name: table.name, keys, rows };
  const kept = rows.filter((row) => !MACHINE_BOUND_META.has((row as { key: string }).key));
  return { name: table.name, keys, rows: kept };
}

/** Every table at one instant, with the backup's own audit entry inside it. */
export async function snapshotStation(actor: string, database: Dexie = db()): Promise<StationBackup> {
  const key = await loadProtectedStationKey(database);
  const identity = await storedStationIdentity(database);
  const createdAt = new Date().toISOString();
  const tables = await guardedWrite(() =>
    database.transaction('rw', database.tables, async () => {
      await appendAudit({ station: identity?.code ?? '', officer: actor, action: 'station.backup', object: identity?.code ?? '', result: 'success' });
      const dumped: BackupTable[] = [];
      for (const table of database.tables) dumped.push(await dumpTable(table));
      return dumped;
    }),
  );
  return {
    format: 'yrd-station-backup',
    version: 1,
    createdAt,
    schemaVersion: database.verno,
    station: identity,
    createdBy: actor,
    tables,
    secrets: { stationSecretKey: key?.secretKey ?? null },
  };
}

/** The sealed backup file's text, labelled (in the clear, authenticated) with the station and date. */
export async function sealBackup(backup: StationBackup, passphrase: string, scryptN?: number): Promise<string> {
  const meta = { station: backup.station?.code ?? '', name: backup.station?.name ?? '', created: backup.createdAt, schema: String(backup.schemaVersion) };
  const envelope = await seal(encodeBackup(backup), { purpose: 'station-backup', passphrase, meta, ...(scryptN ? { scryptN } : {}) }, webCryptoAesGcm);
  return JSON.stringify(envelope);
}

export const backupFileName = (backup: StationBackup): string =>
  `站所备份-${backup.station?.code ?? 'station'}-${backup.createdAt.slice(0, 10)}.${BACKUP_EXTENSION}`;

/** Step 1 of restore: open and check the file, in memory only. */
export async function openBackup(text: string, passphrase: string): Promise<StationBackup> {
  let backup: StationBackup;
  try {
    backup = decodeBackup(await openSealed(parseSealed(text, 'station-backup'), passphrase, webCryptoAesGcm));
  } catch (error) {
    if (error instanceof SealedError) throw new BackupError(error.code, error.message);
    if (error instanceof BackupFormatError) throw new BackupError('damaged', error.message);
    throw error;
  }
  if (backup.schemaVersion > currentSchemaVersion()) throw new BackupError('newerSchema');
  return backup;
}

function stagingDatabase(upTo: number, withUpgrades: boolean): Dexie {
  const staging = new Dexie(STAGING_DATABASE);
  for (const step of schemaVersions.filter((v) => v.version <= upTo)) {
    const version = staging.version(step.version).stores(step.stores);
    if (withUpgrades && step.upgrade) version.upgrade(step.upgrade);
  }
  return staging;
}

async function loadStaging(backup: StationBackup): Promise<void> {
  const staging = stagingDatabase(backup.schemaVersion, false);
  try {
    await staging.open();
    const unknown = backup.tables.filter((t) => !staging.tables.some((s) => s.name === t.name));
    if (unknown.length > 0) throw new BackupError('damaged', `unknown tables: ${unknown.map((t) => t.name).join(', ')}`);
    await staging.transaction('rw', staging.tables, async () => {
      for (const t of backup.tables) {
        const table = staging.table(t.name);
        if (t.keys) await table.bulkAdd(t.rows, t.keys as never[]);
        else await table.bulkAdd(t.rows);
      }
    });
  } finally {
    staging.close();
  }
}

/** Step 2: the backup's rows at its own schema version, upgraded to ours by the same upgrade functions. */
async function stagedTables(backup: StationBackup): Promise<BackupTable[]> {
  await Dexie.delete(STAGING_DATABASE);
  try {
    await loadStaging(backup);
    // Same version: the rows loaded cleanly, so they are already what the live database takes; no upgrade to read back.
    if (backup.schemaVersion === currentSchemaVersion()) return backup.tables;
    const staging = stagingDatabase(currentSchemaVersion(), true);
    try {
      await staging.open();
      const out: BackupTable[] = [];
      for (const table of staging.tables) out.push(await dumpTable(table));
      return out;
    } finally {
      staging.close();
    }
  } finally {
    // Staged rows are the station's personal data: never leave them behind, whatever happened.
    await Dexie.delete(STAGING_DATABASE);
  }
}

export interface RestoreOptions {
  actor: string;
  /** First run on a new PC: allowed only while this station has no officers (checked inside the swap). */
  firstRun?: boolean;
  database?: Dexie;
}

export interface RestoreReport {
  station: StationIdentity | null;
  rows: number;
}

/** Steps 2 and 3: stage, then swap everything in one transaction with the restore's audit entry. */
export async function restoreStation(backup: StationBackup, options: RestoreOptions): Promise<RestoreReport> {
  const database = options.database ?? db();
  const staged = await stagedTables(backup).catch((error: unknown) => {
    // Rows that will not load at their own schema version: the file is inconsistent, whatever its signature says.
    throw error instanceof BackupError ? error : new BackupError('damaged', error instanceof Error ? error.message : String(error));
  });
  const key = backup.secrets.stationSecretKey ? await protectStationKey(backup.secrets.stationSecretKey) : null;
  const tables = database.tables.map((t) => t.name);
  await runCommand({
    tables,
    database,
    async work(scope) {
      if (options.firstRun && tables.includes('officers') && (await database.table('officers').count()) > 0) throw new BackupError('notEmpty');
      const localTrail = await database.table<AuditEntry, number>(AUDIT_TABLE).orderBy('seq').toArray();
      // This PC's data key: the restored rows are sealed under it as they are written, so it must survive the clear.
      const dataKey = await readMeta(dataKeyMeta, database);
      // Sync: this PC's own event streams survive the restore, so the station never forks (renderer/sync/restore.ts).
      const ownStreams = await captureOwnStreams(database, backup.station?.code ?? '');
      for (const name of tables) await database.table(name).clear();
      if (dataKey) await writeMeta(dataKeyMeta, dataKey, database);
      for (const t of staged) {
        if (!tables.includes(t.name)) continue;
        const table = database.table(t.name);
        if (t.name === AUDIT_TABLE) await table.bulkAdd(mergeRestoredTrail(t.rows as AuditEntry[], localTrail));
        else if (t.keys) await table.bulkAdd(t.rows, t.keys as never[]);
        else await table.bulkAdd(t.rows);
      }
      if (key) await writeMeta(protectedStationKeyMeta, key, database);
      await authenticateRestoredTrail(scope.tx);
      if (backup.station) await mergeOwnStreams(database, backup.station.code, ownStreams);
      const code = backup.station?.code ?? '';
      scope.audit({ station: code, officer: options.actor, action: 'station.restore', object: code, result: 'success', detail: `backup of ${backup.createdAt} by ${backup.createdBy}` });
    },
  });
  // The restored trail replaces this PC's: its end is now the anchor (see features/audit/anchor.ts).
  resetAnchor(database.name, (await database.table<AuditEntry, number>(AUDIT_TABLE).orderBy('seq').last()) ?? null);
  const secret = backup.secrets.stationSecretKey;
  holdUnlockedStationKey(database, secret ? keyPairFromSeed(hexToBytes(secret)) : null);
  return { station: backup.station, rows: staged.reduce((n, t) => n + t.rows.length, 0) };
}
