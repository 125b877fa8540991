import { ulid } from 'ulid';
import { SYNC_TABLES, conflictsTable, peersTable, probesTable, runCommand } from '@renderer/sync';

/** The 同步 page's writes: each is one command (sync's runCommand), with its audit entry (and event). */

/** Who acts: this station and the signed-in officer (`province:警号`). */
export interface SyncActor {
  station: string;
  officer: string;
}

/** 联调消息: the probe, its signed event for the other station and the audit entry, in one transaction. Returns its id. */
export function sendProbe(actor: SyncActor, to: string, text: string): Promise<string> {
  const aggregateId = `${actor.station}:${ulid()}`;
  return runCommand({
    tables: [SYNC_TABLES.probes],
    emits: true,
    async work(scope) {
      scope.audit({ station: actor.station, officer: actor.officer, action: 'sync.probe', object: aggregateId, result: 'success', detail: to });
      scope.emit({ type: 'sync.probe', aggregateId, recipients: [to], payload: { text }, officer: actor.officer });
      await probesTable(scope.tx.db).add({ aggregateId, from: actor.station, to: [to], officer: actor.officer, text, direction: 'sent', at: new Date().toISOString() });
      return aggregateId;
    },
  });
}

/** Marks a conflict resolved (once), with the audit entry. */
export function resolveConflict(actor: SyncActor, author: string, eventId: string): Promise<void> {
  return runCommand({
    tables: [SYNC_TABLES.conflicts],
    async work(scope) {
      const row = await conflictsTable(scope.tx.db).get([author, eventId]);
      if (!row || row.status === 'resolved') return;
      scope.audit({ station: actor.station, officer: actor.officer, action: 'sync.resolveConflict', object: `${author}:${eventId}`, result: 'success', detail: row.aggregateId });
      await conflictsTable(scope.tx.db).put({ ...row, status: 'resolved', resolvedBy: actor.officer, resolvedAt: new Date().toISOString() });
    },
  });
}

/**
 * 请求重发: asks a neighbour whose stream stopped (与 X 的同步已停止) to send again everything after this station's
 * cursor; the request travels with this station's next signed cursor. With the audit entry.
 */
export function requestResend(actor: SyncActor, peer: string): Promise<void> {
  return runCommand({
    tables: [SYNC_TABLES.peers],
    async work(scope) {
      const row = (await peersTable(scope.tx.db).get(peer)) ?? { code: peer, lastSentAt: null, lastReceivedAt: null, lastError: null, attempts: 0 };
      scope.audit({ station: actor.station, officer: actor.officer, action: 'sync.requestResend', object: peer, result: 'success', detail: row.stopped?.reason ?? '' });
      await peersTable(scope.tx.db).put({ ...row, resendRequested: true });
    },
  });
}
