import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildImportGraph,
  describeCycle,
  describeImport,
  findCycles,
  layerViolations,
  unitGraphOf,
  type ImportGraph,
} from '../../tools/eslint-plugin-local/import-graph.js';

/**
 * What one-file lint cannot see: folder cycles between renderer units (app, platform/<m>, sync, features/<f>), even
 * through index.ts. The walker is proved on synthetic graphs and trees first, then run on the real renderer/.
 */
const root = join(import.meta.dirname, '../..');

describe('findCycles', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

  it('finds none in an acyclic graph', () => {
    expect(findCycles(graph({ app: ['features/a', 'platform/db'], 'features/a': ['platform/db', 'sync'], sync: ['platform/db'] }))).toEqual([]);
  });

  it('returns the path of a cycle through index.ts-level edges', () => {
    const cycles = findCycles(graph({
      app: ['features/a'],
      'features/a': ['features/b', 'platform/db'],
      'features/b': ['features/c'],
      'features/c': ['features/a', 'platform/db'],
    }));
    expect(cycles).toEqual([['features/a', 'features/b', 'features/c', 'features/a']]);
  });

  it('returns one cycle per tangle, the shortest way round, and self-loops', () => {
    const cycles = findCycles(graph({ a: ['b', 'c'], b: ['c'], c: ['a'], x: ['y'], y: ['x'], z: ['z'] }));
    expect(cycles).toEqual([['a', 'c', 'a'], ['x', 'y', 'x'], ['z', 'z']]);
  });
});

describe('buildImportGraph on a synthetic tree', () => {
  let dir = '';
  let graph: ImportGraph;
  const files: Record<string, string> = {
    'features/a/index.ts': "export { b } from '@renderer/features/b';\n",
    'features/a/store.ts': 'export type A = string;\n',
    'features/b/index.ts': "export const b = 1;\nexport const view = () => import('./views/V.vue');\n",
    'features/b/views/V.vue': "<template><p /></template>\n<script setup lang=\"ts\">\nimport type { A } from '../../a/store';\nconst a: A = '';\n</script>\n",
    'platform/db/index.ts': "import { x } from '@renderer/sync';\nimport { z } from 'zod';\nimport { c } from '@shared/c';\nconst name = 'y';\nexport const db = [x, z, c, () => import(name)];\n",
    'sync/index.ts': "import '../platform/db/missing';\nexport const x = 1;\n",
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'renderer', file)), { recursive: true });
      writeFileSync(join(dir, 'renderer', file), text);
    }
    graph = buildImportGraph(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves alias, relative, folder → index.ts, dynamic and .vue <script setup> imports; npm and @shared are not edges', () => {
    expect(graph.files).toEqual(Object.keys(files).sort());
    expect(graph.edges).toEqual(expect.arrayContaining([
      { from: 'features/a/index.ts', to: 'features/b/index.ts', specifier: '@renderer/features/b', line: 1, typeOnly: false },
      { from: 'features/b/index.ts', to: 'features/b/views/V.vue', specifier: './views/V.vue', line: 2, typeOnly: false },
      { from: 'features/b/views/V.vue', to: 'features/a/store.ts', specifier: '../../a/store', line: 3, typeOnly: true },
      { from: 'platform/db/index.ts', to: 'sync/index.ts', specifier: '@renderer/sync', line: 1, typeOnly: false },
    ]));
    expect(graph.edges).toHaveLength(4);
  });

  it('lists what it cannot follow: a missing file and a computed import()', () => {
    expect(graph.loose).toEqual([
      { from: 'platform/db/index.ts', specifier: null, line: 5 },
      { from: 'sync/index.ts', specifier: '../platform/db/missing', line: 1 },
    ]);
  });

  it('finds the unit cycle and names the imports behind each step', () => {
    const units = unitGraphOf(graph.edges);
    const cycles = findCycles(units);
    expect(cycles).toEqual([['features/a', 'features/b', 'features/a']]);
    expect(describeCycle(cycles[0] ?? [], units)).toBe([
      'cycle features/a → features/b → features/a',
      "  features/a → features/b: renderer/features/a/index.ts:1 '@renderer/features/b'",
      "  features/b → features/a: renderer/features/b/views/V.vue:3 '../../a/store' (type-only)",
    ].join('\n'));
  });

  it('judges every edge as the lint rules do', () => {
    expect(layerViolations(graph.edges).map((v) => [v.rule, describeImport(v)])).toEqual([
      ['no-deep-import', "renderer/features/b/views/V.vue:3 '../../a/store' (type-only)"],
      ['layering', "renderer/platform/db/index.ts:1 '@renderer/sync'"],
    ]);
  });
});

describe('the real renderer/', () => {
  let graph: ImportGraph;
  beforeAll(() => {
    graph = buildImportGraph(root);
  });

  it('is walked (so the checks below cannot pass on an empty graph)', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.edges.length).toBeGreaterThan(graph.files.length);
  });

  it('has every import resolved (a missing or computed import would hide an edge from the cycle check)', () => {
    expect(graph.loose.map((site) => describeImport(site))).toEqual([]);
  });

  it('has no folder cycle between units', () => {
    const units = unitGraphOf(graph.edges);
    expect(findCycles(units).map((cycle) => describeCycle(cycle, units))).toEqual([]);
  });

  it('has no cross-unit deep import and no import against the layers', () => {
    const found = layerViolations(graph.edges).map((v) => `${v.rule}: ${describeImport(v)} — ${v.message}`);
    expect(found).toEqual([]);
  });
});
