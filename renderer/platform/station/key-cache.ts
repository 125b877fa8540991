import type Dexie from 'dexie';
import type { KeyPair } from '@shared/sync/keys';

/**
 * The station key, once unprotected, held in memory for this window. Unprotecting is a host (IPC) call, which
 * must never happen inside an IndexedDB transaction (the transaction would commit under it), while events are
 * signed inside transactions: so the key is unlocked once at start-up (`unlockStationKey` in provisioning.ts)
 * and read synchronously here by sync's signer.
 */
const unlocked = new Map<string, KeyPair>();

export function unlockedStationKey(database: Dexie): KeyPair | null {
  return unlocked.get(database.name) ?? null;
}

export function rememberStationKey(database: Dexie, pair: KeyPair | null): void {
  if (pair) unlocked.set(database.name, pair);
  else unlocked.delete(database.name);
}
