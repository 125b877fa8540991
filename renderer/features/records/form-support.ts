import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { confirmDiscard, FORM_FIELD, useDirty, useErrors, type ErrorVocabulary, type FieldErrors } from '@renderer/platform/ui';
import { liveErrors, saveOnlyErrors, type Checkable } from './live-errors';

/** The records' words for errors: its own rule texts (`records.errors.*`), then the forms module's. */
export const recordsVocabulary: ErrorVocabulary = { rules: 'records.errors', fallback: 'records.errors.saveFailed' };

/** The error helpers in the records' words. */
export const useRecordsErrors = () => useErrors(recordsVocabulary);

/**
 * Focuses the first field of a dialog once it has opened, unless the officer is already typing in another one
 * (a fast typist can beat the opening animation). Pass the element that wraps the form.
 */
export function focusFirstField(root: HTMLElement | null): void {
  if (root && !root.contains(document.activeElement)) root.querySelector<HTMLInputElement>('input')?.focus();
}

/**
 * Form state every records form shares: errors shown beside fields (in the current language), a dirty flag
 * against the initial values, the Esc/close guard against losing edits, and Enter-to-save. Given the form's
 * schema, errors refresh as the officer edits, for fields touched (see live-errors.ts): mark a field touched with
 * `touch`, or put `data-field` on its form item and `@focusout="form.touchFrom"` on the form.
 */
export function useRecordsForm<T extends object>(model: Ref<T>, schema?: Checkable) {
  const { t } = useI18n();
  const words = useRecordsErrors();
  const errors = ref<FieldErrors>({});
  /** A failure that belongs to no field (permission, storage): shown above the buttons. */
  const failure = ref<{ error: unknown } | null>(null);
  const saving = ref(false);
  const { dirty, reset: snapshot } = useDirty(model);
  const touched = ref(new Set<string>());
  const submitted = ref(false);
  const saveOnly = ref<{ errors: FieldErrors; values: Record<string, string> }>({ errors: {}, values: {} });

  function refresh(): void {
    if (!schema) return;
    const state = { touched: touched.value, submitted: submitted.value, saveOnly: saveOnly.value.errors, saveOnlyValues: saveOnly.value.values };
    errors.value = liveErrors(schema, model.value as Record<string, unknown>, state);
  }

  watch(model, refresh, { deep: true });

  function touch(field: string): void {
    if (touched.value.has(field)) return;
    touched.value = new Set([...touched.value, field]);
    refresh();
  }

  /** For the form's focusout: the field the focus left (its form item carries `data-field`). */
  function touchFrom(event: FocusEvent): void {
    const item = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-field]');
    const field = item?.dataset['field'];
    if (field) touch(field);
  }

  const err = (field: string): string => {
    if (errors.value[field]) return words.field(errors.value[field]);
    return field === FORM_FIELD && failure.value ? words.describe(failure.value.error) : '';
  };

  function reset(): void {
    errors.value = {};
    failure.value = null;
    touched.value = new Set();
    submitted.value = false;
    saveOnly.value = { errors: {}, values: {} };
    snapshot();
  }

  /** Runs the save; on failure keeps the input and shows the errors. Resolves true when saved. */
  async function submit(save: () => Promise<unknown>): Promise<boolean> {
    if (saving.value) return false;
    saving.value = true;
    errors.value = {};
    failure.value = null;
    try {
      await save();
      snapshot();
      return true;
    } catch (error) {
      const fields = words.fields(error);
      if (fields) errors.value = fields;
      else failure.value = { error };
      if (schema) {
        submitted.value = true;
        saveOnly.value = saveOnlyErrors(schema, model.value as Record<string, unknown>, fields ?? {});
      }
      return false;
    } finally {
      saving.value = false;
    }
  }

  /** For el-dialog's before-close: asks before throwing away typed input. */
  async function guardClose(done: () => void): Promise<void> {
    if (!dirty.value) return done();
    if (await confirmDiscard(t)) done();
  }

  /** Enter saves, except inside a textarea, a select (Enter picks an option) or while an IME is composing. */
  function onEnter(event: KeyboardEvent, save: () => unknown): void {
    const target = event.target as HTMLElement | null;
    if (event.isComposing || !target || target.tagName === 'TEXTAREA' || target.closest('.el-select, .el-autocomplete')) return;
    event.preventDefault();
    void save();
  }

  return { errors, err, dirty, saving, reset, submit, guardClose, onEnter, touch, touchFrom };
}
