import { z } from 'zod';
import { stationCode } from '../domain/station';
import { canonicalBytes } from '../sync/canonical';
import { hashHex, sha256Hex, signCanonical, signatureHex, verifyCanonical } from '../sync/keys';
import type { AuditEntry } from './chain';

/**
 * 审计检查点: the station's audit trail as it stood (head seq and hash, entry count), signed with the station key
 * and sent to its neighbours, who keep it and answer with their own signed acknowledgement (`held`). What the
 * station later finds in its trail is compared with what neighbours hold: someone at the PC can rewrite, re-chain
 * or cut the trail and move the local anchor, but cannot make a neighbour's signed copy agree.
 *
 * `tags` are the first 16 hex digits of each entry's hash from `fromSeq` to `seq` (since the previous checkpoint,
 * at most CHECKPOINT_MAX_TAGS): the head hash alone shows that something before it changed; the tags show where.
 */
export const CHECKPOINT_MAX_TAGS = 1000;
export const TAG_LENGTH = 16;

export const auditCheckpoint = z
  .object({
    station: stationCode,
    seq: z.number().int().nonnegative(),
    headHash: hashHex,
    count: z.number().int().positive(),
    fromSeq: z.number().int().nonnegative(),
    tags: z.array(z.string().regex(/^[0-9a-f]{16}$/)).max(CHECKPOINT_MAX_TAGS),
    at: z.iso.datetime(),
  })
  .refine((c) => c.fromSeq <= c.seq && c.tags.length === c.seq - c.fromSeq + 1, 'tags cover fromSeq..seq');
export type AuditCheckpoint = z.infer<typeof auditCheckpoint>;

export const signedCheckpoint = z.object({ checkpoint: auditCheckpoint, signature: signatureHex });
export type SignedCheckpoint = z.infer<typeof signedCheckpoint>;

/** A neighbour's signed statement that it holds a checkpoint (identified by its digest, which covers the tags). */
export const checkpointHeld = z.object({
  station: stationCode,
  seq: z.number().int().nonnegative(),
  headHash: hashHex,
  count: z.number().int().positive(),
  at: z.iso.datetime(),
  digest: hashHex,
  heldBy: stationCode,
  heldAt: z.iso.datetime(),
});
export type CheckpointHeld = z.infer<typeof checkpointHeld>;

export const signedCheckpointHeld = z.object({ held: checkpointHeld, signature: signatureHex });
export type SignedCheckpointHeld = z.infer<typeof signedCheckpointHeld>;

// Each signature names what it is for, so neither can be passed off as the other or as any other signed content.
const checkpointStatement = (checkpoint: AuditCheckpoint) => ({ purpose: 'yrd.audit.checkpoint.v1', checkpoint });
const heldStatement = (held: CheckpointHeld) => ({ purpose: 'yrd.audit.checkpointHeld.v1', held });

export const tagOf = (entry: Pick<AuditEntry, 'hash'>): string => entry.hash.slice(0, TAG_LENGTH);

/** The checkpoint of `entries` (seq order, ending at the head; starting where the tags start). */
export function buildCheckpoint(station: string, entries: readonly AuditEntry[], at: string): AuditCheckpoint {
  const head = entries.at(-1);
  const first = entries[0];
  if (!head || !first) throw new Error('a checkpoint needs at least one entry');
  return { station, seq: head.seq, headHash: head.hash, count: head.seq + 1, fromSeq: first.seq, tags: entries.map(tagOf), at };
}

export function signCheckpoint(checkpoint: AuditCheckpoint, secretKey: string): SignedCheckpoint {
  return { checkpoint, signature: signCanonical(checkpointStatement(checkpoint), secretKey) };
}

export function verifyCheckpoint(signed: SignedCheckpoint, publicKey: string): boolean {
  return verifyCanonical(checkpointStatement(signed.checkpoint), signed.signature, publicKey);
}

export const checkpointDigest = (signed: SignedCheckpoint): string => sha256Hex(canonicalBytes(signed));

/** The holder's acknowledgement of a checkpoint it verified and stored. */
export function signHeld(signed: SignedCheckpoint, heldBy: string, heldAt: string, secretKey: string): SignedCheckpointHeld {
  const { station, seq, headHash, count, at } = signed.checkpoint;
  const held: CheckpointHeld = { station, seq, headHash, count, at, digest: checkpointDigest(signed), heldBy, heldAt };
  return { held, signature: signCanonical(heldStatement(held), secretKey) };
}

export function verifyHeld(signed: SignedCheckpointHeld, publicKey: string): boolean {
  return verifyCanonical(heldStatement(signed.held), signed.signature, publicKey);
}

/** An acknowledged checkpoint: what this station sent, with every holder's verified acknowledgement. */
export interface AcknowledgedCheckpoint {
  checkpoint: AuditCheckpoint;
  holders: { station: string; heldAt: string }[];
}

/** Where the trail differs from what a neighbour holds: an entry changed at `seq`, or the trail ends before it. */
export interface CheckpointBreak {
  seq: number;
  reason: 'rewritten' | 'missing';
  /** The checkpoint that shows it. */
  checkpointSeq: number;
}

/**
 * Compares the trail with acknowledged checkpoints, oldest first, and reports the first difference. `entryAt`
 * reads one entry; `range` reads entries in a seq range (only for the checkpoint that differs). Each checkpoint's
 * head must be in the trail with the same hash; where it is not, its tags find the first entry that differs or
 * is missing (or, when the tags all agree, the change lies before them: reported at their start).
 */
export async function compareWithCheckpoints(
  checkpoints: readonly AuditCheckpoint[],
  entryAt: (seqs: number[]) => Promise<(AuditEntry | undefined)[]>,
  range: (from: number, to: number) => Promise<AuditEntry[]>,
): Promise<CheckpointBreak | null> {
  const ordered = [...checkpoints].sort((a, b) => a.seq - b.seq);
  const heads = await entryAt(ordered.map((c) => c.seq));
  const index = ordered.findIndex((c, i) => heads[i]?.hash !== c.headHash);
  const differing = ordered[index];
  if (!differing) return null;
  const local = new Map((await range(differing.fromSeq, differing.seq)).map((e) => [e.seq, e]));
  for (let seq = differing.fromSeq; seq <= differing.seq; seq += 1) {
    const entry = local.get(seq);
    if (!entry) return { seq, reason: 'missing', checkpointSeq: differing.seq };
    if (tagOf(entry) !== differing.tags[seq - differing.fromSeq]) return { seq, reason: 'rewritten', checkpointSeq: differing.seq };
  }
  return { seq: differing.fromSeq, reason: 'rewritten', checkpointSeq: differing.seq };
}
