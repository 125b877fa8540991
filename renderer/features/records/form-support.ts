import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { confirmDiscard, FORM_FIELD, useDirty, useErrors, type ErrorVocabulary, type FieldErrors } from '@renderer/platform/ui';

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
 * against the initial values, the Esc/close guard against losing edits, and Enter-to-save.
 */
export function useRecordsForm<T extends object>(model: Ref<T>) {
  const { t } = useI18n();
  const words = useRecordsErrors();
  const errors = ref<FieldErrors>({});
  /** A failure that belongs to no field (permission, storage): shown above the buttons. */
  const failure = ref<{ error: unknown } | null>(null);
  const saving = ref(false);
  const { dirty, reset: snapshot } = useDirty(model);

  const err = (field: string): string => {
    if (errors.value[field]) return words.field(errors.value[field]);
    return field === FORM_FIELD && failure.value ? words.describe(failure.value.error) : '';
  };

  function reset(): void {
    errors.value = {};
    failure.value = null;
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

  return { errors, err, dirty, saving, reset, submit, guardClose, onEnter };
}
