import { describe, expect, it } from 'vitest';
import { chainEntry, chainStart, mergeRestoredTrail, verifyChain, verifyChainSegment, type AuditEntry } from '@shared/audit/chain';
import { auditCsv } from '@shared/audit/csv';

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

function trail(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i += 1) {
    const content = { seq: 0, at: `2026-11-23T08:00:0${i}Z`, station: '310118520000', officer: '310000:000001', action: 'person.update', object: `p${i}`, result: 'success' as const, detail: '' };
    out.push(chainEntry(content, out.at(-1) ?? null));
  }
  return out;
}

describe('audit hash chain', () => {
  it('verifies a whole chain', () => {
    expect(verifyChain(trail(6))).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  it('catches an edited entry', () => {
    const entries = trail(6);
    entries[3] = { ...nth(entries, 3), result: 'denied' };
    expect(verifyChain(entries)).toEqual({ seq: 3, reason: 'hash' });
  });

  it('catches an edited entry whose hash was recomputed (the next link breaks)', () => {
    const entries = trail(6);
    const forged = chainEntry({ ...nth(entries, 2), officer: '310000:000004' }, nth(entries, 1));
    entries[2] = forged;
    expect(verifyChain(entries)).toEqual({ seq: 3, reason: 'link' });
  });

  it('catches an inserted entry', () => {
    const entries = trail(6);
    const inserted = chainEntry({ ...nth(entries, 2), object: 'extra' }, nth(entries, 2));
    entries.splice(3, 0, inserted);
    // The entry that followed no longer follows on: its seq repeats.
    expect(verifyChain(entries)).toEqual({ seq: 3, reason: 'sequence' });
    // Renumbering the rest (as a database keyed by seq would need) breaks the link instead.
    const renumbered = entries.map((e, i) => ({ ...e, seq: i }));
    expect(verifyChain(renumbered)).toEqual({ seq: 4, reason: 'link' });
  });

  it('catches a deleted entry, the first one included', () => {
    const entries = trail(6);
    entries.splice(2, 1);
    expect(verifyChain(entries)).toEqual({ seq: 3, reason: 'sequence' });
    expect(verifyChain(trail(6).slice(1))).toEqual({ seq: 1, reason: 'sequence' });
  });

  it('catches a deleted entry even when later seqs were renumbered', () => {
    const entries = trail(6);
    entries.splice(2, 1);
    const renumbered = entries.map((e, i) => ({ ...e, seq: i }));
    expect(verifyChain(renumbered)).toEqual({ seq: 2, reason: 'link' });
  });

  it('checks in segments exactly as in one pass', () => {
    const entries = trail(10);
    const first = verifyChainSegment(entries.slice(0, 4), chainStart);
    expect(first.break).toBeNull();
    expect(verifyChainSegment(entries.slice(4), first.cursor).break).toBeNull();
    expect(verifyChainSegment(entries.slice(5), first.cursor).break).toEqual({ seq: 5, reason: 'sequence' });
  });
});

describe('audit CSV', () => {
  const headers = { seq: '序号', at: '时间', station: '站点', officer: '民警', action: '操作', object: '对象', result: '结果', detail: '说明', prevHash: '前哈希', hash: '哈希' };

  it('neutralises a formula typed into an entry (the cell rules are tested in tests/unit/shared/csv.test.ts)', () => {
    const [first] = trail(1);
    if (!first) throw new Error('no entry');
    const csv = auditCsv([{ ...first, detail: '=HYPERLINK("x")' }], headers);
    expect(csv.trimEnd().split('\r\n')[1]).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it('writes a BOM, a header row and one CRLF line per entry with its hashes', () => {
    const entries = trail(2);
    const csv = auditCsv(entries, headers);
    expect(csv.startsWith('\uFEFF序号,时间,站点,民警,操作,对象,结果,说明,前哈希,哈希\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`1,2026-11-23T08:00:01Z,310118520000,310000:000001,person.update,p1,success,,${nth(entries, 0).hash},${nth(entries, 1).hash}`);
  });
});

describe('the trail kept when a backup is restored', () => {
  /** A new PC's own first entries: a refused restore attempt, then another. */
  function otherPcTrail(): AuditEntry[] {
    const content = { seq: 0, at: '2026-12-01T09:00:00Z', station: '310118520000', officer: 'installer', action: 'station.restore', object: 'other', result: 'denied' as const, detail: 'wrong passphrase' };
    const first = chainEntry(content, null);
    return [first, chainEntry({ ...content, object: 'other2', detail: '' }, first)];
  }

  it('keeps this PC\'s trail whole when it already contains the backup\'s', () => {
    const local = trail(8);
    expect(mergeRestoredTrail(local.slice(0, 5), local)).toEqual(local);
  });

  it('takes the backup\'s trail on an empty PC', () => {
    const restored = trail(4);
    expect(mergeRestoredTrail(restored, [])).toEqual(restored);
  });

  it('carries an unrelated local trail after the backup\'s, content unchanged, so nothing is erased', () => {
    const restored = trail(3);
    const local = otherPcTrail();
    const merged = mergeRestoredTrail(restored, local);
    expect(merged).toHaveLength(5);
    expect(merged.slice(0, 3)).toEqual(restored);
    expect(nth(merged, 3)).toMatchObject({ seq: 3, object: 'other', officer: 'installer', at: '2026-12-01T09:00:00Z', result: 'denied', detail: 'carried from #0 before restore: wrong passphrase' });
    expect(nth(merged, 4)).toMatchObject({ seq: 4, object: 'other2', detail: 'carried from #1 before restore' });
    expect(verifyChain(merged)).toBeNull();
  });
});

