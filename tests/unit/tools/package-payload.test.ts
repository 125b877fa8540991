import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { globToRegExp, selectFiles } from '../../bench/package-payload';

const root = join(import.meta.dirname, '../../..');
const files = (parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] }).files;

describe('app.asar payload (bench package.asar_payload_mib)', () => {
  it('matches electron-builder globs: ** across folders, * within one', () => {
    expect(globToRegExp('out/**/*').test('out/renderer/assets/index.js')).toBe(true);
    expect(globToRegExp('out/**/*').test('out/index.js')).toBe(true);
    expect(globToRegExp('**/*.map').test('out/main/index.js.map')).toBe(true);
    expect(globToRegExp('out/*').test('out/main/index.js')).toBe(false);
  });

  it('selects out/ and package.json, without source maps, and nothing else of the project', () => {
    const candidates = ['out/main/index.js', 'out/main/index.js.map', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json', 'electron/main/index.ts', 'README.md'];
    expect(selectFiles(candidates, files)).toEqual(['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']);
  });
});
