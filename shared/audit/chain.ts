import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

/**
 * The audit trail (审计日志) is a hash chain: each entry's hash covers its content and the previous hash, so an
 * edited, inserted or deleted entry breaks every hash after it.
 */
export const auditResult = z.enum(['success', 'denied', 'failure']);

export const auditEntryContent = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string(),
  station: z.string(),
  /** `province:警号` of the officer, or `system` / `anonymous` before sign-in. */
  officer: z.string(),
  action: z.string().min(1),
  object: z.string(),
  result: auditResult,
  detail: z.string().default(''),
});
export type AuditEntryContent = z.infer<typeof auditEntryContent>;

/** `mac`: the entry's hash authenticated with the station key (shared/audit/entry-mac.ts); absent on older entries. */
export const auditEntry = auditEntryContent.extend({ prevHash: z.string(), hash: z.string(), mac: z.string().optional() });
export type AuditEntry = z.infer<typeof auditEntry>;

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical text of an entry: fixed field order, JSON-escaped values. */
function canonical(content: AuditEntryContent, prevHash: string): string {
  const c = content;
  return JSON.stringify([c.seq, c.at, c.station, c.officer, c.action, c.object, c.result, c.detail, prevHash]);
}

export function hashEntry(content: AuditEntryContent, prevHash: string): string {
  return bytesToHex(sha256(utf8ToBytes(canonical(content, prevHash))));
}

export function chainEntry(content: AuditEntryContent, prev: Pick<AuditEntry, 'hash' | 'seq'> | null): AuditEntry {
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const seq = prev ? prev.seq + 1 : 0;
  const withSeq = { ...content, seq };
  return { ...withSeq, prevHash, hash: hashEntry(withSeq, prevHash) };
}

export type ChainBreak = { seq: number; reason: 'hash' | 'link' | 'sequence' | 'anchor' | 'mac' };

/**
 * The newest entry as last committed, kept outside the trail's own table. A chain alone cannot show that its
 * newest entries were cut off (what is left still links up); the anchor can: the trail must reach it, with the
 * same hash there.
 */
export const chainAnchor = z.object({ seq: z.number().int().nonnegative(), hash: z.string().length(64) });
export type ChainAnchor = z.infer<typeof chainAnchor>;

/** Checks walked entries against the anchor: a different entry at its seq means the tail was replaced. */
export function anchorBreak(entries: readonly AuditEntry[], anchor: ChainAnchor | null): ChainBreak | null {
  const at = anchor ? entries.find((e) => e.seq === anchor.seq) : undefined;
  return anchor && at && at.hash !== anchor.hash ? { seq: anchor.seq, reason: 'anchor' } : null;
}

/** After the whole walk: a trail that ends before the anchor lost its newest entries. */
export function anchorReached(end: ChainCursor, anchor: ChainAnchor | null): ChainBreak | null {
  return anchor && anchor.seq >= end.expectedSeq ? { seq: end.expectedSeq, reason: 'anchor' } : null;
}

/** Where a walk of the chain has got to: the hash the next entry must link to, and its seq. */
export interface ChainCursor {
  prevHash: string;
  expectedSeq: number;
}

export const chainStart: ChainCursor = { prevHash: GENESIS_HASH, expectedSeq: 0 };

/**
 * Walks one run of entries (in seq order) on from `cursor`: long trails are checked in pages, with progress.
 * Returns the first break, or the cursor to continue from.
 */
export function verifyChainSegment(entries: readonly AuditEntry[], cursor: ChainCursor): { break: ChainBreak | null; cursor: ChainCursor } {
  let { prevHash, expectedSeq } = cursor;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { break: { seq: entry.seq, reason: 'sequence' }, cursor: { prevHash, expectedSeq } };
    if (entry.prevHash !== prevHash) return { break: { seq: entry.seq, reason: 'link' }, cursor: { prevHash, expectedSeq } };
    const { hash, prevHash: _p, ...content } = entry;
    if (hashEntry(content, entry.prevHash) !== hash) return { break: { seq: entry.seq, reason: 'hash' }, cursor: { prevHash, expectedSeq } };
    prevHash = hash;
    expectedSeq += 1;
  }
  return { break: null, cursor: { prevHash, expectedSeq } };
}

/** Walks entries in seq order; returns the first break, or null when the chain is whole. */
export function verifyChain(entries: readonly AuditEntry[]): ChainBreak | null {
  return verifyChainSegment(entries, chainStart).break;
}

/**
 * The trail to keep when a backup is restored over this PC's data. Nobody may erase audit entries by restoring an
 * older backup (a station admin may restore; nobody may erase the trail), so:
 * - when this PC's trail already contains the backup's (same hash at the backup's last entry), ours is kept whole;
 * - otherwise the backup's trail comes first and ours is carried after it, each entry re-chained with its content
 *   unchanged and its old number in `detail`.
 */
export function mergeRestoredTrail(restored: readonly AuditEntry[], local: readonly AuditEntry[]): AuditEntry[] {
  const tail = restored.at(-1);
  if (local.length === 0) return [...restored];
  if (!tail || local.find((e) => e.seq === tail.seq)?.hash === tail.hash) return [...local];
  const merged = [...restored];
  for (const entry of local) {
    // Its MAC was over the old hash: the station authenticates the carried entry again (platform/audit).
    const { hash: _hash, prevHash: _prev, mac: _mac, ...content } = entry;
    const carried = { ...content, detail: `carried from #${entry.seq} before restore${content.detail ? `: ${content.detail}` : ''}` };
    merged.push(chainEntry(carried, merged.at(-1) ?? null));
  }
  return merged;
}
