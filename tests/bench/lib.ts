import type { Browser } from 'playwright-core';

/** One figure a benchmark prints: `bench <name> <value> <unit>`. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

/** A benchmark case: runs once per `npm run bench` and returns its figures. */
export interface BenchCase {
  name: string;
  run(): Promise<BenchFigure[]>;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function formatFigure(figure: BenchFigure): string {
  return `bench ${figure.name} ${round(figure.value)} ${figure.unit}`;
}

/** Times `fn` `count` times and returns each duration in ms. */
export async function sample(count: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

/** What a station case gets: Chromium, and the URL of the built bench pages (receiver.html hosts a station). */
export interface StationBenchEnv {
  browser: Browser;
  url: string;
}

/** A benchmark case driven from Node that runs a station in a Chromium page (tests/bench/stations). */
export interface StationBenchCase {
  name: string;
  run(env: StationBenchEnv): Promise<BenchFigure[]>;
}
