export { createBrowserHost } from './browser-host';
export { callHost, hostInstalled, installHost, preloadHost } from './client';
export { useMachinePoliciesStore } from './machine-policies';
