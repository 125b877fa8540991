import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { developmentStation } from '@shared/domain/dev-station';
import type { StationIdentity } from '@shared/domain/station';
import { generateKeyPair } from '@shared/sync/keys';
import { StationDatabase } from '@renderer/platform/db/database';
import { writeMeta } from '@renderer/platform/db/meta';
import { stationIdentityMeta } from '@renderer/platform/station/identity';
import {
  NoStationKeyError,
  forgetPlainStationKey,
  holdUnlockedStationKey,
  signingStation,
  storePlainStationKey,
} from '@renderer/platform/station/signing-key';

const provisioned: StationIdentity = { ...developmentStation, code: '310118520001', name: '开通派出所', kind: 'provisioned' };
const demo: StationIdentity = { ...developmentStation, code: '310118520002', name: '演示派出所', kind: 'demo' };

const opened: StationDatabase[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) {
    holdUnlockedStationKey(d, null);
    await d.delete();
  }
});
function station(): StationDatabase {
  const d = new StationDatabase(`signing-test-${opened.length}-${Math.random()}`);
  opened.push(d);
  return d;
}

describe('the station key provider', () => {
  it('signs as the development station with the derivable key when nothing is set up', async () => {
    const d = station();
    const first = await signingStation(d);
    expect(first.identity).toEqual(developmentStation);
    expect((await signingStation(station())).key).toEqual(first.key);
  });

  it('prefers the unlocked OS-protected key of a provisioned station over a plain key in the database', async () => {
    const d = station();
    const unlocked = generateKeyPair();
    await writeMeta(stationIdentityMeta, provisioned, d);
    await storePlainStationKey(generateKeyPair(), d);
    holdUnlockedStationKey(d, unlocked);
    expect(await signingStation(d)).toEqual({ identity: provisioned, key: unlocked });
  });

  it('uses the plain stored key of a demo station, even when a provisioned key is still held', async () => {
    const d = station();
    const plain = generateKeyPair();
    await writeMeta(stationIdentityMeta, demo, d);
    await storePlainStationKey(plain, d);
    holdUnlockedStationKey(d, generateKeyPair());
    expect(await signingStation(d)).toEqual({ identity: demo, key: plain });
  });

  it('refuses to sign for a provisioned or demo station whose key is not here, rather than fall back', async () => {
    const d = station();
    await writeMeta(stationIdentityMeta, provisioned, d);
    await expect(signingStation(d)).rejects.toBeInstanceOf(NoStationKeyError);
    await writeMeta(stationIdentityMeta, demo, d);
    await storePlainStationKey(generateKeyPair(), d);
    await forgetPlainStationKey(d);
    await expect(signingStation(d)).rejects.toBeInstanceOf(NoStationKeyError);
  });

  it('holds an unlocked key per database, and forgets it on request', async () => {
    const a = station();
    const b = station();
    const key = generateKeyPair();
    await writeMeta(stationIdentityMeta, provisioned, a);
    await writeMeta(stationIdentityMeta, provisioned, b);
    holdUnlockedStationKey(a, key);
    expect((await signingStation(a)).key).toEqual(key);
    await expect(signingStation(b)).rejects.toBeInstanceOf(NoStationKeyError);
    holdUnlockedStationKey(a, null);
    await expect(signingStation(a)).rejects.toBeInstanceOf(NoStationKeyError);
  });

  it('treats a damaged identity row as no identity: the development station', async () => {
    const d = station();
    await d.meta.put({ key: stationIdentityMeta.name, value: { code: 'x' }, updatedAt: '2026-11-23' });
    expect((await signingStation(d)).identity).toEqual(developmentStation);
  });
});
