import { ref, watch, type Ref } from 'vue';
import { guardedWrite } from '@renderer/platform/db';
import { draftsTable } from './tables';

/**
 * Keeps a form's content in IndexedDB as it is typed (草稿), so a crash or a flat battery loses nothing. Writes are
 * coalesced: while one is in flight only the newest content waits. `clear()` after a successful save.
 */
export function useDraft<T>(key: string, form: Ref<T>) {
  const restored = ref(false);
  const ready = ref(false);
  let pending: T | null = null;
  let writing: Promise<void> | null = null;

  const snapshot = (value: T): T => JSON.parse(JSON.stringify(value)) as T;

  async function flush(): Promise<void> {
    while (pending !== null) {
      const value = pending;
      pending = null;
      await guardedWrite(() => draftsTable().put({ key, value, savedAt: new Date().toISOString() }));
    }
    writing = null;
  }

  function schedule(value: T): void {
    pending = snapshot(value);
    writing ??= flush().catch(() => {
      writing = null;
    });
  }

  async function load(): Promise<boolean> {
    const row = await draftsTable().get(key);
    if (row) {
      form.value = row.value as T;
      restored.value = true;
    }
    ready.value = true;
    return restored.value;
  }

  async function clear(): Promise<void> {
    pending = null;
    await writing;
    await draftsTable().delete(key);
    restored.value = false;
  }

  watch(form, (value) => ready.value && schedule(value), { deep: true });

  return { restored, load, clear, settled: () => writing ?? Promise.resolve() };
}
