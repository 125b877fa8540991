import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/** The MSI an installer deploys: what electron-builder.yml must promise, checked where it can be without Windows. */
const root = join(import.meta.dirname, '../../../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown> & unknown>;
const msi = config['msi'] as Record<string, unknown>;
const win = config['win'] as { target: { target: string; arch: string[] }[]; artifactName: string };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const require = createRequire(import.meta.url);
const { getWindowsInstallationDirName } = require('app-builder-lib/out/targets/targetUtil') as {
  getWindowsInstallationDirName(appInfo: { productFilename: string; sanitizedName: string }, perMachine: boolean): string;
};

describe('MSI packaging', () => {
  it('installs per machine, never starts the app at the end, and adds a Start-menu shortcut', () => {
    expect(win.target).toEqual([{ target: 'msi', arch: ['x64'] }]);
    expect(msi).toMatchObject({ perMachine: true, runAfterFinish: false, createStartMenuShortcut: true });
  });

  it('pins the upgrade code, so every later version upgrades in place', () => {
    expect(msi['upgradeCode']).toBe('6F0F7E9C-3B4A-4C1E-9A55-2D1B7C0E8A41');
  });

  it('has a Chinese product name and still an ASCII install folder', () => {
    expect(config['productName']).toBe('长三角警务协同站所端');
    const executableName = String(config['executableName']);
    expect(executableName).toMatch(/^[A-Za-z0-9]+$/);
    // The same rule electron-builder applies when it names the per-machine folder under Program Files.
    expect(getWindowsInstallationDirName({ productFilename: executableName, sanitizedName: 'yrd-station' }, true)).toBe('YRDStation');
  });

  it('names the artifact with the version, in ASCII', () => {
    for (const name of [win.artifactName, String(msi['artifactName'])]) {
      expect(name).toContain('${version}');
      expect(name).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('builds with npm run dist:win from the MSI configuration', () => {
    expect(pkg.scripts['dist:win']).toContain('electron-builder --win msi --config electron-builder.yml');
  });

  it('has a Windows workflow that builds the MSI and keeps it as an artifact', () => {
    const workflow = parse(readFileSync(join(root, '.github/workflows/windows-msi.yml'), 'utf8')) as {
      jobs: Record<string, { 'runs-on': string; steps: { run?: string; uses?: string }[] }>;
    };
    const job = Object.values(workflow.jobs)[0];
    expect(job?.['runs-on']).toMatch(/^windows/);
    const runs = job?.steps.map((s) => s.run ?? s.uses ?? '').join('\n') ?? '';
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run dist:win');
    expect(runs).toContain('actions/upload-artifact');
  });
});
