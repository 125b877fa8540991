import type Dexie from 'dexie';
import { developmentStation } from '@shared/domain/dev-station';
import { stationIdentity, type StationIdentity } from '@shared/domain/station';
import { db, defineMetaKey, readMeta } from '@renderer/platform/db';

/** The station this installation speaks for, as provisioning (or the demo installer) wrote it. Owned here. */
export const stationIdentityMeta = defineMetaKey('station.identity', stationIdentity);

/** The stored identity, or null on a fresh (development) install. */
export function storedStationIdentity(database: Dexie = db()): Promise<StationIdentity | null> {
  return readMeta(stationIdentityMeta, database);
}

/** The identity this installation acts as: the stored one, else the development station. (A Dexie promise: see meta.ts.) */
export function currentStationIdentity(database: Dexie = db()): Promise<StationIdentity> {
  return storedStationIdentity(database).then((identity) => identity ?? developmentStation);
}
