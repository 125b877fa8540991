import { defineStore } from 'pinia';
import { officerKey } from '@shared/domain/officer';
import { BUNDLE_EXTENSION } from '@shared/sync/bundle';
import { db, guardedWrite } from '@renderer/platform/db';
import { callHost } from '@renderer/platform/host';
import { appendAudit } from '@renderer/platform/audit';
import { useSessionStore } from '@renderer/platform/session';
import { useStationStore } from '@renderer/platform/station';
import { exportBundle, importBundle, type ImportSummary } from '@renderer/sync';
import { installDemoStation } from '@renderer/sync';
import { useRosterStore } from '@renderer/sync';
import { inboxContext, setExchangeUrl, startSync, syncNow } from '@renderer/sync';
import * as commands from './commands';

const bundleFilters = (name: string) => [{ name, extensions: [BUNDLE_EXTENSION] }];

/** The 同步 page's actions: each checks the officer's permission where the data changes and is audited. */
export const useSyncStore = defineStore('sync', () => {
  const session = useSessionStore();
  const station = useStationStore();
  const roster = useRosterStore();

  const audit = (action: string, object: string, detail = '') =>
    appendAudit({ station: station.identity.code, officer: session.actor, action, object, result: 'success', detail });

  async function saveExchangeUrl(url: string | null): Promise<void> {
    await session.assertCan('sync.configure', 'exchange');
    await guardedWrite(() => setExchangeUrl(url));
    await audit('sync.configure', 'exchange', url ?? '');
  }

  async function runSyncNow(): Promise<void> {
    await session.assertCan('sync.now');
    await syncNow();
  }

  /** 联调消息: the probe, its event and the audit entry as one command. */
  async function sendProbe(to: string, text: string): Promise<string> {
    const officer = await session.assertCan('sync.now', to);
    return commands.sendProbe({ station: station.identity.code, officer: officerKey(officer.ref) }, to, text);
  }

  async function exportToFile(peer: string | null): Promise<{ batches: number; events: number; leftOut: number } | null> {
    await session.assertCan('sync.bundle', peer ?? 'all');
    const bundle = await exportBundle(db(), peer ? [peer] : undefined);
    if (bundle.batches === 0) return { batches: 0, events: 0, leftOut: bundle.leftOut };
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
    const outcome = await callHost('file.saveAs', {
      suggestedName: `sync-${station.identity.code}-${peer ?? 'all'}-${stamp}.${BUNDLE_EXTENSION}`,
      filters: bundleFilters('YRD sync bundle'),
      content: bundle.bytes,
    });
    if (outcome.outcome === 'cancelled') return null;
    await audit('sync.bundle.export', peer ?? 'all', `${bundle.batches} batches, ${bundle.events} events`);
    return { batches: bundle.batches, events: bundle.events, leftOut: bundle.leftOut };
  }

  async function importFromFile(onProgress?: (done: number, total: number) => void): Promise<ImportSummary | null> {
    await session.assertCan('sync.bundle', 'import');
    const opened = await callHost('file.open', { filters: bundleFilters('YRD sync bundle') });
    if (opened.outcome === 'cancelled') return null;
    const summary = await importBundle(inboxContext(), opened.content, onProgress);
    await audit('sync.bundle.import', summary.from, `${opened.name}: applied ${summary.applied}, duplicates ${summary.duplicates}, quarantined ${summary.quarantined}`);
    return summary;
  }

  async function resolveConflict(author: string, eventId: string): Promise<void> {
    const officer = await session.assertCan('sync.resolveConflict', eventId);
    await commands.resolveConflict({ station: station.identity.code, officer: officerKey(officer.ref) }, author, eventId);
  }

  /** 请求重发 (station admin): the neighbour sends again what this station has not applied; the engine carries it at once. */
  async function requestResend(peer: string): Promise<void> {
    const officer = await session.assertCan('sync.configure', peer);
    await commands.requestResend({ station: station.identity.code, officer: officerKey(officer.ref) }, peer);
    await syncNow();
  }

  /** DEMO ONLY: become another station of the demo network (first run, before any officer exists). */
  async function becomeDemoStation(code: string): Promise<void> {
    await guardedWrite(() => installDemoStation(code));
    await station.load();
    await roster.load();
    await startSync();
  }

  return { saveExchangeUrl, runSyncNow, sendProbe, exportToFile, importFromFile, resolveConflict, requestResend, becomeDemoStation };
});
