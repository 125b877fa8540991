import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MAX_PACKAGE_BYTES, createHandlers, machinePackageDirFor, type HostDeps } from '../../../../electron/main/handlers';
import { createMainSessionSealer, newSessionSecret } from '../../../../electron/main/session-seal';
import { NO_MACHINE_POLICIES } from '@shared/policy/machine-policy';
import { bridgeContract } from '../../../../shared/bridge/contract';

/** A stand-in for DPAPI: reversible, but visibly not the plain text. */
const fakeSafeStorage = (available = true): HostDeps['safeStorage'] => ({
  isEncryptionAvailable: () => available,
  encryptString: (s: string) => Buffer.from(`dpapi:${[...s].reverse().join('')}`),
  decryptString: (b: Buffer) => [...b.toString().replace(/^dpapi:/, '')].reverse().join(''),
});

function deps(overrides: Partial<HostDeps> = {}): HostDeps {
  const files: Record<string, Uint8Array> = {
    'C:\\ProgramData\\YRD Station/310118520000.yrdp': new TextEncoder().encode('{"package":1}'),
    'C:\\ProgramData\\YRD Station/huge.yrdp': new Uint8Array(8),
  };
  return {
    appVersion: '0.1.0',
    platform: 'win32',
    isDevelopment: false,
    documentsDir: 'C:\\Users\\u\\Documents',
    windowOf: () => null,
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    writeFile: vi.fn(async () => undefined),
    readFile: vi.fn(async (path: string) => files[path] ?? new Uint8Array()),
    fileSize: vi.fn(async (path: string) => (path.endsWith('huge.yrdp') ? MAX_PACKAGE_BYTES + 1 : (files[path]?.length ?? 0))),
    safeStorage: fakeSafeStorage(),
    machinePackageDir: 'C:\\ProgramData\\YRD Station',
    listDir: vi.fn(async () => ['readme.txt', 'huge.yrdp', '310118520000.yrdp']),
    modifiedAt: vi.fn(async () => new Date('2026-11-20T08:00:00Z')),
    policies: NO_MACHINE_POLICIES,
    sessions: createMainSessionSealer(newSessionSecret()),
    diagnostics: {
      host: { host: 'electron', appVersion: '0.1.0', versions: {}, platform: 'win32', arch: 'x64', osRelease: '10.0.19045' },
      logsDir: '/logs',
      crashDumpsDir: null,
      keepPathPrefixes: [],
      now: () => new Date('2026-11-20T08:00:00Z'),
    },
    ...overrides,
  };
}

const event = {} as IpcMainInvokeEvent;

describe('secrets bridge (Electron safeStorage)', () => {
  it('protects with the OS and gets the same secret back', async () => {
    const handlers = createHandlers(deps());
    const secret = new TextEncoder().encode('secret-key');
    const protectedKey = await handlers['secrets.protect']({ plaintext: secret }, event);
    expect(protectedKey.scheme).toBe('os-protected');
    expect(Buffer.from(protectedKey.blob).toString()).not.toContain('secret-key');
    expect(bridgeContract['secrets.protect'].result.parse(protectedKey)).toEqual(protectedKey);
    const { plaintext } = await handlers['secrets.unprotect'](protectedKey, event);
    expect(new TextDecoder().decode(plaintext)).toBe('secret-key');
    // Its own buffer: structured clone would send a pooled Buffer's whole (shared) ArrayBuffer to the renderer.
    expect([plaintext.byteOffset, plaintext.buffer.byteLength]).toEqual([0, plaintext.byteLength]);
  });

  it('still unprotects a blob an earlier version stored (safeStorage over the key as base64 text)', async () => {
    const storage = fakeSafeStorage();
    const earlier = storage.encryptString(Buffer.from('secret-key').toString('base64'));
    const { plaintext } = await createHandlers(deps({ safeStorage: storage }))['secrets.unprotect']({ scheme: 'os-protected', blob: earlier }, event);
    expect(new TextDecoder().decode(plaintext)).toBe('secret-key');
  });

  it('refuses rather than store plain text when the OS store is unavailable', async () => {
    const handlers = createHandlers(deps({ safeStorage: fakeSafeStorage(false) }));
    await expect(handlers['secrets.protect']({ plaintext: new Uint8Array([1, 2, 3]) }, event)).rejects.toThrow('not available');
  });

  it('never accepts a development (unprotected) secret in the desktop app', async () => {
    const handlers = createHandlers(deps());
    await expect(handlers['secrets.unprotect']({ scheme: 'development-unprotected', blob: new Uint8Array([1, 2, 3]) }, event)).rejects.toThrow(
      'refusing an unprotected secret',
    );
  });
});

describe('machine-wide provisioning packages', () => {
  it('reads .yrdp files from the folder, skipping other and oversized files', async () => {
    const result = await createHandlers(deps())['provisioning.findPackages']({}, event);
    expect(result.folder).toBe('C:\\ProgramData\\YRD Station');
    expect(result.packages.map((p) => ({ ...p, content: new TextDecoder().decode(p.content) }))).toEqual([
      { name: '310118520000.yrdp', content: '{"package":1}', modifiedAt: '2026-11-20T08:00:00.000Z' },
    ]);
    expect(bridgeContract['provisioning.findPackages'].result.parse(result)).toEqual(result);
  });

  it('answers an empty list when the folder does not exist or there is none', async () => {
    const missing = deps({ listDir: vi.fn(async () => Promise.reject(new Error('ENOENT'))) });
    expect((await createHandlers(missing)['provisioning.findPackages']({}, event)).packages).toEqual([]);
    expect(await createHandlers(deps({ machinePackageDir: null }))['provisioning.findPackages']({}, event)).toEqual({ folder: '', packages: [] });
  });

  it('uses %ProgramData%\\YRD Station on Windows', () => {
    expect(machinePackageDirFor('win32', { ProgramData: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\YRD Station');
    expect(machinePackageDirFor('win32', {})).toBeNull();
    expect(machinePackageDirFor('linux', {})).toBe('/etc/yrd-station');
    // The machine policy ProvisioningPackageFolder wins over the default folder.
    const policy = { policies: { packageFolder: '\\\\fs01\\yrd\\packages' } };
    expect(machinePackageDirFor('win32', { ProgramData: 'C:\\ProgramData' }, policy)).toBe('\\\\fs01\\yrd\\packages');
  });
});
