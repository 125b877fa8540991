export { currentStationIdentity, stationIdentityMeta, storedStationIdentity } from './identity';
export { NoStationKeyError, forgetPlainStationKey, holdUnlockedStationKey, resolvedStationKey, signingStation, storePlainStationKey } from './signing-key';
export type { SigningStation } from './signing-key';
export { useStationStore } from './store';
export { DemoNotAllowedError, assertDemoInstallAllowed, assertDemoStation, demoDataRefusal, demoInstallRefusal, readMachinePolicies } from './demo-guard';
export type { DemoRefusal } from './demo-guard';
export { stationErrors } from './errors';
export { default as DemoPrintMark } from './DemoPrintMark.vue';
