import { db, useLiveQuery } from '@renderer/platform/db';
import { conflictsTable, peersTable, pendingByPeer, probesTable, quarantineTable, refusedTable } from '@renderer/sync';

/** The 同步 page's reads, live: they follow the engine's writes (writes of this feature are in commands.ts). */

/** Events waiting in the outbox, per neighbour station. */
export const usePendingByPeer = () => useLiveQuery(() => pendingByPeer(db()));

/** What is known of each neighbour: last sent, last received, last error. */
export const usePeers = () => useLiveQuery(() => peersTable().toArray());

/** The newest refused batches (at most 200). */
export const useQuarantine = () => useLiveQuery(() => quarantineTable().orderBy('receivedAt').reverse().limit(200).toArray());

/** The newest events refused one by one (at most 200): authentic, but not taken here, with the reason. */
export const useRefused = () => useLiveQuery(() => refusedTable().orderBy('at').reverse().limit(200).toArray());

/** Conflicts not resolved yet. */
export const useOpenConflicts = () => useLiveQuery(() => conflictsTable().where('status').equals('open').toArray());

/** The newest 联调消息, sent and received (at most 50). */
export const useProbes = () => useLiveQuery(() => probesTable().orderBy('at').reverse().limit(50).toArray());
