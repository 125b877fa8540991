import type Dexie from 'dexie';
import {
  checkpointDigest,
  compareWithCheckpoints,
  verifyCheckpoint,
  verifyHeld,
  type AcknowledgedCheckpoint,
  type CheckpointBreak,
} from '@shared/audit/checkpoint';
import { db } from '@renderer/platform/db';
import { auditTable } from '@renderer/platform/audit';
import { signingStation } from '@renderer/platform/station';
import { loadTrust } from '@renderer/sync';
import { rowsOfKind } from './checkpoint-table';

/** What the auditor sees of the checkpoints: the last one sent, the last one a neighbour acknowledged, and how the trail compares. */
export interface CheckpointStatus {
  lastSent: { seq: number; at: string; sentTo: string[] } | null;
  lastAcknowledged: AcknowledgedCheckpoint | null;
  /** Acknowledgements on this PC whose signature or content does not check out (planted or altered here). */
  refused: number;
  break: CheckpointBreak | null;
}

/**
 * The checkpoints neighbours acknowledged, each checked again here: the holder's signature with its roster key,
 * and the digest against the copy this station kept of what it sent (signed with this station's own key). Only
 * these count: someone at the PC can write rows but cannot sign as a neighbour.
 */
async function acknowledged(database: Dexie): Promise<{ checkpoints: AcknowledgedCheckpoint[]; refused: number }> {
  const [acks, sent, trust, self] = await Promise.all([rowsOfKind(database, 'ack'), rowsOfKind(database, 'sent'), loadTrust(database), signingStation(database)]);
  const keyOf = (code: string) => trust.roster?.roster.stations.find((s) => s.code === code)?.publicKey;
  const ownKey = keyOf(self.identity.code) ?? self.key.publicKey;
  const sentBySeq = new Map(sent.map((row) => [row.seq, row]));
  const bySeq = new Map<number, AcknowledgedCheckpoint>();
  let refused = 0;
  for (const row of acks) {
    const { held } = row.signed;
    const holderKey = keyOf(held.heldBy);
    const copy = sentBySeq.get(held.seq);
    const valid =
      holderKey !== undefined && verifyHeld(row.signed, holderKey) && held.station === self.identity.code && copy !== undefined && checkpointDigest(copy.signed) === held.digest && verifyCheckpoint(copy.signed, ownKey);
    if (!valid || !copy) {
      refused += 1;
      continue;
    }
    const entry = bySeq.get(held.seq) ?? { checkpoint: copy.signed.checkpoint, holders: [] };
    entry.holders.push({ station: held.heldBy, heldAt: held.heldAt });
    bySeq.set(held.seq, entry);
  }
  return { checkpoints: [...bySeq.values()].sort((a, b) => a.checkpoint.seq - b.checkpoint.seq), refused };
}

/** Compares the trail with every checkpoint a neighbour acknowledged; says where it first differs. */
export async function checkAgainstCheckpoints(database: Dexie = db()): Promise<CheckpointStatus> {
  const [{ checkpoints, refused }, sent] = await Promise.all([acknowledged(database), rowsOfKind(database, 'sent')]);
  const last = sent.at(-1);
  const trail = auditTable(database);
  const found = await compareWithCheckpoints(
    checkpoints.map((c) => c.checkpoint),
    (seqs) => trail.bulkGet(seqs),
    (from, to) => trail.where('seq').between(from, to, true, true).toArray(),
  );
  return {
    lastSent: last ? { seq: last.seq, at: last.at, sentTo: last.sentTo } : null,
    lastAcknowledged: checkpoints.at(-1) ?? null,
    refused,
    break: found,
  };
}
