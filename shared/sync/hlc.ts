import { z } from 'zod';

/**
 * Hybrid logical clock timestamp: `<ms since epoch, 13 digits>-<counter, 4 digits>`. Strings sort in clock order,
 * never go backwards on one station, and always sort after anything the station has already seen.
 */
export const hlcString = z.string().regex(/^\d{13}-\d{4}$/, 'hlc is 13 digits, dash, 4 digits');

export interface Hlc {
  wall: number;
  counter: number;
}

export const HLC_ZERO: Hlc = { wall: 0, counter: 0 };

export function formatHlc(hlc: Hlc): string {
  return `${String(hlc.wall).padStart(13, '0')}-${String(hlc.counter).padStart(4, '0')}`;
}

export function parseHlc(text: string): Hlc {
  const [wall, counter] = text.split('-');
  return { wall: Number(wall), counter: Number(counter) };
}

function later(a: Hlc, b: Hlc): Hlc {
  return a.wall > b.wall || (a.wall === b.wall && a.counter >= b.counter) ? a : b;
}

/** The next timestamp for a local event, after `last` and no earlier than the wall clock. */
export function tickHlc(last: Hlc, now: number): Hlc {
  if (now > last.wall) return { wall: now, counter: 0 };
  // The counter has 4 digits; past that, borrow a millisecond rather than overflow the format.
  if (last.counter >= 9999) return { wall: last.wall + 1, counter: 0 };
  return { wall: last.wall, counter: last.counter + 1 };
}

/**
 * How far ahead of our wall clock another station's timestamp may be (docs/PROTOCOL.md §HLC bounds): an event
 * further ahead is refused (`clockAhead`), so a neighbour can never drag this station's clock into the future.
 */
export const HLC_MAX_AHEAD_MS = 5 * 60 * 1000;

/** Whether a received timestamp is acceptable at wall-clock time `now`. */
export function hlcWithinBound(remote: Hlc, now: number): boolean {
  return Number.isSafeInteger(remote.wall) && remote.wall <= now + HLC_MAX_AHEAD_MS;
}

/**
 * Merges a remote timestamp we received, so our next local event sorts after it. A timestamp beyond the bound
 * is ignored (callers refuse such events; this is the last line of defence for the local clock).
 */
export function observeHlc(last: Hlc, remote: Hlc, now: number = Date.now()): Hlc {
  return hlcWithinBound(remote, now) ? later(last, remote) : last;
}

/**
 * A clock value read back from storage: one beyond the bound (a poisoned value written by an older version that
 * trusted remote clocks) is dropped, so the station resumes at its wall clock instead of forever in the future.
 */
export function repairHlc(stored: Hlc, now: number): Hlc {
  return hlcWithinBound(stored, now) ? stored : HLC_ZERO;
}
