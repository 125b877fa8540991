import { z } from 'zod';
import { exchangeUrl } from '../provisioning/exchange-url';

/**
 * Machine policies: what an installer sets for every station PC through group policy (ADMX templates in
 * resources/policy/, docs/deploy.zh-CN.md §组策略). On Windows they live in the registry under
 * `HKLM\Software\Policies\YRD Station`; main reads them (electron/main/policy.ts) and hands them to the renderer
 * through the bridge (`policy.get`). A policy wins over the PC's own setting, and the UI shows it as locked.
 *
 * Here: the registry value names, what each may hold, and the pure rule that turns raw values into policies.
 * A value of the wrong registry type, out of range or unknown is ignored, and the reason is reported (main logs it;
 * 设置 can show it), never guessed at.
 */

export const MACHINE_POLICY_KEY = 'HKLM\\Software\\Policies\\YRD Station';

/** The UI languages a policy may force: the renderer's locales. */
export const policyUiLanguage = z.enum(['zh-CN', 'en']);

/** The lowest TLS version the exchange connection may use (Chromium's default minimum is 1.2). */
export const policyMinTlsVersion = z.enum(['1.2', '1.3']);

/** Idle lock: 1 minute to 2 hours (the built-in default is 10 minutes). */
export const MIN_IDLE_LOCK_MINUTES = 1;
export const MAX_IDLE_LOCK_MINUTES = 120;

/**
 * A folder for provisioning packages: an absolute Windows path (drive or UNC share), or an absolute POSIX path
 * for non-Windows development machines. No control characters, no `..` segments.
 */
export const policyFolder = z
  .string()
  .min(3)
  .max(260)
  .refine((p) => /^([A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)/.test(p) || p.startsWith('/'), 'absolute folder path')
  .refine((p) => ![...p].some((c) => c.charCodeAt(0) < 0x20), 'no control characters')
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'no .. segments');

export const machinePolicies = z
  .object({
    /** Exchange address (ws:// or wss://): replaces the one from the provisioning package. */
    exchangeUrl: exchangeUrl.optional(),
    /** Where the app looks for provisioning packages instead of %ProgramData%\YRD Station. */
    packageFolder: policyFolder.optional(),
    /** UI language, fixed: the language switch is locked. */
    uiLanguage: policyUiLanguage.optional(),
    /** True: no demo station, demo officers or demo data are offered on this PC, whatever the install. */
    demoStationsDisabled: z.boolean().optional(),
    /** Lowest TLS version for the exchange connection (main enforces it for the whole app). */
    minTlsVersion: policyMinTlsVersion.optional(),
    /** Minutes of inactivity before the screen locks. */
    idleLockMinutes: z.number().int().min(MIN_IDLE_LOCK_MINUTES).max(MAX_IDLE_LOCK_MINUTES).optional(),
  })
  .strict();
export type MachinePolicies = z.infer<typeof machinePolicies>;
export type MachinePolicyName = keyof MachinePolicies;

/** A value found under the policy key but not used, and why. */
export const ignoredPolicyValue = z.object({ name: z.string().max(200), reason: z.string().max(200) });
export type IgnoredPolicyValue = z.infer<typeof ignoredPolicyValue>;

/** What `policy.get` answers. `none`: no policy key (or no registry: the browser host, Linux, macOS). */
export const machinePolicyReport = z.object({
  source: z.enum(['registry', 'none']),
  key: z.string(),
  policies: machinePolicies,
  ignored: z.array(ignoredPolicyValue).max(100),
});
export type MachinePolicyReport = z.infer<typeof machinePolicyReport>;

export const NO_MACHINE_POLICIES: MachinePolicyReport = { source: 'none', key: '', policies: {}, ignored: [] };

/** One registry value as read: its name, registry type (`REG_SZ`, `REG_DWORD`, …) and data (DWORDs as numbers). */
export interface RawPolicyValue {
  name: string;
  type: string;
  data: string | number;
}

type ValueKind = 'string' | 'dword';

interface PolicyValueSpec<N extends MachinePolicyName> {
  policy: N;
  kind: ValueKind;
  convert: (data: string | number) => unknown;
}

const asIs = (data: string | number): unknown => data;

/** Registry value name → policy. Value names are matched case-insensitively, as Windows does. */
export const POLICY_VALUES = {
  ExchangeUrl: { policy: 'exchangeUrl', kind: 'string', convert: asIs },
  ProvisioningPackageFolder: { policy: 'packageFolder', kind: 'string', convert: asIs },
  UiLanguage: { policy: 'uiLanguage', kind: 'string', convert: asIs },
  DisableDemoStations: {
    policy: 'demoStationsDisabled',
    kind: 'dword',
    convert: (data) => (data === 1 ? true : data === 0 ? false : data),
  },
  MinimumTlsVersion: { policy: 'minTlsVersion', kind: 'string', convert: asIs },
  IdleLockMinutes: { policy: 'idleLockMinutes', kind: 'dword', convert: asIs },
} as const satisfies { [valueName: string]: PolicyValueSpec<MachinePolicyName> };

export type PolicyValueName = keyof typeof POLICY_VALUES;

const STRING_TYPES = new Set(['REG_SZ', 'REG_EXPAND_SZ']);

function kindMatches(kind: ValueKind, value: RawPolicyValue): boolean {
  if (kind === 'dword') return value.type === 'REG_DWORD' && typeof value.data === 'number';
  return STRING_TYPES.has(value.type) && typeof value.data === 'string';
}

/**
 * Raw registry values → the policies they set, plus every value that was ignored and why (wrong type, bad value,
 * unknown name). Pure: main reads the registry and logs the ignored ones.
 */
export function policiesFromValues(values: readonly RawPolicyValue[]): { policies: MachinePolicies; ignored: IgnoredPolicyValue[] } {
  const policies: Record<string, unknown> = {};
  const ignored: IgnoredPolicyValue[] = [];
  const specs = Object.entries(POLICY_VALUES) as [PolicyValueName, PolicyValueSpec<MachinePolicyName>][];
  for (const value of values) {
    const match = specs.find(([name]) => name.toLowerCase() === value.name.toLowerCase());
    if (!match) {
      ignored.push({ name: value.name.slice(0, 200), reason: 'unknown value name' });
      continue;
    }
    const [name, spec] = match;
    if (!kindMatches(spec.kind, value)) {
      ignored.push({ name, reason: `wrong registry type ${value.type.slice(0, 40)}: expected ${spec.kind === 'dword' ? 'REG_DWORD' : 'REG_SZ'}` });
      continue;
    }
    const data = typeof value.data === 'string' ? value.data.trim() : value.data;
    if (data === '') continue; // an empty string is "not configured", as the ADMX editor writes it
    const field = machinePolicies.shape[spec.policy];
    const parsed = field.safeParse(spec.convert(data));
    if (!parsed.success || parsed.data === undefined) {
      ignored.push({ name, reason: `invalid value: ${parsed.success ? 'empty' : (parsed.error.issues[0]?.message ?? 'invalid')}`.slice(0, 200) });
      continue;
    }
    policies[spec.policy] = parsed.data;
  }
  return { policies: machinePolicies.parse(policies), ignored };
}
