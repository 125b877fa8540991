import { holdDataKey } from '@renderer/platform/db/data-key';

/**
 * Every unit test runs as a started-up window would: with the station's data key unlocked (the app does it in
 * main.ts through the host). Tests of the key itself release it and hold others (tests/unit/renderer/db).
 */
await holdDataKey(new Uint8Array(32).fill(7));
