/**
 * The bridge's method names, written out: the preload imports this file only, so it carries no schema library
 * (the contract's zod schemas stay in main and the renderer). `contract.ts` checks at compile time that this list
 * and the contract's keys are the same set, and tests/unit/electron/bridge-methods.test.ts that they are equal in
 * order too. Adding a call: add it to the contract and here.
 */
export const bridgeMethodNames = [
  'app.getInfo',
  'print.toPdf',
  'file.saveAs',
  'file.open',
  'secrets.protect',
  'secrets.unprotect',
  'provisioning.findPackages',
  'policy.get',
  'diagnostics.export',
  'session.seal',
  'session.open',
  'session.end',
] as const;

export type BridgeMethodName = (typeof bridgeMethodNames)[number];

/** The name under which the preload exposes the bridge on window. */
export const HOST_BRIDGE_GLOBAL = 'yrdHost';

/** IPC channel for a method; one channel per method keeps main's handlers explicit. */
export const bridgeChannel = (method: BridgeMethodName): string => `yrd:${method}`;
