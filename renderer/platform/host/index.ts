export { createBrowserHost } from './browser-host';
export { callHost, hostInstalled, installHost, preloadHost } from './client';
export { fetchMachinePolicies, useMachinePoliciesStore } from './machine-policies';
