import type Dexie from 'dexie';
import { demoStationSetup, DEMO_STATIONS } from '@shared/demo/demo-network';
import { STATION_IDENTITY_KEY } from '@renderer/platform/station';
import { db } from '@renderer/platform/db';
import { META_KEYS, writeMeta } from '@renderer/platform/station';
import { pinTrust } from './trust';
import { META_TABLE } from './tables';

/** The demo station a fresh install becomes unless the user picks another (青浦 蒸淀, like the development station). */
export const DEFAULT_DEMO_STATION = DEMO_STATIONS.zhendian;

/**
 * DEMO ONLY: makes this installation one of the demo network's stations — identity, signing key (kept in IndexedDB,
 * acceptable only because demo keys are public anyway), the demo root pinned and the demo roster.
 * Call `useStationStore().load()` and `useRosterStore().load()` afterwards to refresh the UI.
 */
export async function installDemoStation(code: string = DEFAULT_DEMO_STATION, database: Dexie = db()): Promise<void> {
  const setup = demoStationSetup(code);
  await database.transaction('rw', META_TABLE, async () => {
    await writeMeta(database, STATION_IDENTITY_KEY, setup.identity);
    await writeMeta(database, META_KEYS.stationKey, setup.key);
    await pinTrust(database, setup.rootPublicKey, setup.roster);
  });
}
