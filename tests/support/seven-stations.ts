import { DEMO_ROOT, DEMO_STATIONS, demoRoster } from '../../shared/demo/demo-network';
import { signRoster, type SignedRoster } from '../../shared/sync/roster';

/**
 * 五地七所 for tests: all seven demo stations in one neighbour group, in a roster (version 2) the demo root signs.
 * Shared by the in-memory network test (tests/unit/renderer/sync/network.test.ts) and the seven-station e2e
 * (tests/e2e/sync-seven.spec.ts), so both play the same trust roster.
 */
export const SEVEN_CODES: string[] = Object.values(DEMO_STATIONS);

export const sevenRoster: SignedRoster = signRoster(
  {
    ...demoRoster,
    version: 2,
    issuedAt: '2026-02-01T00:00:00.000Z',
    stations: demoRoster.stations.map((s) => ({ ...s, groups: [...new Set([...s.groups, 'wudi-qisuo'])] })),
  },
  DEMO_ROOT.secretKey,
);

/** A small seeded generator (mulberry32), so a failing order can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A random non-empty subset of `others`, in random order. */
export function randomRecipients(others: readonly string[], random: () => number): string[] {
  return shuffle(others, random).slice(0, 1 + Math.floor(random() * others.length));
}
