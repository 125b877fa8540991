export { rememberStationKey } from './key-cache';
export { META_KEYS, loadSigningStation, readMeta, writeMeta } from './signing-key';
export type { SigningStation } from './signing-key';
export { STATION_IDENTITY_KEY, useStationStore } from './store';
