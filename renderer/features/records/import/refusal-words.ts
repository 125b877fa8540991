import { useI18n } from 'vue-i18n';
import type { RefusedRow } from '@shared/domain/resident/import/job';
import type { RowIssue } from '@shared/domain/resident/import/import-row';
import { useRecordsErrors } from '../form-support';

/**
 * A refused row's problems in the UI language: the column's label (the import's own, else the register form's)
 * and the rule's text (the import's own, else the form's, so a row says what the form would say beside the field).
 */
export function useRefusalWords() {
  const { t, te } = useI18n();
  const words = useRecordsErrors();
  const field = (name: string): string => {
    const own = `records.import.fields.${name}`;
    const form = `records.person.${name}`;
    return te(own) ? t(own) : te(form) ? t(form) : name;
  };
  const reason = (issue: RowIssue): string => {
    const own = `records.import.rules.${issue.rule}`;
    return te(own) ? t(own) : words.field({ rule: issue.rule, params: issue.params });
  };
  const problems = (row: RefusedRow): string => row.issues.map((i) => t('common.labelled', { label: field(i.field), value: reason(i) })).join(' / ');
  return { field, reason, problems };
}
