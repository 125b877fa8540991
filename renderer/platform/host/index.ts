export { createBrowserHost } from './browser-host';
export { callHost, installHost, preloadHost } from './client';
