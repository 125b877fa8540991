import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { eventPayloads } from '@shared/sync/event-registry';
import { combineAppliers } from '@renderer/sync/appliers';
import { appAppliers } from '@renderer/app/composition';

describe('feature appliers', () => {
  it('finds every feature\'s appliers, one per event type, all for registered types', () => {
    const set = combineAppliers(appAppliers());
    expect(set.batchByType.has('sync.probe')).toBe(true);
    expect(set.byType.has('roster.updated')).toBe(true);
    for (const type of [...set.byType.keys(), ...set.batchByType.keys()]) expect(Object.keys(eventPayloads)).toContain(type);
    expect(set.tables).toContain('syncProbes');
  });

  it('refuses two appliers for one event type', () => {
    const applier = async () => undefined;
    expect(() => combineAppliers([{ tables: [], appliers: { 'sync.probe': applier } }, { tables: [], appliers: { 'sync.probe': applier } }])).toThrow(/two appliers/);
    const batch = async () => [];
    expect(() => combineAppliers([{ tables: [], appliers: {}, batchAppliers: { 'sync.probe': batch } }, { tables: [], appliers: {}, batchAppliers: { 'sync.probe': batch } }])).toThrow(/two appliers/);
  });
});
