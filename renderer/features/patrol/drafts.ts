import type { Ref } from 'vue';
import { guardedWrite } from '@renderer/platform/db';
import { useDraft, type DraftOptions, type DraftStore } from '@renderer/platform/ui';
import { draftsTable } from './tables';

/** A patrol form's draft, kept under `key` in the patrol's own drafts table (they never travel). */
export function patrolDraftStore<T>(key: string): DraftStore<T> {
  return {
    read: async () => {
      const row = await draftsTable().get(key);
      return row ? { value: row.value as T, savedAt: row.savedAt } : undefined;
    },
    write: (value) => guardedWrite(() => draftsTable().put({ key, value, savedAt: new Date().toISOString() })).then(() => undefined),
    remove: () => draftsTable().delete(key),
  };
}

/**
 * Keeps a patrol form's content in IndexedDB as it is typed (草稿), so a crash or a flat battery loses nothing;
 * written at once (only the newest content waits while a write runs). `discard()` after a successful save.
 */
export function usePatrolDraft<T>(key: string, form: Ref<T>, options: DraftOptions = {}) {
  return useDraft(form, patrolDraftStore<T>(key), options);
}
