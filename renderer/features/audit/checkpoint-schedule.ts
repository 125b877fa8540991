import type { Pinia } from 'pinia';
import { onAuditCommitted, primeAuditMacKey } from '@renderer/platform/audit';
import { db } from '@renderer/platform/db';
import { useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import { rowsOfKind } from './checkpoint-table';
import { sendAuditCheckpoint } from './checkpoints';

/** A checkpoint leaves after this many new entries, after this long with new entries, and at every sign-out. */
export const CHECKPOINT_EVERY_ENTRIES = 200;
export const CHECKPOINT_EVERY_MS = 4 * 60 * 60 * 1000;
const TIMER_MS = 10 * 60 * 1000;

const OFFICER_KEY = /^\d{6}:[0-9A-Za-z]{1,20}$/;

/**
 * Starts sending audit checkpoints from this window (main.ts, before the app mounts). Sending never blocks or fails
 * what triggered it: a station without neighbours or key sends nothing, and the next trigger tries again. Resolves
 * once the station key is known to the audit trail, so the first entries (sign-in) are authenticated too.
 */
export async function startAuditCheckpoints(pinia: Pinia): Promise<() => void> {
  const session = useSessionStore(pinia);
  const station = useStationStore(pinia);
  let last: { seq: number; at: number } | null | undefined;
  let head = -1;
  let sending = false;

  const systemOfficer = () => `${station.identity.province}:system`;
  async function send(officer: string): Promise<void> {
    if (sending) return;
    sending = true;
    try {
      const sent = await sendAuditCheckpoint(OFFICER_KEY.test(officer) ? officer : systemOfficer());
      if (sent) last = { seq: sent.seq, at: Date.parse(sent.at) };
    } catch {
      // Tried again at the next trigger (e.g. the key is not unlocked yet, or the storage is busy).
    } finally {
      sending = false;
    }
  }
  async function lastSent(): Promise<{ seq: number; at: number } | null> {
    if (last === undefined) {
      const row = (await rowsOfKind(db(), 'sent')).at(-1);
      last = row ? { seq: row.seq, at: Date.parse(row.at) } : null;
    }
    return last;
  }
  async function due(): Promise<boolean> {
    const previous = await lastSent();
    // The entry after a checkpoint is the record of sending it.
    if (head <= (previous ? previous.seq + 1 : -1)) return false;
    return !previous || head - previous.seq >= CHECKPOINT_EVERY_ENTRIES || Date.now() - previous.at >= CHECKPOINT_EVERY_MS;
  }
  const check = () => void due().then((yes) => (yes ? send(systemOfficer()) : undefined), () => undefined);

  // Entries written inside transactions without the meta table are authenticated with the key resolved here.
  await primeAuditMacKey();
  const stopCommitted = onAuditCommitted((database, seq) => {
    if (database !== db()) return;
    head = Math.max(head, seq);
    void lastSent().then((previous) => {
      if (seq - (previous?.seq ?? -1) >= CHECKPOINT_EVERY_ENTRIES) void send(systemOfficer());
    }, () => undefined);
  });
  const stopSignOut = session.$onAction(({ name, after }) => {
    if (name !== 'signOut') return;
    const officer = session.actor;
    after(() => void send(officer));
  });
  const timer = setInterval(check, TIMER_MS);
  return () => {
    stopCommitted();
    stopSignOut();
    clearInterval(timer);
  };
}
