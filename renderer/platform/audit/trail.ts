import Dexie from 'dexie';
import { anchorBreak, anchorReached, chainStart, verifyChainSegment, type AuditEntry, type ChainBreak } from '@shared/audit/chain';
import { macStart, verifyMacs } from '@shared/audit/entry-mac';
import { db } from '@renderer/platform/db';
import { readAnchor } from './anchor';
import { auditMacKeyOf, auditTable } from './audit-log';

export interface AuditFilter {
  /** ISO instants, inclusive; empty for open-ended. */
  from?: string;
  to?: string;
  /** Part of `province:警号` (or `system`, `anonymous`). */
  officer?: string;
  /** Exact action, or a prefix ending in `.` (e.g. `session.`). */
  action?: string;
  result?: AuditEntry['result'];
}

function matches(filter: AuditFilter): (e: AuditEntry) => boolean {
  const officer = filter.officer?.trim() ?? '';
  const action = filter.action ?? '';
  return (e) =>
    (!officer || e.officer.includes(officer)) &&
    (!action || (action.endsWith('.') ? e.action.startsWith(action) : e.action === action)) &&
    (!filter.result || e.result === filter.result);
}

/** Newest first, using the `at` index for the time range and filtering the rest. */
function filtered(filter: AuditFilter) {
  const range = auditTable()
    .where('at')
    .between(filter.from || Dexie.minKey, filter.to || Dexie.maxKey, true, true);
  return range.reverse().filter(matches(filter));
}

export async function queryAudit(filter: AuditFilter, page: number, pageSize: number): Promise<{ rows: AuditEntry[]; total: number }> {
  const total = await filtered(filter).count();
  const rows = await filtered(filter)
    .offset((page - 1) * pageSize)
    .limit(pageSize)
    .toArray();
  return { rows, total };
}

/** Every entry matching the filter, oldest first (for the export). */
export async function auditEntriesFor(filter: AuditFilter): Promise<AuditEntry[]> {
  return (await filtered(filter).toArray()).reverse();
}

export async function distinctActions(): Promise<string[]> {
  return (await auditTable().orderBy('action').uniqueKeys()).map(String);
}

export interface VerifyResult {
  count: number;
  break: ChainBreak | null;
  /** Entries whose MAC this PC cannot check (written before MACs, or under the station's earlier key). */
  unauthenticated: number;
}

/**
 * Walks the whole trail in pages by seq (a long trail never sits in memory at once), reporting progress, checking
 * each entry's MAC under the station key, then checks that it reaches the anchor recorded outside the database
 * (so entries cut off the end are found too).
 */
export async function verifyAuditTrail(onProgress: (checked: number, total: number) => void = () => undefined, pageSize = 2000): Promise<VerifyResult> {
  const anchor = readAnchor(db().name);
  const [total, key] = await Promise.all([auditTable().count(), auditMacKeyOf(db())]);
  let cursor = chainStart;
  let macs = macStart;
  let checked = 0;
  let lastSeq = -1;
  for (;;) {
    const page = await auditTable().where('seq').above(lastSeq).limit(pageSize).toArray();
    if (page.length === 0) break;
    const step = verifyChainSegment(page, cursor);
    const macStep = verifyMacs(page, key, macs);
    const macBreak = macStep.failedAt === null ? null : { seq: macStep.failedAt, reason: 'mac' as const };
    const found = earliest(step.break, macBreak) ?? anchorBreak(page, anchor);
    if (found) return { count: total, break: found, unauthenticated: macStep.cursor.unchecked };
    cursor = step.cursor;
    macs = macStep.cursor;
    checked += page.length;
    lastSeq = page[page.length - 1]?.seq ?? lastSeq;
    onProgress(checked, total);
  }
  const cut = anchorReached(cursor, anchor);
  return cut ? { count: total, break: cut, unauthenticated: macs.unchecked } : { count: checked, break: null, unauthenticated: macs.unchecked };
}

const earliest = (a: ChainBreak | null, b: ChainBreak | null): ChainBreak | null => (a && b ? (b.seq < a.seq ? b : a) : (a ?? b));
