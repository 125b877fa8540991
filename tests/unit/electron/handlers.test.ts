import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MAX_OPEN_BYTES, createHandlers, type HostDeps } from '../../../electron/main/handlers';
import { createMainSessionSealer, newSessionSecret } from '../../../electron/main/session-seal';
import { NO_MACHINE_POLICIES } from '@shared/policy/machine-policy';

function deps(overrides: Partial<HostDeps> = {}): HostDeps {
  return {
    appVersion: '0.1.0',
    platform: 'win32',
    isDevelopment: false,
    documentsDir: '/home/user/Documents',
    windowOf: () => null,
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/user/Documents/out.pdf' })),
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/media/usb/bundle.yrdb'] })),
    writeFile: vi.fn(async () => undefined),
    readFile: vi.fn(async () => new Uint8Array([1, 2, 3])),
    fileSize: vi.fn(async () => 3),
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (s) => Buffer.from(s), decryptString: (b) => b.toString() },
    machinePackageDir: null,
    listDir: vi.fn(async () => []),
    modifiedAt: vi.fn(async () => new Date(0)),
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

const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
const event = { sender: { printToPDF: vi.fn(async () => pdfBytes) } } as unknown as IpcMainInvokeEvent;

describe('main-process handlers', () => {
  it('prints the sender page to an A4 PDF and writes it where the user chose', async () => {
    const d = deps();
    const result = await createHandlers(d)['print.toPdf']({ suggestedName: '证明.pdf', landscape: false }, event);
    expect(event.sender.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, landscape: false });
    expect(d.showSaveDialog).toHaveBeenCalledWith(null, expect.objectContaining({ defaultPath: '/home/user/Documents/证明.pdf' }));
    expect(d.writeFile).toHaveBeenCalledWith('/home/user/Documents/out.pdf', pdfBytes);
    expect(result).toEqual({ outcome: 'saved', path: '/home/user/Documents/out.pdf' });
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    const d = deps({ showSaveDialog: vi.fn(async () => ({ canceled: true })) });
    const result = await createHandlers(d)['file.saveAs']({ suggestedName: 'a.csv', filters: [], content: 'x' }, event);
    expect(result).toEqual({ outcome: 'cancelled' });
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('writes bytes as they are and text as UTF-8', async () => {
    const d = deps({ showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/out' })) });
    await createHandlers(d)['file.saveAs']({ suggestedName: 'b.bin', filters: [], content: new Uint8Array([1, 2, 3]) }, event);
    await createHandlers(d)['file.saveAs']({ suggestedName: 'c.txt', filters: [], content: '户' }, event);
    expect(Array.from(vi.mocked(d.writeFile).mock.calls[0]?.[1] ?? [])).toEqual([1, 2, 3]);
    expect(Array.from(vi.mocked(d.writeFile).mock.calls[1]?.[1] ?? [])).toEqual([0xe6, 0x88, 0xb7]);
  });

  it('opens a chosen file as bytes with its base name only, and refuses oversized files', async () => {
    const result = await createHandlers(deps())['file.open']({ filters: [] }, event);
    expect(result).toMatchObject({ outcome: 'opened', name: 'bundle.yrdb' });
    expect(result.outcome === 'opened' && Array.from(result.content)).toEqual([1, 2, 3]);
    const huge = deps({ fileSize: vi.fn(async () => MAX_OPEN_BYTES + 1) });
    await expect(createHandlers(huge)['file.open']({ filters: [] }, event)).rejects.toThrow('file too large');
  });
});
