export { currentStationIdentity, stationIdentityMeta, storedStationIdentity } from './identity';
export { NoStationKeyError, forgetPlainStationKey, holdUnlockedStationKey, signingStation, storePlainStationKey } from './signing-key';
export type { SigningStation } from './signing-key';
export { useStationStore } from './store';
