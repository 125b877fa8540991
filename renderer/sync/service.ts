import { liveQuery, type Subscription } from 'dexie';
import { exchangeUrl } from '@shared/provisioning/exchange-url';
import { META_TABLE, db, defineMetaKey, readMeta, writeMeta } from '@renderer/platform/db';
import { callHost, useMachinePoliciesStore } from '@renderer/platform/host';
import { useSyncStatusStore } from './status-store';
import { useRosterStore } from './roster-store';
import { combineAppliers, type ApplierSet } from './appliers';
import type { FeatureAppliers } from './contract';
import { SyncEngine } from './engine';
import type { ConnectFn } from './exchange';
import type { InboxContext } from './inbox';
import { outboxTable, peersTable } from './tables';

/** 交换服务器地址: one rule for the 同步 page, packages and machine policy (wss://, or ws:// to loopback only). */
export { exchangeUrl };

/** Where this station's exchange is: provisioning writes it with the package, the 同步 page changes it. */
export const exchangeUrlMeta = defineMetaKey('sync.exchangeUrl', exchangeUrl.nullable());

/** The browser's WebSocket transport, loaded with the exchange code on the first connection (not at start-up). */
const browserConnect: ConnectFn = async (options) => (await import('./exchange')).browserConnect(options);

let engine: SyncEngine | null = null;
let pendingWatch: Subscription | null = null;
let stoppedWatch: Subscription | null = null;
let appliers: ApplierSet = combineAppliers([]);
let connectFn: ConnectFn = browserConnect;

export interface SyncSetup {
  /** Every feature's appliers (the composition root passes them). */
  appliers: readonly FeatureAppliers[];
  /** How to reach the exchange; the browser's WebSocket unless given (Node tests and benches pass Node's). */
  connect?: ConnectFn;
}

/** Called once by the composition root before `startSync`. */
export function configureSync(setup: SyncSetup): void {
  appliers = combineAppliers([...setup.appliers]);
  connectFn = setup.connect ?? browserConnect;
}

function applierSet(): ApplierSet {
  return appliers;
}

/** The inbox as the UI's bundle import uses it: this window's database and every feature's appliers. */
export function inboxContext(): InboxContext {
  return { database: db(), appliers: applierSet() };
}

/** The exchange in force: a group-policy address wins over the one saved here (by provisioning or the 同步 page). */
export async function readExchangeUrl(): Promise<string | null> {
  return useMachinePoliciesStore().exchangeUrl ?? readMeta(exchangeUrlMeta);
}

/** Starts (or restarts) the engine for the configured exchange; without one, the status says 未配置. */
export async function startSync(): Promise<void> {
  const status = useSyncStatusStore();
  // Pending events show in the frame even with no exchange configured (they wait for one, or for a bundle).
  pendingWatch ??= liveQuery(() => outboxTable().count()).subscribe({ next: (n) => status.setPending(n), error: () => undefined });
  stoppedWatch ??= liveQuery(async () => (await peersTable().toArray()).flatMap((p) => (p.stopped ? [{ code: p.code, reason: p.stopped.reason }] : []))).subscribe({
    next: (peers) => status.setStopped(peers),
    error: () => undefined,
  });
  await engine?.stop();
  engine = null;
  const url = await readExchangeUrl();
  if (!url) {
    status.setState('notConfigured');
    return;
  }
  engine = new SyncEngine({
    database: db(),
    appliers: applierSet(),
    connect: connectFn,
    onState: (state, error) => status.setState(state, error),
  });
  engine.start(url);
}

export async function stopSync(): Promise<void> {
  await engine?.stop();
  engine = null;
}

/** Saves the exchange address (null clears it) and reconnects with it. */
export async function setExchangeUrl(url: string | null): Promise<void> {
  const value = url === null ? null : exchangeUrl.parse(url);
  await db().transaction('rw', META_TABLE, async () => {
    await writeMeta(exchangeUrlMeta, value);
  });
  await startSync();
}

/** 立即同步 */
export async function syncNow(): Promise<void> {
  await engine?.syncNow();
}

/**
 * Learns this app's version and loads the roster, so the status store can tell whether the station is below the
 * roster's minimum client version (shared/sync/client-version.ts). Called once at start-up; a new roster reloads
 * the roster store and the status follows.
 */
export async function checkClientVersion(): Promise<void> {
  const [info] = await Promise.all([callHost('app.getInfo', {}), useRosterStore().load()]);
  useSyncStatusStore().setAppVersion(info.appVersion);
}
