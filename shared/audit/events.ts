import { signedCheckpoint, signedCheckpointHeld } from './checkpoint';

/**
 * Audit events that travel between stations (docs/PROTOCOL.md §Audit checkpoints).
 * - `audit.checkpoint`: a station's signed audit checkpoint, sent to its neighbours; aggregate id
 *   `<station>:<seq>`. An applier accepts it only when `authorStation === payload.checkpoint.station` and the
 *   payload's signature verifies with the author's roster key; it keeps the copy and answers with `audit.checkpointHeld`.
 * - `audit.checkpointHeld`: the holder's signed acknowledgement, sent back to the checkpoint's station only;
 *   aggregate id `<station>:<seq>:<holder>`. Accepted only when `authorStation === payload.held.heldBy`, it is about
 *   this station's own checkpoint, and the signature verifies with the holder's roster key.
 */
export const auditEvents = {
  'audit.checkpoint': signedCheckpoint,
  'audit.checkpointHeld': signedCheckpointHeld,
} as const;

export type AuditEventType = keyof typeof auditEvents;
