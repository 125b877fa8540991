import { contextBridge, ipcRenderer } from 'electron';
import type { HostBridge } from '@shared/bridge/contract';
import { HOST_BRIDGE_GLOBAL, bridgeChannel, bridgeMethodNames } from '@shared/bridge/methods';

/**
 * Exposes exactly the bridge contract: one function per method, each forwarding its single argument object.
 * ipcRenderer itself never reaches the page. The names come from shared/bridge/methods.ts, a plain list, so this
 * bundle carries no schema library: main checks every argument and result against the contract.
 */
const bridge = Object.fromEntries(
  bridgeMethodNames.map((method) => [method, (args: unknown) => ipcRenderer.invoke(bridgeChannel(method), args)]),
) as HostBridge;

contextBridge.exposeInMainWorld(HOST_BRIDGE_GLOBAL, Object.freeze(bridge));
