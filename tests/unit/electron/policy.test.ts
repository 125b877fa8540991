import { describe, expect, it, vi } from 'vitest';
import { MACHINE_POLICY_KEY, machinePolicyReport, type RawPolicyValue } from '@shared/policy/machine-policy';
import { expandEnvironment, parseRegQuery, readMachinePolicies, regExeReader, sslVersionMinSwitch, type RegistryReader } from '../../../electron/main/policy';

/** A fake registry: key → values, exactly what a RegistryReader returns. */
function fakeRegistry(keys: Record<string, RawPolicyValue[]>): RegistryReader & { asked: string[] } {
  const asked: string[] = [];
  const reader = (key: string) => {
    asked.push(key);
    return keys[key] ?? null;
  };
  return Object.assign(reader, { asked });
}

function recordingLog() {
  const lines: { level: string; text: string }[] = [];
  const at = (level: string) => (...data: unknown[]) => lines.push({ level, text: data.join(' ') });
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
}

const everyPolicy: RawPolicyValue[] = [
  { name: 'ExchangeUrl', type: 'REG_SZ', data: 'wss://exchange.yrd.example:8443' },
  { name: 'ProvisioningPackageFolder', type: 'REG_EXPAND_SZ', data: 'D:\\YRD\\开通包' },
  { name: 'UiLanguage', type: 'REG_SZ', data: 'en' },
  { name: 'DisableDemoStations', type: 'REG_DWORD', data: 1 },
  { name: 'MinimumTlsVersion', type: 'REG_SZ', data: '1.3' },
  { name: 'IdleLockMinutes', type: 'REG_DWORD', data: 5 },
];

describe('machine policies from the registry', () => {
  it('reads every policy of HKLM\\Software\\Policies\\YRD Station with its registry type', () => {
    const registry = fakeRegistry({ [MACHINE_POLICY_KEY]: everyPolicy });
    const { log, lines } = recordingLog();
    const report = readMachinePolicies({ platform: 'win32', reader: registry, log });
    expect(registry.asked).toEqual(['HKLM\\Software\\Policies\\YRD Station']);
    expect(report).toEqual({
      source: 'registry',
      key: MACHINE_POLICY_KEY,
      policies: {
        exchangeUrl: 'wss://exchange.yrd.example:8443',
        packageFolder: 'D:\\YRD\\开通包',
        uiLanguage: 'en',
        demoStationsDisabled: true,
        minTlsVersion: '1.3',
        idleLockMinutes: 5,
      },
      ignored: [],
    });
    expect(machinePolicyReport.safeParse(report).success).toBe(true);
    expect(lines).toEqual([{ level: 'info', text: `policy: demoStationsDisabled, exchangeUrl, idleLockMinutes, minTlsVersion, packageFolder, uiLanguage set by ${MACHINE_POLICY_KEY}` }]);
  });

  it('reports no policies when the key is missing, off Windows, or when the reader fails (logged)', () => {
    const { log, lines } = recordingLog();
    expect(readMachinePolicies({ platform: 'win32', reader: fakeRegistry({}), log })).toMatchObject({ source: 'none', policies: {} });
    const never = vi.fn(() => []);
    expect(readMachinePolicies({ platform: 'linux', reader: never, log })).toMatchObject({ source: 'none', policies: {} });
    expect(never).not.toHaveBeenCalled();
    const broken: RegistryReader = () => {
      throw new Error('reg.exe timed out');
    };
    expect(readMachinePolicies({ platform: 'win32', reader: broken, log })).toMatchObject({ source: 'none' });
    expect(lines).toEqual([{ level: 'warn', text: `policy: cannot read ${MACHINE_POLICY_KEY}: reg.exe timed out` }]);
  });

  it('keeps only the values missing from the key unset (a partly configured key)', () => {
    const { log } = recordingLog();
    const report = readMachinePolicies({ platform: 'win32', reader: fakeRegistry({ [MACHINE_POLICY_KEY]: [{ name: 'IdleLockMinutes', type: 'REG_DWORD', data: 15 }] }), log });
    expect(report.policies).toEqual({ idleLockMinutes: 15 });
  });

  it('ignores values of the wrong type, out of range or unknown, each with a log line, and keeps the good ones', () => {
    const bad: RawPolicyValue[] = [
      { name: 'IdleLockMinutes', type: 'REG_SZ', data: '5' },
      { name: 'DisableDemoStations', type: 'REG_DWORD', data: 2 },
      { name: 'MinimumTlsVersion', type: 'REG_SZ', data: '1.0' },
      { name: 'UiLanguage', type: 'REG_SZ', data: 'fr' },
      { name: 'ExchangeUrl', type: 'REG_SZ', data: 'http://exchange.example' },
      { name: 'ProvisioningPackageFolder', type: 'REG_SZ', data: 'relative\\folder' },
      { name: 'ProvisioningPackageFolder', type: 'REG_SZ', data: 'C:\\ProgramData\\..\\Windows' },
      { name: 'SomethingElse', type: 'REG_SZ', data: 'x' },
      { name: 'idlelockminutes', type: 'REG_DWORD', data: 20 },
      { name: 'UiLanguage', type: 'REG_SZ', data: '' },
    ];
    const { log, lines } = recordingLog();
    const report = readMachinePolicies({ platform: 'win32', reader: fakeRegistry({ [MACHINE_POLICY_KEY]: bad }), log });
    // Value names match case-insensitively, as Windows does; an empty string means "not configured".
    expect(report.policies).toEqual({ idleLockMinutes: 20 });
    expect(report.ignored.map((i) => i.name)).toEqual([
      'IdleLockMinutes',
      'DisableDemoStations',
      'MinimumTlsVersion',
      'UiLanguage',
      'ExchangeUrl',
      'ProvisioningPackageFolder',
      'ProvisioningPackageFolder',
      'SomethingElse',
    ]);
    expect(report.ignored[0]?.reason).toMatch(/wrong registry type REG_SZ: expected REG_DWORD/);
    expect(report.ignored[7]?.reason).toBe('unknown value name');
    const warnings = lines.filter((l) => l.level === 'warn').map((l) => l.text);
    expect(warnings).toHaveLength(8);
    expect(warnings[1]).toMatch(/^policy: ignored HKLM\\Software\\Policies\\YRD Station\\DisableDemoStations: invalid value/);
  });

  it('bounds the idle lock to 1–120 minutes', () => {
    const { log } = recordingLog();
    for (const [minutes, ok] of [[0, false], [1, true], [120, true], [121, false]] as const) {
      const report = readMachinePolicies({ platform: 'win32', reader: fakeRegistry({ [MACHINE_POLICY_KEY]: [{ name: 'IdleLockMinutes', type: 'REG_DWORD', data: minutes }] }), log });
      expect(report.policies.idleLockMinutes === minutes).toBe(ok);
    }
  });

  it('turns the minimum-TLS policy into Chromium\'s --ssl-version-min', () => {
    const report = (minTlsVersion?: '1.2' | '1.3') => ({ source: 'registry' as const, key: '', policies: minTlsVersion ? { minTlsVersion } : {}, ignored: [] });
    expect(sslVersionMinSwitch(report('1.3'))).toBe('tls1.3');
    expect(sslVersionMinSwitch(report('1.2'))).toBe('tls1.2');
    expect(sslVersionMinSwitch(report())).toBeNull();
  });
});

/** What reg.exe prints (UTF-8 after chcp 65001), CRLF line ends. */
const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\YRD Station',
  '    (默认)    REG_SZ    ',
  '    ExchangeUrl    REG_SZ    wss://exchange.yrd.example:8443',
  '    ProvisioningPackageFolder    REG_EXPAND_SZ    %ProgramData%\\YRD Station\\开通包',
  '    DisableDemoStations    REG_DWORD    0x1',
  '    IdleLockMinutes    REG_DWORD    0x1e',
  '    UiLanguage    REG_SZ',
  '    Odd Name With Spaces    REG_SZ    a    b',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\YRD Station\\Sub',
  '',
].join('\r\n');

describe('reg.exe reader', () => {
  it('parses reg query output: names, types, DWORDs in hex, REG_EXPAND_SZ expanded, the default value and subkeys skipped', () => {
    expect(parseRegQuery(REG_OUTPUT, { PROGRAMDATA: 'C:\\ProgramData' })).toEqual([
      { name: 'ExchangeUrl', type: 'REG_SZ', data: 'wss://exchange.yrd.example:8443' },
      { name: 'ProvisioningPackageFolder', type: 'REG_EXPAND_SZ', data: 'C:\\ProgramData\\YRD Station\\开通包' },
      { name: 'DisableDemoStations', type: 'REG_DWORD', data: 1 },
      { name: 'IdleLockMinutes', type: 'REG_DWORD', data: 30 },
      { name: 'UiLanguage', type: 'REG_SZ', data: '' },
      { name: 'Odd Name With Spaces', type: 'REG_SZ', data: 'a    b' },
    ]);
  });

  it('expands %VAR% case-insensitively and leaves unknown variables as written', () => {
    expect(expandEnvironment('%SystemDrive%\\x\\%NOPE%', { SYSTEMDRIVE: 'C:' })).toBe('C:\\x\\%NOPE%');
  });

  it('runs reg.exe through cmd with the UTF-8 code page and the 64-bit view; exit status 1 means no key', () => {
    const exec = vi.fn(() => REG_OUTPUT);
    const reader = regExeReader(exec, { ComSpec: 'C:\\Windows\\system32\\cmd.exe', ProgramData: 'C:\\ProgramData' });
    expect(reader(MACHINE_POLICY_KEY)).toHaveLength(6);
    expect(exec).toHaveBeenCalledWith(
      'C:\\Windows\\system32\\cmd.exe',
      ['/d', '/s', '/c', '"chcp 65001 >nul & reg.exe query "HKLM\\Software\\Policies\\YRD Station" /reg:64"'],
      expect.objectContaining({ windowsHide: true, windowsVerbatimArguments: true, timeout: 5000 }),
    );
    const missing = regExeReader(() => {
      throw Object.assign(new Error('Command failed'), { status: 1 });
    }, {});
    expect(missing(MACHINE_POLICY_KEY)).toBeNull();
    const failing = regExeReader(() => {
      throw Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' });
    }, {});
    expect(() => failing(MACHINE_POLICY_KEY)).toThrow('ENOENT');
  });

  it('reads the registry end to end: reg.exe output → policies', () => {
    const { log } = recordingLog();
    const report = readMachinePolicies({ platform: 'win32', reader: regExeReader(() => REG_OUTPUT, { ProgramData: 'C:\\ProgramData' }), log });
    expect(report.policies).toEqual({
      exchangeUrl: 'wss://exchange.yrd.example:8443',
      packageFolder: 'C:\\ProgramData\\YRD Station\\开通包',
      demoStationsDisabled: true,
      idleLockMinutes: 30,
    });
    expect(report.ignored).toEqual([{ name: 'Odd Name With Spaces', reason: 'unknown value name' }]);
  });
});
