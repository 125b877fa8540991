import type { BrowserWindow, IpcMainInvokeEvent, OpenDialogOptions, SafeStorage, SaveDialogOptions } from 'electron';
import { basename, join, win32 } from 'node:path';
import { MACHINE_PACKAGE_EXTENSION, MAX_MACHINE_PACKAGES, MAX_OPEN_BYTES, MAX_PACKAGE_BYTES } from '@shared/bridge/contract';
import type { MachinePolicyReport } from '@shared/policy/machine-policy';
import type { SessionSealer } from '@shared/session/sealed-session';
import type { BridgeHandlers } from './bridge';
import { diagnosticsZip, type DiagnosticsDeps } from './diagnostics';

/** The slice of Electron and the file system the handlers use, injected so they are tested without Electron. */
export interface HostDeps {
  appVersion: string;
  platform: string;
  isDevelopment: boolean;
  documentsDir: string;
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
  showSaveDialog(owner: BrowserWindow | null, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(owner: BrowserWindow | null, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  fileSize(path: string): Promise<number>;
  /** Electron safeStorage (DPAPI on Windows): keeps the station key OS-protected, never plain on disk. */
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;
  /** The machine-wide folder installers place provisioning packages in; null where there is none. */
  machinePackageDir: string | null;
  listDir(path: string): Promise<string[]>;
  modifiedAt(path: string): Promise<Date>;
  /** Machine policies, read once at start-up (electron/main/policy.ts). */
  policies: MachinePolicyReport;
  /** Seals the renderer's session with main's per-boot secret (electron/main/session-seal.ts). */
  sessions: SessionSealer;
  /** What 导出诊断信息 reads besides the renderer's arguments. */
  diagnostics: Pick<DiagnosticsDeps, 'host' | 'logsDir' | 'crashDumpsDir' | 'keepPathPrefixes' | 'now'>;
}

export { MAX_OPEN_BYTES, MAX_PACKAGE_BYTES };

/**
 * Bytes for the renderer in a buffer of their own: structured clone copies a view's whole ArrayBuffer, and a small
 * Node Buffer is a slice of a shared pool that may hold other data.
 */
function ownBytes(view: Uint8Array): Uint8Array {
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : new Uint8Array(view);
}

/**
 * Where group policy / SCCM put packages: the folder the machine policy names (ProvisioningPackageFolder), else
 * %ProgramData%\YRD Station on Windows, /etc/yrd-station elsewhere.
 */
export function machinePackageDirFor(
  platform: string,
  env: Record<string, string | undefined>,
  policies: Pick<MachinePolicyReport, 'policies'> = { policies: {} },
): string | null {
  if (policies.policies.packageFolder) return policies.policies.packageFolder;
  if (platform === 'win32') return env['ProgramData'] ? win32.join(env['ProgramData'], 'YRD Station') : null;
  return '/etc/yrd-station';
}

/** The window a call came from, as the sealer's scope (a reload keeps the webContents, so its id). */
const windowScope = (event: IpcMainInvokeEvent): string => `webContents:${event.sender.id}`;

export function createHandlers(deps: HostDeps): BridgeHandlers {
  async function saveBytes(
    event: IpcMainInvokeEvent,
    suggestedName: string,
    filters: SaveDialogOptions['filters'],
    bytes: Uint8Array,
  ) {
    const choice = await deps.showSaveDialog(deps.windowOf(event), {
      defaultPath: join(deps.documentsDir, suggestedName),
      filters,
    });
    if (choice.canceled || !choice.filePath) return { outcome: 'cancelled' as const };
    await deps.writeFile(choice.filePath, bytes);
    return { outcome: 'saved' as const, path: choice.filePath };
  }

  function requireSafeStorage(): HostDeps['safeStorage'] {
    // Without OS protection we refuse rather than fall back to plain text on disk.
    if (!deps.safeStorage.isEncryptionAvailable()) throw new Error('OS secret storage is not available');
    return deps.safeStorage;
  }

  async function readMachinePackages(dir: string) {
    let names: string[];
    try {
      names = await deps.listDir(dir);
    } catch {
      return []; // no folder: nothing was placed
    }
    const candidates = names.filter((n) => n.toLowerCase().endsWith(`.${MACHINE_PACKAGE_EXTENSION}`)).sort();
    const found = [];
    for (const name of candidates.slice(0, MAX_MACHINE_PACKAGES)) {
      const path = join(dir, name);
      if ((await deps.fileSize(path)) > MAX_PACKAGE_BYTES) continue;
      const bytes = await deps.readFile(path);
      found.push({ name, content: ownBytes(bytes), modifiedAt: (await deps.modifiedAt(path)).toISOString() });
    }
    return found;
  }

  return {
    'app.getInfo': async () => ({
      host: 'electron',
      appVersion: deps.appVersion,
      platform: deps.platform,
      isDevelopment: deps.isDevelopment,
    }),
    'print.toPdf': async (args, event) => {
      const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, landscape: args.landscape });
      return saveBytes(event, args.suggestedName, [{ name: 'PDF', extensions: ['pdf'] }], pdf);
    },
    'file.saveAs': async (args, event) => {
      const bytes = typeof args.content === 'string' ? Buffer.from(args.content, 'utf8') : args.content;
      return saveBytes(event, args.suggestedName, args.filters, bytes);
    },
    'file.open': async (args, event) => {
      const choice = await deps.showOpenDialog(deps.windowOf(event), { properties: ['openFile'], filters: args.filters });
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return { outcome: 'cancelled' };
      if ((await deps.fileSize(path)) > MAX_OPEN_BYTES) throw new Error('file too large');
      const bytes = await deps.readFile(path);
      return { outcome: 'opened', name: basename(path), content: ownBytes(bytes) };
    },
    // safeStorage protects strings: the secret goes in as its base64 text, as it always has, so blobs stored
    // by earlier versions still unprotect.
    'secrets.protect': async (args) => {
      const encrypted = requireSafeStorage().encryptString(Buffer.from(args.plaintext).toString('base64'));
      return { scheme: 'os-protected', blob: ownBytes(encrypted) };
    },
    'secrets.unprotect': async (args) => {
      if (args.scheme !== 'os-protected') throw new Error('refusing an unprotected secret in the desktop app');
      const text = requireSafeStorage().decryptString(Buffer.from(args.blob));
      return { plaintext: ownBytes(Buffer.from(text, 'base64')) };
    },
    'provisioning.findPackages': async () => {
      const dir = deps.machinePackageDir;
      return { folder: dir ?? '', packages: dir ? await readMachinePackages(dir) : [] };
    },
    'policy.get': async () => deps.policies,
    'diagnostics.export': async (args, event) => {
      const zip = await diagnosticsZip({ ...deps.diagnostics, ...deps, policies: deps.policies }, args);
      return saveBytes(event, args.suggestedName, [{ name: 'ZIP', extensions: ['zip'] }], zip);
    },
    // One scope per window: a token sealed for one window never opens in another.
    'session.seal': async (args, event) => ({ token: await deps.sessions.seal(args, windowScope(event)) }),
    'session.open': async (args, event) => deps.sessions.open(args.token, windowScope(event)),
    'session.end': async (_args, event) => {
      await deps.sessions.end(windowScope(event));
      return {};
    },
  };
}
