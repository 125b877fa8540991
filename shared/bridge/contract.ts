import { z } from 'zod';
import { diagnosticsExportArgs } from '../diagnostics/diagnostics';
import { machinePolicyReport } from '../policy/machine-policy';
import { HOST_BRIDGE_GLOBAL, bridgeChannel, bridgeMethodNames, type BridgeMethodName } from './methods';

/**
 * The host bridge: every call the renderer may make to its host (Electron main, or the browser host).
 * One entry per call: a zod schema for the single argument object and one for the result.
 * The preload exposes exactly these names; main validates both sides of every call against them.
 */

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(10),
});

/** File names only: no folders, nothing that could walk out of a directory. */
const fileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+$/, 'file name only')
  .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 0x20), 'no control characters');

export const saveOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
]);

/** How a protected secret was stored: by the OS, or (browser host, development only) not at all. */
export const secretScheme = z.enum(['os-protected', 'development-unprotected']);
export type SecretScheme = z.infer<typeof secretScheme>;

/** At most this many packages are read from the machine-wide folder; each is small (a few KiB). */
export const MAX_MACHINE_PACKAGES = 20;
export const MACHINE_PACKAGE_EXTENSION = 'yrdp';

export const bridgeContract = {
  /** Which host this is and what it runs on; shown in 设置 and used to adapt printing. */
  'app.getInfo': {
    args: z.object({}),
    result: z.object({
      host: z.enum(['electron', 'browser']),
      appVersion: z.string(),
      platform: z.string(),
      /** Set only in development and test builds. */
      isDevelopment: z.boolean(),
    }),
  },
  /** Render the current page's print layout (CSS @media print) to PDF and save it where the user chooses. */
  'print.toPdf': {
    args: z.object({
      suggestedName: fileName,
      landscape: z.boolean().default(false),
    }),
    result: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), path: z.string() }),
      z.object({ outcome: z.literal('cancelled') }),
      /** The browser host hands the page to the browser's own print / save-as-PDF dialog. */
      z.object({ outcome: z.literal('printed') }),
    ]),
  },
  /** Save bytes (base64) or text to a file the user chooses. */
  'file.saveAs': {
    args: z.object({
      suggestedName: fileName,
      filters: z.array(fileFilter).max(10).default([]),
      content: z.string().max(512 * 1024 * 1024),
      encoding: z.enum(['utf8', 'base64']),
    }),
    result: saveOutcome,
  },
  /** Let the user pick one file and return its content as base64. */
  'file.open': {
    args: z.object({ filters: z.array(fileFilter).max(10).default([]) }),
    result: z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('opened'),
        name: z.string(),
        contentBase64: z.string(),
      }),
      z.object({ outcome: z.literal('cancelled') }),
    ]),
  },
  /**
   * Protect a secret (the station's signing key) with the OS: Electron safeStorage (DPAPI on Windows). The
   * browser host cannot, and says so with the `development-unprotected` scheme; Electron never accepts that one.
   */
  'secrets.protect': {
    args: z.object({ plaintextBase64: z.string().min(1).max(4096) }),
    result: z.object({ scheme: secretScheme, protectedBase64: z.string() }),
  },
  'secrets.unprotect': {
    args: z.object({ scheme: secretScheme, protectedBase64: z.string().min(1).max(16384) }),
    result: z.object({ plaintextBase64: z.string() }),
  },
  /** Provisioning packages an installer or group policy placed in the machine-wide folder (%ProgramData%\YRD Station). */
  'provisioning.findPackages': {
    args: z.object({}),
    result: z.object({
      folder: z.string(),
      packages: z
        .array(z.object({ name: z.string(), contentBase64: z.string(), modifiedAt: z.string() }))
        .max(MAX_MACHINE_PACKAGES),
    }),
  },
  /**
   * Machine policies an installer set by group policy (HKLM\Software\Policies\YRD Station on Windows): they win
   * over local settings, and the UI shows such a setting as locked. The browser host has none.
   */
  'policy.get': {
    args: z.object({}),
    result: machinePolicyReport,
  },
  /**
   * 设置 → 导出诊断信息: a zip for support with the version, the host's logs (personal data removed), the sync status
   * and the schema version the renderer passes in, saved where the user chooses. Never resident data.
   */
  'diagnostics.export': {
    args: diagnosticsExportArgs,
    result: saveOutcome,
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeMethod = keyof BridgeContract;
export type BridgeArgs<M extends BridgeMethod> = z.input<BridgeContract[M]['args']>;
export type BridgeParsedArgs<M extends BridgeMethod> = z.output<BridgeContract[M]['args']>;
export type BridgeResult<M extends BridgeMethod> = z.output<BridgeContract[M]['result']>;

/** The contract's methods in order: the same list the preload uses (shared/bridge/methods.ts). */
export const bridgeMethods: readonly BridgeMethod[] = bridgeMethodNames;

// The written-out list and the contract's keys are one set: either side missing a name fails the type check.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: SameSet<BridgeMethodName, BridgeMethod> = true;
void namesMatchContract;

/** Every failure crosses the bridge as one of these codes, never as a raw exception. */
export const bridgeErrorCode = z.enum(['FORBIDDEN_SENDER', 'INVALID_ARGS', 'INVALID_RESULT', 'UNKNOWN_METHOD', 'HOST_ERROR']);
export type BridgeErrorCode = z.infer<typeof bridgeErrorCode>;

export const bridgeError = z.object({ code: bridgeErrorCode, message: z.string() });
export type BridgeErrorData = z.infer<typeof bridgeError>;

/** The envelope main answers with: a discriminated result, so the renderer never needs try/catch over IPC. */
export const bridgeReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: bridgeError }),
]);
export type BridgeReply = z.infer<typeof bridgeReply>;

/** The object the preload exposes on window, and the browser host implements: one function per call. */
export type HostBridge = {
  [M in BridgeMethod]: (args: BridgeArgs<M>) => Promise<BridgeReply>;
};

export { HOST_BRIDGE_GLOBAL, bridgeChannel };

export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

export function isBridgeMethod(name: string): name is BridgeMethod {
  return Object.prototype.hasOwnProperty.call(bridgeContract, name);
}
