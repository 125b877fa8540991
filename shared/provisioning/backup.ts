import { z } from 'zod';
import { gunzipSync, gzipSync } from 'fflate';
import { stationIdentity } from '../domain/station';
import { hashHex } from '../sync/keys';
import { fromUtf8, utf8 } from '../bytes';
import { fromTagged, toTagged } from './tagged-json';

/**
 * A station backup, as it is inside the sealed file (purpose `station-backup`): every table of the station
 * database at one schema version, plus the station's secret key (which on the PC is protected by the OS and
 * bound to that machine, so it travels here, under the backup passphrase, to reach the replacement PC).
 */

export const backupTable = z.object({
  name: z.string().min(1).max(64),
  /** Out-of-line primary keys (tables without a key path) travel beside the rows, in the same order. */
  keys: z.array(z.unknown()).nullable(),
  rows: z.array(z.unknown()),
});
export type BackupTable = z.infer<typeof backupTable>;

export const stationBackup = z
  .object({
    format: z.literal('yrd-station-backup'),
    version: z.literal(1),
    createdAt: z.iso.datetime(),
    /** The Dexie schema version the rows are shaped for; restore upgrades older ones. */
    schemaVersion: z.number().int().positive(),
    station: stationIdentity.nullable(),
    createdBy: z.string().max(60),
    tables: z.array(backupTable),
    secrets: z.object({ stationSecretKey: hashHex.nullable() }),
  })
  .refine((b) => b.tables.every((t) => t.keys === null || t.keys.length === t.rows.length), 'keys and rows differ in length')
  .refine((b) => new Set(b.tables.map((t) => t.name)).size === b.tables.length, 'a table appears twice');
export type StationBackup = z.infer<typeof stationBackup>;

/** Backup → gzipped tagged JSON, ready to seal. */
export function encodeBackup(backup: StationBackup): Uint8Array {
  return gzipSync(utf8(JSON.stringify(toTagged(backup))), { level: 6 });
}

export class BackupFormatError extends Error {
  constructor(detail: string) {
    super(`not a valid station backup: ${detail}`);
    this.name = 'BackupFormatError';
  }
}

/** Opened bytes → a validated backup, Dates and binary values restored. */
export function decodeBackup(bytes: Uint8Array): StationBackup {
  let raw: unknown;
  try {
    raw = fromTagged(JSON.parse(fromUtf8(gunzipSync(bytes))));
  } catch (error) {
    throw new BackupFormatError(error instanceof Error ? error.message : 'unreadable');
  }
  const parsed = stationBackup.safeParse(raw);
  if (!parsed.success) throw new BackupFormatError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
