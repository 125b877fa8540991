/**
 * The feature's "now", read in one place so deadlines, expiry and the inbox order agree. Tests move it with fake
 * timers, e2e tests with the browser's clock.
 */
export function assistNow(): Date {
  return new Date();
}
