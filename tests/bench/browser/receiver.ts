import Dexie from 'dexie';
import { holdDataKey } from '@renderer/platform/db/data-key';
import { StationDatabase } from '@renderer/platform/db/database';
import { combineAppliers } from '@renderer/sync/appliers';
import { appliers as syncAppliers } from '@renderer/features/sync/sync-appliers';
import { appliers as assistAppliers } from '@renderer/features/assist/sync-appliers';
import { requestsTable } from '@renderer/features/assist/tables';
import { installDemoStation } from '@renderer/sync/demo';
import { SyncEngine } from '@renderer/sync/engine';
import { browserConnect } from '@renderer/sync/exchange';
import { cursorsTable, eventsTable } from '@renderer/sync/tables';
import { idbPutFloor } from './idb-floor';

/**
 * A receiving station in this page, driven from Node (tests/bench/stations): a demo station on Chromium's real
 * IndexedDB, sealed at rest with a data key Node hands over (the same one again after a crash, like start-up
 * unlocking it), syncing through the exchange over WebSocket exactly as the app does.
 */
export interface ReceiverApi {
  /** Opens the station database; `fresh` starts from an empty one and installs the demo station `code`. */
  open(name: string, code: string, dataKey: number[], fresh: boolean): Promise<void>;
  start(wsUrl: string): void;
  /** The seq this station has applied of `author`'s stream. */
  cursor(author: string): Promise<number>;
  /** How many of `author`'s events the log holds (each event once: the log is keyed by author and id). */
  logged(author: string): Promise<number>;
  idbPutFloor(): Promise<number>;
  /** 协查 requests this station holds (the assist delivery bench). */
  assistRequests(): Promise<number>;
  stop(): Promise<void>;
}

declare global {
  interface Window {
    __receiver?: ReceiverApi;
    /** Node's hook: called once a batch with `applied` new events has committed. */
    __benchApplied?: (applied: number) => void;
    __benchSyncError?: (error: string) => void;
  }
}

let database: StationDatabase | null = null;
let engine: SyncEngine | null = null;

function opened(): StationDatabase {
  if (!database) throw new Error('receiver: open() first');
  return database;
}

window.__receiver = {
  async open(name, code, dataKey, fresh) {
    await holdDataKey(new Uint8Array(dataKey));
    if (fresh) await Dexie.delete(name);
    database = new StationDatabase(name);
    await database.open();
    if (fresh) await installDemoStation(code, database);
  },
  start(wsUrl) {
    engine = new SyncEngine({
      database: opened(),
      appliers: combineAppliers([syncAppliers, assistAppliers]),
      connect: browserConnect,
      onReceived: (result) => {
        if (result.outcome === 'applied' && result.applied > 0) window.__benchApplied?.(result.applied);
        if (result.outcome === 'quarantined') window.__benchSyncError?.(`quarantined: ${result.reason} ${result.detail}`);
      },
      onState: (state, error) => {
        if (state === 'error' && error) window.__benchSyncError?.(error);
      },
    });
    engine.start(wsUrl);
  },
  async cursor(author) {
    return (await cursorsTable(opened()).get(author))?.seq ?? 0;
  },
  async logged(author) {
    return eventsTable(opened()).where('[authorStation+hlc]').between([author, Dexie.minKey], [author, Dexie.maxKey]).count();
  },
  idbPutFloor,
  async assistRequests() {
    return requestsTable(opened()).count();
  },
  async stop() {
    await engine?.stop();
    database?.close();
  },
};
