import type Dexie from 'dexie';
import { publicKeyHex } from '@shared/sync/keys';
import { checkRoster, signedRoster, type RosterCheck, type SignedRoster } from '@shared/sync/roster';
import { META_TABLE, defineMetaKey, readMeta, writeMeta } from '@renderer/platform/db';

/** The root key this station trusts (pinned once, by provisioning or the demo installer) and its newest roster. */
const rootPublicKeyMeta = defineMetaKey('sync.rootPublicKey', publicKeyHex);
const rosterMeta = defineMetaKey('sync.roster', signedRoster);

/** What this station trusts: the pinned root key and the newest roster it signed. */
export interface Trust {
  rootPublicKey: string | null;
  roster: SignedRoster | null;
}

export async function loadTrust(database: Dexie): Promise<Trust> {
  const [rootPublicKey, roster] = await Promise.all([readMeta(rootPublicKeyMeta, database), readMeta(rosterMeta, database)]);
  return { rootPublicKey, roster };
}

/**
 * Accepts a roster only when it is signed by the pinned root and newer than the one held. Runs in the caller's
 * transaction when there is one (the inbox applies `roster.updated` this way).
 */
export async function acceptRoster(database: Dexie, candidate: unknown): Promise<RosterCheck> {
  const write = async (): Promise<RosterCheck> => {
    const trust = await loadTrust(database);
    if (!trust.rootPublicKey) return { ok: false, reason: 'badSignature' };
    const check = checkRoster(candidate, trust.rootPublicKey, trust.roster?.roster.version ?? 0);
    if (check.ok) await writeMeta(rosterMeta, signedRoster.parse(candidate), database);
    return check;
  };
  return database.transaction('rw', META_TABLE, write);
}

/** Pins the root key (provisioning, or the demo network) and stores the first roster it signed. */
export async function pinTrust(database: Dexie, rootPublicKey: string, roster: SignedRoster): Promise<void> {
  await database.transaction('rw', META_TABLE, async () => {
    await writeMeta(rootPublicKeyMeta, rootPublicKey, database);
    const check = checkRoster(roster, rootPublicKey, 0);
    if (!check.ok) throw new Error(`roster refused: ${check.reason}`);
    await writeMeta(rosterMeta, roster, database);
  });
}
