import { signedRevocation } from './revocation';

/**
 * Document events that travel between stations.
 * - `documents.revoked`: the issuing station revokes one of its printed documents; sent to its neighbours so the
 *   document verifies as `revoked` everywhere once synced. Payload: the signed revocation itself (it stays
 *   checkable outside sync). An applier must accept it only when `authorStation === payload.issuingStation`
 *   (and may check `verifyRevocation` with the author's key); aggregate id: `documentKey(...)`.
 */
export const documentEvents = {
  'documents.revoked': signedRevocation,
} as const;

export type DocumentEventType = keyof typeof documentEvents;
