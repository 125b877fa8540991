import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const load = (file: string) => parse(readFileSync(join(root, file), 'utf8')) as Record<string, Record<string, unknown>>;

describe('electron-builder configuration', () => {
  it('declares the fuses that close Node-level back doors in every shipped build', () => {
    expect(load('electron-builder.yml')['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeCliInspectArguments: false,
    });
  });

  it('allows node-inspect arguments only in the test build', () => {
    const test = load('electron-builder.test.yml');
    expect(test['extends']).toBe('./electron-builder.yml');
    expect(test['electronFuses']).toMatchObject({ enableNodeCliInspectArguments: true, runAsNode: false, onlyLoadAppFromAsar: true });
  });

  it('packages into asar', () => {
    expect(load('electron-builder.yml')['asar']).toBe(true);
  });
});
