import { holdDataKey } from '@renderer/platform/db/data-key';
import type { BenchCase, BenchFigure } from '../lib';

/** Runs every browser case (cases/*.ts) whose name matches the filter, and hands figures to the runner. */
declare global {
  interface Window {
    __benchFilter?: string;
    __benchReport?: (figures: BenchFigure[]) => void;
    __benchDone?: (error: string | null) => void;
  }
}

const modules = import.meta.glob<{ cases: BenchCase[] }>('./cases/*.ts', { eager: true });

async function main(): Promise<void> {
  const filter = new URLSearchParams(location.search).get('filter') ?? '';
  // As after start-up: the station's data key is held, so every case reads and writes sealed rows (issue 14).
  await holdDataKey(crypto.getRandomValues(new Uint8Array(32)));
  for (const module of Object.values(modules)) {
    for (const benchCase of module.cases) {
      if (filter && !benchCase.name.includes(filter)) continue;
      window.__benchReport?.(await benchCase.run());
    }
  }
}

main().then(
  () => window.__benchDone?.(null),
  (error: unknown) => window.__benchDone?.(error instanceof Error ? `${error.message}\n${error.stack}` : String(error)),
);
