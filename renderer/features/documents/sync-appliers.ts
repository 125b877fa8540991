import type { Transaction } from 'dexie';
import { documentKey, signedRevocation, verifyRevocation } from '@shared/documents';
import { EventNotAuthorizedError, META_TABLE, loadTrust, type FeatureAppliers, type IncomingEvent } from '@renderer/sync';
import { REVOCATIONS_TABLE, revocationsTable } from './tables';

/**
 * A neighbour's revocation of one of ITS documents: accepted only from the issuing station itself, about the
 * document the aggregate id names, and signed with the issuer's key from the roster (it stays checkable outside
 * sync). A repeat or a later revocation of a document already revoked keeps the first.
 */
async function applyRevoked(event: IncomingEvent, tx: Transaction): Promise<void> {
  const signed = signedRevocation.parse(event.payload);
  const key = documentKey({ issuingStation: signed.issuingStation, type: signed.documentType, number: signed.number });
  if (signed.issuingStation !== event.authorStation || event.aggregateId !== key) {
    throw new EventNotAuthorizedError(`${event.authorStation} may not revoke ${key}`);
  }
  const trust = await loadTrust(tx.db);
  const publicKey = trust.roster?.roster.stations.find((s) => s.code === signed.issuingStation)?.publicKey;
  if (!publicKey || !verifyRevocation(signed, publicKey)) throw new EventNotAuthorizedError(`revocation of ${key}: bad signature`);
  const table = revocationsTable(tx);
  if (await table.get(key)) return;
  await table.put({ key, issuingStation: signed.issuingStation, signed, at: new Date().toISOString() });
}

export const appliers: FeatureAppliers = {
  // The meta table too: the issuer's key is read from the roster held there, in the same transaction.
  tables: [REVOCATIONS_TABLE, META_TABLE],
  appliers: { 'documents.revoked': applyRevoked },
};
