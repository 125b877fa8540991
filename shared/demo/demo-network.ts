import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { StationIdentity } from '../domain/station';
import { keyPairFromSeed, type KeyPair } from '../sync/keys';
import { signRoster, type Roster, type RosterStation, type SignedRoster } from '../sync/roster';

/**
 * DEMO ONLY — a whole little network of stations whose keys anyone can recompute from the fixed seeds below.
 * It exists so the app can be tried and tested before provisioning (issue 7) hands out real keys. A provisioned
 * station pins the integration office's real root key, so a roster signed with DEMO_ROOT can never be accepted
 * there, and demo station keys can never sign real traffic.
 */
const DEMO_SEED_LABEL = 'yrd-station DEMO ONLY, never for real traffic';

function demoSeed(purpose: string): Uint8Array {
  return sha256(utf8ToBytes(`${DEMO_SEED_LABEL}:${purpose}`));
}

export const DEMO_ROOT: KeyPair = keyPairFromSeed(demoSeed('root'));
/** The demo exchange's operator (creates the stream and consumers); see resources/nats/. */
export const DEMO_EXCHANGE_OPERATOR: KeyPair = keyPairFromSeed(demoSeed('exchange-operator'));

export const demoGroups = [
  { id: 'wudi-qisuo', name: '五地七所（金山·松江·青浦·嘉善·平湖）' },
  { id: 'qing-kun', name: '青昆毗邻（青浦·昆山）' },
  { id: 'hefei-pilot', name: '合肥试点' },
] as const;

type DemoStationInfo = Omit<RosterStation, 'publicKey'>;

const stationInfo: DemoStationInfo[] = [
  { code: '310116520000', name: '吕巷派出所', province: '310000', districtCode: '310116', districtName: '金山区', groups: ['wudi-qisuo'] },
  { code: '310117520000', name: '新浜派出所', province: '310000', districtCode: '310117', districtName: '松江区', groups: ['wudi-qisuo'] },
  { code: '310118520000', name: '蒸淀派出所', province: '310000', districtCode: '310118', districtName: '青浦区', groups: ['wudi-qisuo', 'qing-kun'] },
  { code: '330421520000', name: '姚庄派出所', province: '330000', districtCode: '330421', districtName: '嘉善县', groups: ['wudi-qisuo'] },
  { code: '330482520000', name: '乍浦镇派出所', province: '330000', districtCode: '330482', districtName: '平湖市', groups: ['wudi-qisuo'] },
  { code: '320583520000', name: '周庄派出所', province: '320000', districtCode: '320583', districtName: '昆山市', groups: ['qing-kun'] },
  // Not a neighbour of anyone above: for permission tests (it may not write to or read from the others).
  { code: '340104520000', name: '三里庵派出所', province: '340000', districtCode: '340104', districtName: '蜀山区', groups: ['hefei-pilot'] },
];

/** Well-known demo station codes, for tests and the first-run choice. */
export const DEMO_STATIONS = {
  lvxiang: '310116520000',
  xinbang: '310117520000',
  zhendian: '310118520000',
  yaozhuang: '330421520000',
  zhapu: '330482520000',
  zhouzhuang: '320583520000',
  sanlian: '340104520000',
} as const;

export function demoStationKey(code: string): KeyPair {
  return keyPairFromSeed(demoSeed(`station:${code}`));
}

export const demoRosterStations: RosterStation[] = stationInfo.map((s) => ({ ...s, publicKey: demoStationKey(s.code).publicKey }));

/** A fixed date keeps the demo roster (and its signature) identical on every machine. */
export const demoRoster: Roster = {
  version: 1,
  issuedAt: '2026-01-01T00:00:00.000Z',
  issuer: '长三角区域合作办公室（演示）',
  groups: demoGroups.map((g) => ({ ...g })),
  stations: demoRosterStations,
};

export function signedDemoRoster(content: Roster = demoRoster): SignedRoster {
  return signRoster(content, DEMO_ROOT.secretKey);
}

export function demoStationIdentity(code: string): StationIdentity {
  const station = demoRosterStations.find((s) => s.code === code);
  if (!station) throw new Error(`not a demo station: ${code}`);
  const { code: c, name, province, districtCode, districtName } = station;
  return { code: c, name, province, districtCode, districtName, kind: 'demo' };
}

/** Everything a demo station needs to take part in sync: who it is, its key, the pinned (demo) root and roster. */
export interface DemoStationSetup {
  identity: StationIdentity;
  key: KeyPair;
  rootPublicKey: string;
  roster: SignedRoster;
}

export function demoStationSetup(code: string): DemoStationSetup {
  return { identity: demoStationIdentity(code), key: demoStationKey(code), rootPublicKey: DEMO_ROOT.publicKey, roster: signedDemoRoster() };
}
