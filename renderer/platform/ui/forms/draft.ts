import { nextTick, onScopeDispose, ref, watch, type Ref } from 'vue';
import { clonePlain } from './plain';

/** A draft as stored: the form's content and when it was written. */
export interface StoredDraft<T> {
  value: T;
  savedAt: string;
}

/** Where a feature keeps its drafts (its own Dexie table); the draft logic lives here once. */
export interface DraftStore<T> {
  read(): Promise<StoredDraft<T> | undefined>;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
}

export interface DraftOptions {
  /** Waits this long after the last edit before writing (0: write at once; while a write runs, only the newest waits). */
  delayMs?: number;
  /** When given, content back at its baseline (not dirty) removes the draft instead of saving it. */
  dirty?: Readonly<Ref<boolean>>;
  /** A failed write (the form keeps its content; the next edit tries again). */
  onError?: (error: unknown) => void;
}

/**
 * Keeps a form's content as it is typed (草稿), so a crash or a flat battery loses nothing: `load()` once the form
 * is filled (true when an earlier draft was put back: `restored` shows the notice until `keep()` or
 * `discardRestored()`), then every edit is saved; `discard()` after a successful save or on purpose.
 */
export function useDraft<T>(model: Ref<T>, store: DraftStore<T>, options: DraftOptions = {}) {
  const restored = ref(false);
  const ready = ref(false);
  const saving = ref(false);
  const savedAt = ref<string | null>(null);
  let beforeRestore: { value: T } | null = null;
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> | null = null;

  async function writeOne(): Promise<void> {
    try {
      if (options.dirty && !options.dirty.value) {
        await store.remove();
        savedAt.value = null;
      } else {
        await store.write(clonePlain(model.value));
        savedAt.value = new Date().toISOString();
      }
    } catch (error) {
      options.onError?.(error);
    }
  }

  async function drain(): Promise<void> {
    saving.value = true;
    while (pending) {
      pending = false;
      await writeOne();
    }
    saving.value = false;
    writing = null;
  }

  function start(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    writing ??= drain();
    return writing;
  }

  function schedule(): void {
    pending = true;
    if (!options.delayMs) void start();
    else {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void start(), options.delayMs);
    }
  }

  /** Changes the model without saving the change (watchers run before the next tick resolves). */
  async function quietly(change: () => void): Promise<void> {
    const was = ready.value;
    ready.value = false;
    change();
    await nextTick();
    ready.value = was;
  }

  async function load(): Promise<boolean> {
    const row = await store.read();
    await quietly(() => {
      if (!row) return;
      beforeRestore = { value: clonePlain(model.value) };
      model.value = row.value;
      restored.value = true;
      savedAt.value = row.savedAt;
    });
    ready.value = true;
    return restored.value;
  }

  /** Writes what is waiting now (before submitting, or to be sure it is stored). */
  async function flush(): Promise<void> {
    if (pending || timer) await start();
    else await writing;
  }

  /** Writes the current content now, even unchanged (a form that needs its draft to exist before submitting). */
  async function save(): Promise<void> {
    pending = true;
    await start();
  }

  async function discard(): Promise<void> {
    pending = false;
    if (timer) clearTimeout(timer);
    timer = null;
    await writing;
    await store.remove();
    restored.value = false;
    savedAt.value = null;
    beforeRestore = null;
  }

  /** The restored draft is what the officer wants: hide the notice. */
  function keep(): void {
    restored.value = false;
    beforeRestore = null;
  }

  /** The restored draft is not wanted: the form goes back to what it held before, and the draft is removed. */
  async function discardRestored(): Promise<void> {
    const before = beforeRestore;
    if (before) await quietly(() => (model.value = before.value));
    await discard();
  }

  watch(model, () => ready.value && schedule(), { deep: true });
  // Leaving the screen must not lose the last keystrokes still waiting for the debounce.
  onScopeDispose(() => {
    if (timer) void start();
  });

  return { restored, ready, saving, savedAt, load, flush, save, discard, keep, discardRestored, settled: flush };
}

export type Draft = ReturnType<typeof useDraft>;
