import type { Transaction } from 'dexie';
import { assembleChunks, attachmentChunk, attachmentRequested, chunkCount, chunkLength, sliceChunk } from '@shared/attachments';
import { Base64Error, fromBase64, toBase64 } from '@shared/bytes';
import { sha256Hex } from '@shared/sync/keys';
import { signingStation } from '@renderer/platform/station';
import { EVENT_LOG_TABLES, EventNotAuthorizedError, SYNC_TABLES, appendEvent, type FeatureAppliers, type IncomingEvent } from '@renderer/sync';
import { heldChunks } from './commands';
import { ATTACHMENT_TABLES, chunksTable, fetchesTable, filesTable, servedId, servedTable, type ServedRow } from './tables';

/**
 * How often one chunk is sent to one asker at most: an honest one needs it once (twice after a lost link); a
 * neighbour asking again and again cannot make this station send a file more often than this.
 */
export const SERVE_MAX_TIMES = 3;

/** The events still in this station's outbox for `peer` (undelivered: its cursor does not cover them yet). */
async function undeliveredTo(tx: Transaction, peer: string): Promise<Set<string>> {
  const rows = await tx.table<{ eventId: string }>(SYNC_TABLES.outbox).where('peer').equals(peer).toArray();
  return new Set(rows.map((r) => r.eventId));
}

/**
 * Owner side: a neighbour asks for chunks of a file this station holds. Only of its own files, naming the right
 * size and sha256 (proof the asker was given the ref). Sends each missing chunk to the asker only, skipping a
 * chunk whose previous event is still undelivered (it will arrive) or that was sent SERVE_MAX_TIMES already.
 */
async function applyRequested(event: IncomingEvent, tx: Transaction): Promise<void> {
  const request = attachmentRequested.parse(event.payload);
  const self = await signingStation(tx.db);
  const file = await filesTable(tx).get(request.fileId);
  if (!file || file.ownerStation !== self.identity.code || file.sha256 !== request.sha256 || file.size !== request.size) {
    throw new EventNotAuthorizedError(`attachment ${request.fileId}: not a file this station holds with that size and hash`);
  }
  const peer = event.authorStation;
  const [served, pending] = await Promise.all([servedTable(tx).get(servedId(file.id, peer)), undeliveredTo(tx, peer)]);
  const row: ServedRow = served ?? { id: servedId(file.id, peer), sent: {} };
  const count = chunkCount(file.size);
  const officer = `${self.identity.province}:system`;
  for (const index of request.missing) {
    const previous = row.sent[String(index)];
    if (previous && (pending.has(previous.eventId) || previous.times >= SERVE_MAX_TIMES)) continue;
    const data = toBase64(sliceChunk(file.bytes, index));
    const payload = { fileId: file.id, sha256: file.sha256, index, count, data };
    const { id } = await appendEvent({ type: 'attachment.chunk', aggregateId: file.id, recipients: [peer], payload, officer }, tx);
    row.sent[String(index)] = { eventId: id, times: (previous?.times ?? 0) + 1 };
  }
  await servedTable(tx).put(row);
}

function chunkBytes(data: string): Uint8Array {
  try {
    return fromBase64(data);
  } catch (error) {
    if (error instanceof Base64Error) throw new EventNotAuthorizedError('attachment chunk: data is not base64');
    throw error;
  }
}

/**
 * Recipient side: a chunk of a file this station asked for, from the station it asked. Checked against the ref
 * the fetch holds (sha256, chunk count, the chunk's exact length) before it is stored; a chunk of a file never
 * asked for, or from another station, is refused. When the last one is in, the file is assembled and verified
 * by its sha256: kept if it matches, else every chunk is dropped and the fetch marked corrupt.
 */
async function applyChunk(event: IncomingEvent, tx: Transaction): Promise<void> {
  const chunk = attachmentChunk.parse(event.payload);
  const fetch = await fetchesTable(tx).get(chunk.fileId);
  if (!fetch || fetch.ownerStation !== event.authorStation) {
    throw new EventNotAuthorizedError(`attachment chunk ${chunk.fileId}: this station did not ask ${event.authorStation} for it`);
  }
  if (fetch.status !== 'fetching') return; // complete (a late repeat) or corrupt (until asked again)
  if (chunk.sha256 !== fetch.sha256 || chunk.count !== fetch.count) throw new EventNotAuthorizedError(`attachment chunk ${chunk.fileId}: not of the file asked for`);
  const data = chunkBytes(chunk.data);
  if (data.length !== chunkLength(fetch.size, chunk.index)) throw new EventNotAuthorizedError(`attachment chunk ${chunk.fileId}#${chunk.index}: wrong length`);
  const now = new Date().toISOString();
  await chunksTable(tx).put({ fileId: chunk.fileId, index: chunk.index, data, at: now });
  const held = await heldChunks(tx, chunk.fileId);
  if (held.length < fetch.count) {
    await fetchesTable(tx).put({ ...fetch, lastChunkAt: now });
    return;
  }
  const chunks = await chunksTable(tx).where('[fileId+index]').between([chunk.fileId, 0], [chunk.fileId, fetch.count]).toArray();
  const bytes = assembleChunks(fetch.size, chunks);
  const verified = sha256Hex(bytes) === fetch.sha256;
  if (verified) {
    const { id, name, mime, size, sha256, ownerStation } = fetch;
    await filesTable(tx).put({ id, name, mime, size, sha256, ownerStation, thumbnail: '', bytes, storedAt: now });
  }
  await Promise.all([
    chunksTable(tx).where('[fileId+index]').between([chunk.fileId, 0], [chunk.fileId, fetch.count]).delete(),
    fetchesTable(tx).put({ ...fetch, status: verified ? 'complete' : 'corrupt', lastChunkAt: now }),
  ]);
}

export const appliers: FeatureAppliers = {
  // The event log's tables too: the owner answers a request with chunk events in the transaction that applies it.
  tables: [...Object.values(ATTACHMENT_TABLES), ...EVENT_LOG_TABLES],
  appliers: {
    'attachment.requested': applyRequested,
    'attachment.chunk': applyChunk,
  },
};
