import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { BenchCase } from '../lib';
import { asarPayload } from '../package-payload';

const root = resolve(import.meta.dirname, '../../..');
const MIB = 1024 * 1024;

/**
 * The lean package (issue 19 §1): builds main, preload and renderer as `npm run build` does, then adds up what
 * electron-builder would pack into app.asar (tests/bench/package-payload.ts). Target: ≤ 15 MiB.
 */
export const cases: BenchCase[] = [
  {
    name: 'package',
    async run() {
      execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      const payload = asarPayload(root);
      const bytesUnder = (prefix: string) => payload.appFiles.filter((f) => f.path.startsWith(join(root, prefix))).reduce((s, f) => s + f.bytes, 0);
      return [
        { name: 'package.asar_payload_mib', value: (payload.appBytes + payload.dependencyBytes) / MIB, unit: 'MiB' },
        { name: 'package.asar_node_modules_mib', value: payload.dependencyBytes / MIB, unit: 'MiB' },
        { name: 'package.runtime_dependencies', value: payload.dependencies.length, unit: 'packages' },
        { name: 'package.renderer_mib', value: bytesUnder('out/renderer') / MIB, unit: 'MiB' },
        { name: 'package.main_kib', value: bytesUnder('out/main') / 1024, unit: 'KiB' },
        { name: 'package.preload_kib', value: bytesUnder('out/preload') / 1024, unit: 'KiB' },
      ];
    },
  },
];
