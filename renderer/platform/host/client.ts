import {
  BridgeError,
  HOST_BRIDGE_GLOBAL,
  bridgeContract,
  bridgeReply,
  type BridgeArgs,
  type BridgeMethod,
  type BridgeResult,
  type HostBridge,
} from '@shared/bridge/contract';

let bridge: HostBridge | null = null;

/**
 * Which host this window talks to, installed once by the composition root (renderer/app/main.ts) before anything
 * calls the host: the preload's bridge inside Electron, the browser host anywhere else. Tests install fakes.
 */
export function installHost(host: HostBridge): void {
  bridge = host;
}

/** The bridge the preload exposed, when this window runs inside Electron. */
export function preloadHost(): HostBridge | null {
  const exposed = (globalThis as unknown as Record<string, unknown>)[HOST_BRIDGE_GLOBAL];
  return exposed ? (exposed as HostBridge) : null;
}

/** Whether the composition root installed a host (Node tests and benchmarks may run without one). */
export function hostInstalled(): boolean {
  return bridge !== null;
}

function hostBridge(): HostBridge {
  if (!bridge) throw new Error('no host installed: the composition root calls installHost() at start-up');
  return bridge;
}

/**
 * Calls the host and returns the typed result, or throws a BridgeError with the host's code.
 * Results are parsed again here: the renderer trusts the contract, not the other process.
 */
export async function callHost<M extends BridgeMethod>(method: M, args: BridgeArgs<M>): Promise<BridgeResult<M>> {
  const call = hostBridge()[method] as (a: BridgeArgs<M>) => Promise<unknown>;
  const reply = bridgeReply.parse(await call(args));
  if (!reply.ok) throw new BridgeError(reply.error.code, reply.error.message);
  return bridgeContract[method].result.parse(reply.value) as BridgeResult<M>;
}
