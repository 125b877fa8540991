import { contextBridge, ipcRenderer } from 'electron';
import { HOST_BRIDGE_GLOBAL, bridgeChannel, bridgeMethods, type HostBridge } from '@shared/bridge/contract';

/**
 * Exposes exactly the bridge contract: one function per method, each forwarding its single argument object.
 * ipcRenderer itself never reaches the page.
 */
const bridge = Object.fromEntries(
  bridgeMethods.map((method) => [method, (args: unknown) => ipcRenderer.invoke(bridgeChannel(method), args)]),
) as HostBridge;

contextBridge.exposeInMainWorld(HOST_BRIDGE_GLOBAL, Object.freeze(bridge));
