import type { Page } from '@playwright/test';
import type { StationReport } from '../../support/sync-station-protocol';
import { openedRows } from './sealed-rows';

interface ProbeRow {
  aggregateId: string;
  text: string;
  to: string[];
  direction: 'sent' | 'received';
}

/** The probes a Chromium station holds, opened from its IndexedDB (sealed at rest). */
export function chromiumProbes(page: Page): Promise<ProbeRow[]> {
  return openedRows<ProbeRow>(page, 'syncProbes', 'aggregateId');
}

/**
 * What a Chromium station holds of sync, in the shape the Node stations report (tests/support/sync-station-protocol.ts),
 * read from the page's IndexedDB: cursors and stream heads are clear bookkeeping; of sealed tables only keys and counts.
 */
export async function chromiumReport(page: Page, code: string): Promise<StationReport> {
  const received = (await chromiumProbes(page)).filter((p) => p.direction === 'received').map((p) => p.aggregateId);
  const stored = await page.evaluate(async () => {
    const request = <R>(r: IDBRequest<R>) =>
      new Promise<R>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const idb = await request(indexedDB.open('yrd-station'));
    try {
      const names = ['syncCursors', 'syncHeads', 'syncLog', 'syncOutbox', 'syncPending', 'syncQuarantine', 'syncRefused', 'syncConflictsByAuthor'];
      const tx = idb.transaction(names);
      const all = (name: string) => request(tx.objectStore(name).getAll()) as Promise<Record<string, unknown>[]>;
      const count = (name: string) => request(tx.objectStore(name).count());
      const logKeys = (await request(tx.objectStore('syncLog').getAllKeys())) as [string, string][];
      const outbox = await all('syncOutbox');
      return {
        cursors: await all('syncCursors'),
        heads: await all('syncHeads'),
        logAuthors: logKeys.map(([author]) => author),
        outbox: outbox.length,
        unsent: outbox.filter((row) => !row['sentAt']).length,
        pending: await count('syncPending'),
        quarantine: await count('syncQuarantine'),
        refused: await count('syncRefused'),
        conflicts: await count('syncConflictsByAuthor'),
      };
    } finally {
      idb.close();
    }
  });
  const logCount: Record<string, number> = {};
  for (const author of stored.logAuthors) logCount[author] = (logCount[author] ?? 0) + 1;
  return {
    code,
    received,
    cursors: stored.cursors.map((c) => ({ author: String(c['author']), seq: Number(c['seq']), hash: String(c['hash']) })),
    heads: stored.heads.map((h) => ({ peer: String(h['peer']), seq: Number(h['seq']), hash: String(h['hash']), acked: Number(h['acked']) })),
    logCount,
    outbox: stored.outbox,
    unsent: stored.unsent,
    pending: stored.pending,
    quarantine: stored.quarantine,
    refused: stored.refused,
    conflicts: stored.conflicts,
  };
}

/**
 * Where a set of stations disagrees with what was addressed to each (`expected`: recipient → aggregate ids), as
 * lines to read in a failure; empty when every station holds exactly what was addressed to it, each author's
 * stream to it applied once and unforked (its cursor is the author's head for that pair, hash included, and the
 * log holds exactly that many of the author's events), and nothing waits, was refused or quarantined.
 */
export function differences(reports: StationReport[], expected: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const r of reports) {
    const want = [...(expected.get(r.code) ?? [])].sort();
    const got = [...r.received].sort();
    const missing = want.filter((id) => !got.includes(id));
    const extra = got.filter((id) => !want.includes(id));
    if (missing.length) out.push(`${r.code} misses ${missing.length} (${missing.slice(0, 3).join(', ')}…)`);
    if (extra.length) out.push(`${r.code} holds ${extra.length} not addressed to it`);
    if (got.length !== new Set(got).size) out.push(`${r.code} holds a probe twice`);
    for (const field of ['outbox', 'pending', 'quarantine', 'refused', 'conflicts'] as const) if (r[field] !== 0) out.push(`${r.code} ${field} ${r[field]}`);
    for (const author of reports) {
      if (author.code === r.code) continue;
      const head = author.heads.find((h) => h.peer === r.code);
      const cursor = r.cursors.find((c) => c.author === author.code);
      const [sent, applied] = [head?.seq ?? 0, cursor?.seq ?? 0];
      if (sent !== applied) out.push(`${author.code}→${r.code}: written ${sent}, applied ${applied}`);
      else if (sent > 0 && head?.hash !== cursor?.hash) out.push(`${author.code}→${r.code}: forked at ${sent}`);
      if ((head?.acked ?? 0) !== sent) out.push(`${author.code}→${r.code}: confirmed ${head?.acked ?? 0} of ${sent}`);
      if ((r.logCount[author.code] ?? 0) !== applied) out.push(`${r.code} logs ${r.logCount[author.code] ?? 0} events of ${author.code}, cursor ${applied}`);
    }
  }
  return out;
}
