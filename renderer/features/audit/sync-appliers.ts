import type { Transaction } from 'dexie';
import {
  checkpointDigest,
  signHeld,
  signedCheckpoint,
  signedCheckpointHeld,
  verifyCheckpoint,
  verifyHeld,
} from '@shared/audit/checkpoint';
import { signingStation } from '@renderer/platform/station';
import { EVENT_LOG_TABLES, EventConflictError, EventNotAuthorizedError, appendEvent, loadTrust, type FeatureAppliers, type IncomingEvent } from '@renderer/sync';
import { CHECKPOINTS_TABLE, ackId, checkpointsTable, heldId, sentId } from './checkpoint-table';

/** The author's key from the roster this station trusts (the inbox has already checked the author is listed). */
async function authorKey(tx: Transaction, station: string): Promise<string> {
  const trust = await loadTrust(tx.db);
  const key = trust.roster?.roster.stations.find((s) => s.code === station)?.publicKey;
  if (!key) throw new EventNotAuthorizedError(`${station} is not in the roster`);
  return key;
}

/**
 * A neighbour's checkpoint: only its own, signed with its own key. Kept, then acknowledged with this station's
 * signature, back to the author only (a repeat of one already held is not acknowledged again).
 */
async function applyCheckpoint(event: IncomingEvent, tx: Transaction): Promise<void> {
  const signed = signedCheckpoint.parse(event.payload);
  const { station, seq } = signed.checkpoint;
  if (station !== event.authorStation || event.aggregateId !== `${station}:${seq}`) {
    throw new EventNotAuthorizedError(`${event.authorStation} may not send the audit checkpoint of ${station}`);
  }
  if (!verifyCheckpoint(signed, await authorKey(tx, station))) throw new EventNotAuthorizedError(`audit checkpoint ${event.aggregateId}: bad signature`);
  const table = checkpointsTable(tx);
  const existing = await table.get(heldId(station, seq));
  if (existing?.kind === 'held') {
    if (checkpointDigest(existing.signed) === checkpointDigest(signed)) return;
    throw new EventConflictError(`audit checkpoint ${event.aggregateId} differs from the one held`, existing);
  }
  const heldAt = new Date().toISOString();
  await table.put({ id: heldId(station, seq), kind: 'held', seq, station, signed, at: heldAt });
  const self = await signingStation(tx.db);
  await appendEvent({
    type: 'audit.checkpointHeld',
    aggregateId: `${station}:${seq}:${self.identity.code}`,
    recipients: [station],
    payload: signHeld(signed, self.identity.code, heldAt, self.key.secretKey),
    officer: `${self.identity.province}:system`,
  });
}

/** A neighbour's acknowledgement of one of our checkpoints: signed by that neighbour, about what we sent. */
async function applyHeld(event: IncomingEvent, tx: Transaction): Promise<void> {
  const signed = signedCheckpointHeld.parse(event.payload);
  const { held } = signed;
  const self = await signingStation(tx.db);
  if (held.heldBy !== event.authorStation || held.station !== self.identity.code) {
    throw new EventNotAuthorizedError(`${event.authorStation} may not acknowledge ${held.station}'s checkpoint for ${held.heldBy}`);
  }
  if (!verifyHeld(signed, await authorKey(tx, held.heldBy))) throw new EventNotAuthorizedError(`checkpoint acknowledgement ${event.aggregateId}: bad signature`);
  const table = checkpointsTable(tx);
  const sent = await table.get(sentId(held.seq));
  if (sent?.kind !== 'sent' || checkpointDigest(sent.signed) !== held.digest) {
    throw new EventConflictError(`acknowledgement of audit checkpoint ${held.seq} that this station did not send`, sent ?? null);
  }
  await table.put({ id: ackId(held.seq, held.heldBy), kind: 'ack', seq: held.seq, station: held.heldBy, signed, at: new Date().toISOString() });
}

export const appliers: FeatureAppliers = {
  // The event log's tables too: a held checkpoint is acknowledged in the same transaction that stores it.
  tables: [CHECKPOINTS_TABLE, ...EVENT_LOG_TABLES],
  appliers: {
    'audit.checkpoint': applyCheckpoint,
    'audit.checkpointHeld': applyHeld,
  },
};
