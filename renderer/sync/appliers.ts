import type { EventType } from '@shared/sync/event-registry';
import type { EventApplier, FeatureAppliers } from './contract';

/** All features' appliers merged: the tables the inbox transaction needs and one applier per event type. */
export interface ApplierSet {
  tables: string[];
  byType: Map<EventType, EventApplier>;
}

export function combineAppliers(features: FeatureAppliers[]): ApplierSet {
  const byType = new Map<EventType, EventApplier>();
  const tables = new Set<string>();
  for (const feature of features) {
    feature.tables.forEach((t) => tables.add(t));
    for (const [type, applier] of Object.entries(feature.appliers) as [EventType, EventApplier | undefined][]) {
      if (!applier) continue;
      if (byType.has(type)) throw new Error(`two appliers for event type ${type}`);
      byType.set(type, applier);
    }
  }
  return { tables: [...tables], byType };
}

/** Every `renderer/features/<feature>/sync-appliers.ts`, found at build time. */
export function discoveredAppliers(): ApplierSet {
  const modules = import.meta.glob<{ appliers: FeatureAppliers }>('../features/*/sync-appliers.ts', { eager: true });
  return combineAppliers(Object.values(modules).map((m) => m.appliers));
}
