import {
  MACHINE_POLICY_KEY,
  NO_MACHINE_POLICIES,
  machinePolicyReport,
  policiesFromValues,
  type MachinePolicyReport,
  type RawPolicyValue,
} from '@shared/policy/machine-policy';
import type { MainLog } from './log';

/**
 * Machine policies from the Windows registry (`HKLM\Software\Policies\YRD Station`, written by group policy from
 * resources/policy/yrd-station.admx). One module, the registry reader injected: tests use a fake registry.
 *
 * The reader is Windows' own `reg.exe query`, run once, synchronously, at start-up (before `ready`, because the
 * minimum-TLS policy is a Chromium command-line switch that must be set then). Why not a package: `winreg` also
 * runs reg.exe but only asynchronously and has had no release in years; `native-reg` and
 * `@vscode/windows-registry` are native modules (a prebuilt .node per Electron ABI, unpacked beside app.asar,
 * neither can be built or tested on the Linux CI), and `@vscode/windows-registry` reads only REG_SZ strings, while
 * the policies need REG_DWORD too. reg.exe is on every Windows, adds nothing to the package, and its output is a
 * stable text format parsed (and unit-tested) here.
 */

/** Reads one key's values; null when the key does not exist. Throws on any other failure. */
export type RegistryReader = (key: string) => RawPolicyValue[] | null;

/** `reg query` prints `    <name>    <REG_TYPE>    <data>` per value, four spaces apart. */
const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_0-9]+)(?: {4}(.*))?$/;

/** Expands %VAR% in a REG_EXPAND_SZ value; an unknown variable is left as written (and then fails validation). */
export function expandEnvironment(value: string, env: Readonly<Record<string, string | undefined>>): string {
  const lower = new Map(Object.entries(env).map(([k, v]) => [k.toLowerCase(), v]));
  return value.replace(/%([^%]+)%/g, (whole, name: string) => lower.get(name.toLowerCase()) ?? whole);
}

/** Parses `reg query <key>` output (subkeys and the unnamed default value are skipped). */
export function parseRegQuery(output: string, env: Readonly<Record<string, string | undefined>> = {}): RawPolicyValue[] {
  const values: RawPolicyValue[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = VALUE_LINE.exec(line);
    if (!match) continue;
    const [, name = '', type = '', data = ''] = match;
    if (name.startsWith('(')) continue; // (Default) / (默认): the key's unnamed value, never a policy
    if (type === 'REG_DWORD' || type === 'REG_QWORD') {
      const number = /^0x[0-9a-f]+$/i.test(data) ? Number.parseInt(data.slice(2), 16) : Number.NaN;
      values.push({ name, type, data: Number.isSafeInteger(number) ? number : data });
    } else if (type === 'REG_EXPAND_SZ') {
      values.push({ name, type, data: expandEnvironment(data, env) });
    } else {
      values.push({ name, type, data });
    }
  }
  return values;
}

/** What runs reg.exe: `execFileSync` in the app, a fake in tests. */
export type ExecFileSync = (
  file: string,
  args: readonly string[],
  options: { encoding: 'utf8'; windowsHide: true; timeout: number; windowsVerbatimArguments: true },
) => string;

/** The child-process exit status of a failed exec, if any. */
function exitStatus(error: unknown): number | null {
  return error && typeof error === 'object' && 'status' in error && typeof error.status === 'number' ? error.status : null;
}

/**
 * The production reader: `cmd /d /s /c "chcp 65001 >nul & reg query "<key>" /reg:64"`. reg.exe writes in the
 * console code page (936 on Chinese Windows), so the code page is switched to UTF-8 first, and a folder path in
 * Chinese survives. `/reg:64` reads the 64-bit view whatever the process. Exit status 1 with no output: no such key.
 */
export function regExeReader(exec: ExecFileSync, env: Readonly<Record<string, string | undefined>>): RegistryReader {
  return (key) => {
    const comspec = env['ComSpec'] ?? env['COMSPEC'] ?? 'cmd.exe';
    let output: string;
    try {
      output = exec(comspec, ['/d', '/s', '/c', `"chcp 65001 >nul & reg.exe query "${key}" /reg:64"`], {
        encoding: 'utf8',
        windowsHide: true,
        timeout: 5000,
        windowsVerbatimArguments: true,
      });
    } catch (error) {
      if (exitStatus(error) === 1) return null;
      throw error;
    }
    return parseRegQuery(output, env);
  };
}

export interface PolicyReadOptions {
  platform: string;
  reader: RegistryReader;
  log: MainLog;
}

/**
 * The machine policies in force: `none` off Windows or without the key; otherwise the valid values, and each
 * ignored one (wrong type, bad value, unknown name) logged with its reason. A reader failure is logged and means
 * no policies: the app starts with its own settings rather than not at all.
 */
export function readMachinePolicies({ platform, reader, log }: PolicyReadOptions): MachinePolicyReport {
  if (platform !== 'win32') return NO_MACHINE_POLICIES;
  let values: RawPolicyValue[] | null;
  try {
    values = reader(MACHINE_POLICY_KEY);
  } catch (error) {
    log.warn(`policy: cannot read ${MACHINE_POLICY_KEY}: ${error instanceof Error ? error.message : String(error)}`);
    return NO_MACHINE_POLICIES;
  }
  if (values === null) return NO_MACHINE_POLICIES;
  const { policies, ignored } = policiesFromValues(values);
  for (const item of ignored) log.warn(`policy: ignored ${MACHINE_POLICY_KEY}\\${item.name}: ${item.reason}`);
  const names = Object.keys(policies);
  log.info(`policy: ${names.length > 0 ? names.sort().join(', ') : 'none'} set by ${MACHINE_POLICY_KEY}`);
  return machinePolicyReport.parse({ source: 'registry', key: MACHINE_POLICY_KEY, policies, ignored });
}

/** The Chromium switch value for the minimum-TLS policy (`--ssl-version-min`), or null to keep Chromium's default. */
export function sslVersionMinSwitch(report: MachinePolicyReport): string | null {
  return report.policies.minTlsVersion === '1.3' ? 'tls1.3' : report.policies.minTlsVersion === '1.2' ? 'tls1.2' : null;
}
