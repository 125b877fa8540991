import type { IpcMainInvokeEvent } from 'electron';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { bridgeContract } from '@shared/bridge/contract';
import { redactPersonalData, type DiagnosticsExportArgs } from '@shared/diagnostics/diagnostics';
import type { MachinePolicyReport } from '@shared/policy/machine-policy';
import { dispatch } from '../../../electron/main/bridge';
import { createHandlers, type HostDeps } from '../../../electron/main/handlers';
import { createMainSessionSealer, newSessionSecret } from '../../../electron/main/session-seal';
import { APP_ORIGIN } from '../../../electron/main/origin';
import {
  EMAILS,
  ID_NUMBERS,
  LANDLINES,
  MOBILE_NUMBERS,
  OLD_ID_NUMBERS,
  PERSONAL_DATA_PATTERNS,
  PERSONAL_NAMES,
  WINDOWS_USER,
} from './fixtures/personal-data';

const INSTALL = 'C:\\Program Files\\YRDStation';
const LOGS = `C:\\Users\\${WINDOWS_USER}\\AppData\\Roaming\\长三角警务协同站所端\\logs`;
const CRASH = `C:\\Users\\${WINDOWS_USER}\\AppData\\Roaming\\长三角警务协同站所端\\Crashpad`;
const [name1, name2, name3, name4] = PERSONAL_NAMES;
const [id1, id2, id3] = ID_NUMBERS;

/** Log files as they could look if a careless line slipped through: every kind of personal data, in every form. */
const plantedLogs: Record<string, string> = {
  'main.log': [
    '[2026-11-23 08:00:00.001] [info]  start: 长三角警务协同站所端 0.2.0 · Electron 45.4.1 · win32 x64 10.0.19045',
    `[2026-11-23 08:00:01.002] [info]  policy: idleLockMinutes set by HKLM\\Software\\Policies\\YRD Station`,
    `[2026-11-23 08:01:00.003] [error] bridge: file.saveAs HOST_ERROR EACCES open 'D:\\证明\\${name1} 户籍证明.pdf'`,
    `[2026-11-23 08:02:00.004] [warn]  write failed C:\\Users\\${WINDOWS_USER}\\Documents\\${name2}.csv`,
    `[2026-11-23 08:03:00.005] [error] main: uncaught exception Error: ${id1} ${MOBILE_NUMBERS.join(' / ')} ${LANDLINES.join(', ')}`,
    `    at handler (${INSTALL}\\resources\\app.asar\\out\\main\\index.js:120:7)`,
    `[2026-11-23 08:04:00.006] [warn]  mail ${EMAILS[0]} id ${OLD_ID_NUMBERS[0]} file:///C:/Users/${WINDOWS_USER}/x.txt /home/${name3}/station.log`,
  ].join('\n'),
  'main.1.log': `[2026-11-22 23:59:59.999] [info]  older ${id2},${id3}\n`,
  'renderer.log': `not ours: ${name4}`,
};

const crashDumpContent = new TextEncoder().encode(`minidump… ${name1} ${id1}`);

function deps(written: Uint8Array[], policies: MachinePolicyReport): HostDeps {
  const files: Record<string, Uint8Array> = {
    ...Object.fromEntries(Object.entries(plantedLogs).map(([n, t]) => [`${LOGS}/${n}`, new TextEncoder().encode(t)])),
    [`${CRASH}/reports/1b4e28ba-2fa1-11d2-883f-0016d3cca427.dmp`]: crashDumpContent,
  };
  const dirs: Record<string, string[]> = {
    [LOGS]: Object.keys(plantedLogs),
    [`${CRASH}/reports`]: ['1b4e28ba-2fa1-11d2-883f-0016d3cca427.dmp', 'settings.dat'],
  };
  return {
    appVersion: '0.2.0',
    platform: 'win32',
    isDevelopment: false,
    documentsDir: `C:\\Users\\${WINDOWS_USER}\\Documents`,
    windowOf: () => null,
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: 'D:\\诊断信息.zip' })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    writeFile: vi.fn(async (_path: string, data: Uint8Array) => {
      written.push(data);
    }),
    readFile: vi.fn(async (path: string) => {
      const file = files[path];
      if (!file) throw new Error(`ENOENT ${path}`);
      return file;
    }),
    fileSize: vi.fn(async (path: string) => files[path]?.length ?? 0),
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (s) => Buffer.from(s), decryptString: (b) => b.toString() },
    machinePackageDir: null,
    listDir: vi.fn(async (path: string) => {
      const list = dirs[path];
      if (!list) throw new Error(`ENOENT ${path}`);
      return list;
    }),
    modifiedAt: vi.fn(async () => new Date('2026-11-23T07:59:00Z')),
    policies,
    sessions: createMainSessionSealer(newSessionSecret()),
    diagnostics: {
      host: { host: 'electron', appVersion: '0.2.0', versions: { electron: '45.4.1', chrome: '142.0', node: '22.20.0' }, platform: 'win32', arch: 'x64', osRelease: '10.0.19045' },
      logsDir: LOGS,
      crashDumpsDir: CRASH,
      keepPathPrefixes: [INSTALL],
      now: () => new Date('2026-11-23T08:10:00Z'),
    },
  };
}

const policies: MachinePolicyReport = {
  source: 'registry',
  key: 'HKLM\\Software\\Policies\\YRD Station',
  policies: { idleLockMinutes: 5, exchangeUrl: 'wss://exchange.yrd.example:8443' },
  ignored: [],
};

const args: DiagnosticsExportArgs = {
  suggestedName: '诊断信息-310118520000-2026-11-23.zip',
  schemaVersion: 9,
  sync: {
    state: 'error',
    pendingEvents: 42,
    lastError: `CONNECTION_REFUSED for ${ID_NUMBERS[3]} ${MOBILE_NUMBERS[0]}`,
    lastSyncAt: '2026-11-23T07:30:00.000Z',
    rosterVersion: 3,
    stationCode: '310118520000',
  },
};

const frame = { url: 'app://station/index.html', parent: null };
const event = { senderFrame: frame, sender: { mainFrame: frame } } as unknown as IpcMainInvokeEvent;

async function exportZip(): Promise<Record<string, string>> {
  const written: Uint8Array[] = [];
  const reply = await dispatch('diagnostics.export', event, args, createHandlers(deps(written, policies)), [APP_ORIGIN]);
  expect(reply).toEqual({ ok: true, value: { outcome: 'saved', path: 'D:\\诊断信息.zip' } });
  expect(written).toHaveLength(1);
  return Object.fromEntries(Object.entries(unzipSync(written[0] as Uint8Array)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('diagnostics export', () => {
  it('writes a zip with the manifest and the main logs, newest first', async () => {
    const zip = await exportZip();
    expect(Object.keys(zip)).toEqual(['diagnostics.json', 'logs/main.log', 'logs/main.1.log']);
    const manifest = JSON.parse(zip['diagnostics.json'] as string) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      format: 'yrd-diagnostics',
      createdAt: '2026-11-23T08:10:00.000Z',
      app: { host: 'electron', appVersion: '0.2.0', versions: { electron: '45.4.1' }, platform: 'win32', arch: 'x64' },
      schemaVersion: 9,
      sync: { state: 'error', pendingEvents: 42, rosterVersion: 3, stationCode: '310118520000', lastError: 'CONNECTION_REFUSED for [id-number] [phone]' },
      policies: { source: 'registry', policies: { idleLockMinutes: 5, exchangeUrl: 'wss://exchange.yrd.example:8443' } },
      crashDumps: { count: 1, files: [{ name: 'reports/1b4e28ba-2fa1-11d2-883f-0016d3cca427.dmp', bytes: crashDumpContent.length }] },
      logs: ['main.log', 'main.1.log'],
    });
    // Technical content survives: levels, codes, the app's own stack frames.
    expect(zip['logs/main.log']).toContain('bridge: file.saveAs HOST_ERROR EACCES');
    expect(zip['logs/main.log']).toContain(`${INSTALL}\\resources\\app.asar\\out\\main\\index.js:120:7`);
  });

  it('carries no personal data: no ID or phone number pattern, no name from the fixture, no Windows user name', async () => {
    const zip = await exportZip();
    for (const [file, text] of Object.entries(zip)) {
      for (const pattern of PERSONAL_DATA_PATTERNS) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
      for (const value of [...PERSONAL_NAMES, WINDOWS_USER, ...ID_NUMBERS, ...OLD_ID_NUMBERS, ...MOBILE_NUMBERS, ...LANDLINES, ...EMAILS]) {
        expect(text, `${file} contains ${value}`).not.toContain(value);
      }
    }
  });

  it('never packs a crash dump itself (process memory) nor another process\'s log', async () => {
    const zip = await exportZip();
    expect(Object.keys(zip).some((n) => n.endsWith('.dmp') || n.includes('renderer'))).toBe(false);
  });

  it('refuses a sync status that carries anything but technical ASCII, or fields it does not know', async () => {
    const schema = bridgeContract['diagnostics.export'].args;
    expect(schema.safeParse(args).success).toBe(true);
    expect(schema.safeParse({ ...args, sync: { ...args.sync, lastError: `同步失败：${name1}` } }).success).toBe(false);
    expect(schema.safeParse({ ...args, sync: { ...args.sync, officer: name1 } }).success).toBe(false);
    expect(schema.safeParse({ ...args, residents: [name1] }).success).toBe(false);
    expect(schema.safeParse({ ...args, suggestedName: '..\\evil.zip' }).success).toBe(false);
  });
});

describe('personal-data redaction', () => {
  it('cuts ID numbers, phones, e-mails and user paths, and keeps the app\'s own paths, timestamps and station codes', () => {
    const text = `[2026-11-23 08:00:00.001] station 310118520000 roster v3 ${id1} ${MOBILE_NUMBERS[1]} C:\\Users\\${WINDOWS_USER}\\x ${INSTALL}\\YRDStation.exe`;
    expect(redactPersonalData(text, { keepPathPrefixes: [INSTALL] })).toBe(
      `[2026-11-23 08:00:00.001] station 310118520000 roster v3 [id-number] [phone] [path]`,
    );
    expect(redactPersonalData('exchange wss://exchange.yrd.example:8443/ws refused')).toBe('exchange wss://exchange.yrd.example:8443/ws refused');
    expect(redactPersonalData('saved C:/Users/someone/a.pdf and file:///D:/x.pdf')).toBe('saved [path]');
    // The kept install path after a cut one is gone too: a path runs to the end of its line (better too much cut).
    expect(redactPersonalData(`${INSTALL}\\YRDStation.exe exited`, { keepPathPrefixes: [INSTALL] })).toBe(`${INSTALL}\\YRDStation.exe exited`);
  });
});
