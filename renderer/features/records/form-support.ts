import { computed, ref, type Ref } from 'vue';
import { ZodError } from 'zod';
import { ElMessageBox } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { PermissionDeniedError } from '@renderer/platform/session';
import { RecordsRuleError } from './errors';

/** Field → error key (first problem per field), from a zod error or a records rule. */
export function fieldErrors(error: unknown): Record<string, string> | null {
  if (error instanceof ZodError) {
    const out: Record<string, string> = {};
    for (const issue of error.issues) out[String(issue.path[0] ?? '_form')] ??= issue.message;
    return out;
  }
  if (error instanceof RecordsRuleError) return { [error.field ?? '_form']: error.key };
  if (error instanceof PermissionDeniedError) return { _form: 'permission' };
  return null;
}

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
  const errors = ref<Record<string, string>>({});
  const initial = ref(JSON.stringify(model.value));
  const saving = ref(false);
  const dirty = computed(() => JSON.stringify(model.value) !== initial.value);

  const err = (field: string): string => {
    const key = errors.value[field];
    return key ? t(`records.errors.${key}`) : '';
  };

  function reset(): void {
    errors.value = {};
    initial.value = JSON.stringify(model.value);
  }

  /** Runs the save; on failure keeps the input and shows the errors. Resolves true when saved. */
  async function submit(save: () => Promise<unknown>): Promise<boolean> {
    if (saving.value) return false;
    saving.value = true;
    errors.value = {};
    try {
      await save();
      initial.value = JSON.stringify(model.value);
      return true;
    } catch (error) {
      errors.value = fieldErrors(error) ?? { _form: 'saveFailed' };
      return false;
    } finally {
      saving.value = false;
    }
  }

  /** For el-dialog's before-close: asks before throwing away typed input. */
  async function guardClose(done: () => void): Promise<void> {
    if (!dirty.value) return done();
    try {
      await ElMessageBox.confirm(t('records.guard.message'), t('records.guard.title'), {
        confirmButtonText: t('records.guard.discard'),
        cancelButtonText: t('records.guard.keep'),
        type: 'warning',
      });
      done();
    } catch {
      // Kept editing.
    }
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
