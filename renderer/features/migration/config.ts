import { checklistConfig, defaultChecklists, type ChecklistConfig } from '@shared/migration/categories';
import { defaultTimeLimits, migrationTimeLimits, type MigrationTimeLimits } from '@shared/migration/deadlines';
import { defineMetaKey, readMeta } from '@renderer/platform/db';

/**
 * The station's migration settings: time limits (with the holiday calendar) and the document checklists.
 * Stored in meta when a station changes them; the brief's figures otherwise.
 */
const limitsMeta = defineMetaKey('migration.timeLimits', migrationTimeLimits);
const checklistsMeta = defineMetaKey('migration.checklists', checklistConfig);

export interface MigrationConfig {
  limits: MigrationTimeLimits;
  checklists: ChecklistConfig;
}

export async function loadMigrationConfig(): Promise<MigrationConfig> {
  const [limits, checklists] = await Promise.all([readMeta(limitsMeta), readMeta(checklistsMeta)]);
  return { limits: limits ?? defaultTimeLimits, checklists: (checklists as ChecklistConfig | null) ?? defaultChecklists };
}
