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

/** Merges a remote timestamp we received, so our next local event sorts after it. */
export function observeHlc(last: Hlc, remote: Hlc): Hlc {
  return later(last, remote);
}
