import type Dexie from 'dexie';
import { demoStationSetup, DEMO_STATIONS } from '@shared/demo/demo-network';
import { META_TABLE, db, writeMeta } from '@renderer/platform/db';
import { assertDemoInstallAllowed, stationIdentityMeta, storePlainStationKey } from '@renderer/platform/station';
import { pinTrust } from './trust';

/** The demo station a fresh install becomes unless the user picks another (青浦 蒸淀, like the development station). */
export const DEFAULT_DEMO_STATION = DEMO_STATIONS.zhendian;

/**
 * DEMO ONLY: makes this installation one of the demo network's stations — identity, signing key (kept in IndexedDB,
 * acceptable only because demo keys are public anyway), the demo root pinned and the demo roster.
 * Call `useStationStore().load()` and `useRosterStore().load()` afterwards to refresh the UI.
 * Refused (`DemoNotAllowedError`) on a provisioned station and where machine policy disables demo stations.
 */
export async function installDemoStation(code: string = DEFAULT_DEMO_STATION, database: Dexie = db()): Promise<void> {
  const setup = demoStationSetup(code);
  await assertDemoInstallAllowed(database);
  await database.transaction('rw', META_TABLE, async () => {
    await writeMeta(stationIdentityMeta, setup.identity, database);
    await storePlainStationKey(setup.key, database);
    await pinTrust(database, setup.rootPublicKey, setup.roster);
  });
}
