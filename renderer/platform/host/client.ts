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
import { createBrowserHost } from './browser-host';

let bridge: HostBridge | null = null;

/** The preload's bridge inside Electron, the browser host anywhere else. */
function hostBridge(): HostBridge {
  if (bridge) return bridge;
  const exposed = (window as unknown as Record<string, unknown>)[HOST_BRIDGE_GLOBAL];
  bridge = exposed ? (exposed as HostBridge) : createBrowserHost();
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

/** For tests: replace the host (e.g. with a recording fake). */
export function setHostBridge(replacement: HostBridge | null): void {
  bridge = replacement;
}
