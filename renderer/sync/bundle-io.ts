import type Dexie from 'dexie';
import { ulid } from 'ulid';
import type { SignedBatch } from '@shared/sync/batch';
import { decodeBundle, encodeBundle, signBundle, BUNDLE_FORMAT, BUNDLE_MAX_INFLATED_BYTES, BUNDLE_VERSION, type BundleProblem } from '@shared/sync/bundle';
import { canonicalJson } from '@shared/sync/canonical';
import { neighboursOf } from '@shared/sync/roster';
import { applyCheckedBatch, checkBatch, type InboxContext, type ReceiveResult } from './inbox';
import { pipelined } from './pipeline';
import { cursorBatch, defaultLimits, nextBatches, pendingByPeer } from './outbox';
import { signingStation } from '@renderer/platform/station';
import { loadTrust } from './trust';
import { cursorsTable } from './tables';

export interface ExportedBundle {
  bytes: Uint8Array;
  batches: number;
  events: number;
  peers: string[];
  /** Batches left out to keep the bundle within its size limit: they go in the next bundle. */
  leftOut: number;
}

/** Room for the bundle's own fields around its batches. */
const BUNDLE_HEADROOM_BYTES = 64 * 1024;

/** The batches, in order, that fit in one bundle (every importer refuses a bigger one). */
function fitting(batches: SignedBatch[]): SignedBatch[] {
  const encoder = new TextEncoder();
  let size = BUNDLE_HEADROOM_BYTES;
  const out: SignedBatch[] = [];
  for (const batch of batches) {
    size += encoder.encode(canonicalJson(batch)).length + 1;
    if (size > BUNDLE_MAX_INFLATED_BYTES) break;
    out.push(batch);
  }
  return out;
}

/**
 * 导出离线同步包: for each chosen peer (when none are chosen: those with something pending and those that sent us
 * events), every batch it has not confirmed and this station's cursor for it, signed as one bundle. Events stay in
 * the outbox: only the recipient's cursor proves delivery (§8.3), so a peer with nothing pending still gets our
 * cursor — two stations that only exchange bundles confirm each other's events too. A batch that arrives both ways
 * is applied once.
 */
export async function exportBundle(database: Dexie, peers?: string[]): Promise<ExportedBundle> {
  const self = await signingStation(database);
  const pending = await pendingByPeer(database);
  // Stations that sent us events are owed our cursor — while they are still neighbours under the roster we hold.
  const trust = await loadTrust(database);
  const neighbours = new Set(trust.roster ? neighboursOf(trust.roster.roster, self.identity.code).map((s) => s.code) : []);
  const senders = (await cursorsTable(database).toCollection().primaryKeys()).map(String).filter((code) => neighbours.has(code));
  const chosen = [...new Set(peers ?? [...pending.keys(), ...senders])].filter((p) => p !== self.identity.code).sort();
  const all: SignedBatch[] = [];
  for (const peer of chosen) {
    // Everything the peer has not confirmed (sent or not), then this station's cursor for it (protocol 2, §8.3).
    all.push(...(await nextBatches(database, { code: self.identity.code, key: self.key }, peer, Number.MAX_SAFE_INTEGER, defaultLimits, true)));
    all.push(await cursorBatch(database, { code: self.identity.code, key: self.key }, peer));
  }
  const batches = fitting(all);
  const bundle = signBundle(
    { format: BUNDLE_FORMAT, v: BUNDLE_VERSION, id: ulid(), from: self.identity.code, createdAt: new Date().toISOString(), batches },
    self.key.secretKey,
  );
  return { bytes: encodeBundle(bundle), batches: batches.filter((b) => b.events.length > 0).length, events: batches.reduce((n, b) => n + b.events.length, 0), peers: chosen, leftOut: all.length - batches.length };
}

export class BundleRejectedError extends Error {
  constructor(readonly problem: BundleProblem | 'noRoster') {
    super(`bundle rejected: ${problem}`);
    this.name = 'BundleRejectedError';
  }
}

export interface ImportSummary {
  from: string;
  /** Batches addressed to other stations (an "all peers" bundle) are left alone. */
  skipped: number;
  results: ReceiveResult[];
  applied: number;
  duplicates: number;
  quarantined: number;
}

/**
 * 导入离线同步包: the whole file is authenticated before anything is applied (a truncated or tampered file is
 * refused outright); then each batch for us goes through exactly the inbox path. Importing twice changes nothing.
 */
export async function importBundle(ctx: InboxContext, bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<ImportSummary> {
  const [self, trust] = await Promise.all([signingStation(ctx.database), loadTrust(ctx.database)]);
  if (!trust.roster) throw new BundleRejectedError('noRoster');
  const stations = trust.roster.roster.stations;
  const decoded = decodeBundle(bytes, (code) => stations.find((s) => s.code === code)?.publicKey);
  if (!decoded.ok) throw new BundleRejectedError(decoded.problem);
  const mine = decoded.bundle.batches.filter((b) => b.to === self.identity.code);
  const results: ReceiveResult[] = [];
  await pipelined(mine, {
    prepare: (batch) => checkBatch(ctx, batch, 'bundle'),
    commit: async (checked) => {
      results.push(await applyCheckedBatch(ctx, await checked));
      onProgress?.(results.length, mine.length);
    },
  });
  const applied = results.reduce((n, r) => n + (r.outcome === 'applied' ? r.applied : 0), 0);
  const duplicates = results.reduce((n, r) => n + (r.outcome === 'applied' ? r.duplicates : 0), 0);
  const quarantined = results.filter((r) => r.outcome === 'quarantined').length;
  return { from: decoded.bundle.from, skipped: decoded.bundle.batches.length - mine.length, results, applied, duplicates, quarantined };
}
