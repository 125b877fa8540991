import type Dexie from 'dexie';
import type { SignedCheckpoint, SignedCheckpointHeld } from '@shared/audit/checkpoint';

/**
 * 审计检查点 (schema v9, `auditCheckpoints`): the checkpoints this station sent (`sent`, with the tags), the ones
 * it holds for its neighbours (`held`) and the neighbours' signed acknowledgements of ours (`ack`). Never pruned:
 * a few rows a day, and the oldest acknowledgement still dates what it covers.
 */
export const CHECKPOINTS_TABLE = 'auditCheckpoints';

export type CheckpointRow =
  | { id: string; kind: 'sent'; seq: number; station: string; signed: SignedCheckpoint; sentTo: string[]; at: string }
  | { id: string; kind: 'held'; seq: number; station: string; signed: SignedCheckpoint; at: string }
  | { id: string; kind: 'ack'; seq: number; station: string; signed: SignedCheckpointHeld; at: string };

export const sentId = (seq: number) => `sent:${seq}`;
export const heldId = (station: string, seq: number) => `held:${station}:${seq}`;
export const ackId = (seq: number, heldBy: string) => `ack:${seq}:${heldBy}`;

export const checkpointsTable = (source: Pick<Dexie, 'table'>) => source.table<CheckpointRow, string>(CHECKPOINTS_TABLE);

/** Rows of one kind, oldest checkpoint first. */
export async function rowsOfKind<K extends CheckpointRow['kind']>(source: Pick<Dexie, 'table'>, kind: K): Promise<Extract<CheckpointRow, { kind: K }>[]> {
  const rows = await checkpointsTable(source)
    .where('[kind+seq]')
    .between([kind, -Infinity], [kind, Infinity])
    .toArray();
  return rows.filter((row): row is Extract<CheckpointRow, { kind: K }> => row.kind === kind);
}
