import type Dexie from 'dexie';
import { recipientGroups } from '@shared/sync/event';
import { CHECKPOINT_MAX_TAGS, buildCheckpoint, signCheckpoint, type AuditCheckpoint } from '@shared/audit/checkpoint';
import { neighboursOf } from '@shared/sync/roster';
import { db } from '@renderer/platform/db';
import { auditTable } from '@renderer/platform/audit';
import { signingStation } from '@renderer/platform/station';
import { loadTrust, runCommand } from '@renderer/sync';
import { CHECKPOINTS_TABLE, checkpointsTable, rowsOfKind, sentId } from './checkpoint-table';

/** Who a checkpoint goes to: the station's neighbours in the roster (the roster names no district sub-bureau yet). */
async function holdersFor(database: Dexie, station: string): Promise<string[]> {
  const trust = await loadTrust(database);
  return trust.roster ? neighboursOf(trust.roster.roster, station).map((s) => s.code) : [];
}

/**
 * Sends a signed checkpoint of the audit trail to the neighbours, if there is anything new since the last one:
 * one command (the kept copy, its audit entry and the event, in one transaction). Returns the checkpoint, or null
 * when there was nothing to send or nobody to send it to (a development station, a station without a roster).
 */
export async function sendAuditCheckpoint(officer: string, database: Dexie = db()): Promise<AuditCheckpoint | null> {
  const { identity, key } = await signingStation(database);
  const recipients = await holdersFor(database, identity.code);
  if (recipients.length === 0) return null;
  return runCommand({
    database,
    tables: [CHECKPOINTS_TABLE],
    emits: true,
    work: async ({ tx, audit, emit }) => {
      const [last, head] = await Promise.all([rowsOfKind(tx, 'sent').then((rows) => rows.at(-1)), auditTable(tx).orderBy('seq').last()]);
      // The entry right after a checkpoint is its own record (written below): not something new to send.
      if (!head || (last && head.seq <= last.seq + 1)) return null;
      const from = Math.max(last ? last.seq + 1 : 0, head.seq - CHECKPOINT_MAX_TAGS + 1);
      const entries = await auditTable(tx).where('seq').between(from, head.seq, true, true).toArray();
      const at = new Date().toISOString();
      const signed = signCheckpoint(buildCheckpoint(identity.code, entries, at), key.secretKey);
      await checkpointsTable(tx).put({ id: sentId(head.seq), kind: 'sent', seq: head.seq, station: identity.code, signed, sentTo: recipients, at });
      audit({ station: identity.code, officer, action: 'audit.checkpoint', object: String(head.seq), result: 'success', detail: recipients.join(',') });
      for (const group of recipientGroups(recipients)) emit({ type: 'audit.checkpoint', aggregateId: `${identity.code}:${head.seq}`, recipients: group, payload: signed, officer });
      return signed.checkpoint;
    },
  });
}
