import { checklistConfig, defaultChecklists, type ChecklistConfig } from '@shared/migration/categories';
import { defaultTimeLimits, migrationTimeLimits, type MigrationTimeLimits } from '@shared/migration/deadlines';
import { db } from '@renderer/platform/db';

/**
 * The station's migration settings: time limits (with the holiday calendar) and the document checklists.
 * Stored in meta when a station changes them; the brief's figures otherwise.
 */
export const CONFIG_KEYS = { limits: 'migration.timeLimits', checklists: 'migration.checklists' } as const;

export interface MigrationConfig {
  limits: MigrationTimeLimits;
  checklists: ChecklistConfig;
}

export async function loadMigrationConfig(): Promise<MigrationConfig> {
  const [limitsRow, checklistsRow] = await Promise.all([db().meta.get(CONFIG_KEYS.limits), db().meta.get(CONFIG_KEYS.checklists)]);
  const limits = migrationTimeLimits.safeParse(limitsRow?.value);
  const checklists = checklistConfig.safeParse(checklistsRow?.value);
  return {
    limits: limits.success ? limits.data : defaultTimeLimits,
    checklists: checklists.success ? (checklists.data as ChecklistConfig) : defaultChecklists,
  };
}
