import type { EventType } from '@shared/sync/event-registry';
import type { EventApplier, EventBatchApplier, FeatureAppliers } from './contract';

/** All features' appliers merged: the tables the inbox transaction needs and one applier per event type. */
export interface ApplierSet {
  tables: string[];
  byType: Map<EventType, EventApplier>;
  batchByType: Map<EventType, EventBatchApplier>;
}

export function combineAppliers(features: FeatureAppliers[]): ApplierSet {
  const byType = new Map<EventType, EventApplier>();
  const batchByType = new Map<EventType, EventBatchApplier>();
  const tables = new Set<string>();
  for (const feature of features) {
    feature.tables.forEach((t) => tables.add(t));
    register(byType, feature.appliers);
    register(batchByType, feature.batchAppliers ?? {});
  }
  return { tables: [...tables], byType, batchByType };
}

function register<F>(into: Map<EventType, F>, from: Partial<Record<EventType, F>>): void {
  for (const [type, applier] of Object.entries(from) as [EventType, F | undefined][]) {
    if (!applier) continue;
    if (into.has(type)) throw new Error(`two appliers for event type ${type}`);
    into.set(type, applier);
  }
}
