import type { ErrorTranslator, ErrorVocabulary } from '@renderer/platform/ui';
import { MigrationRuleError } from './case-ops';
import { describeRefusal } from './refusals';

/** The workflow's refusals as words (registered by the composition root). */
export const migrationErrors: ErrorTranslator = (error) =>
  error instanceof MigrationRuleError ? { words: (t) => describeRefusal(error.refusal, t) } : undefined;

/** Fields whose label key is not their own name (`destination.relationshipToHouseholder` → 与户主关系). */
const labelOf: Record<string, string> = { relationshipToHouseholder: 'relationship', householdId: 'household', householdNo: 'householdNo' };

/**
 * The migration forms' words: rule texts under `migration.errors`, labels under `migration.fields` by the last
 * named step of the path (`applicant.name`, `coMovers.1.idNumber`).
 */
export const migrationVocabulary: ErrorVocabulary = {
  rules: 'migration.errors',
  label: (path) => {
    const last = path.split('.').filter((step) => !/^\d+$/.test(step)).pop();
    return last ? `migration.fields.${labelOf[last] ?? last}` : undefined;
  },
};
