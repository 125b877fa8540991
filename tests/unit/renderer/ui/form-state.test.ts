import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { clonePlain, useDirty, useDraft, type DraftStore, type StoredDraft } from '@renderer/platform/ui';

interface Form {
  name: string;
  tags: string[];
  place: { city: string; street?: string };
}
const blank = (): Form => ({ name: '', tags: [], place: { city: '上海' } });

describe('useDirty: a deep compare against a snapshot', () => {
  it('is clean until something changes, at any depth, and clean again when the change is undone', async () => {
    const model = ref(blank());
    const { dirty } = useDirty(model);
    expect(dirty.value).toBe(false);
    model.value.place.city = '嘉兴';
    expect(dirty.value).toBe(true);
    model.value.place.city = '上海';
    expect(dirty.value).toBe(false);
    model.value.tags.push('夜班');
    expect(dirty.value).toBe(true);
    model.value.tags.pop();
    // Same content in another key order, or with an explicit undefined, is no change.
    model.value = { place: { street: undefined, city: '上海' }, tags: [], name: '' };
    await nextTick();
    expect(dirty.value).toBe(false);
  });

  it('takes a new snapshot on reset (after a save), and may compare with a given baseline', () => {
    const model = ref(blank());
    const { dirty, reset } = useDirty(model);
    model.value.name = '汪雨天';
    expect(dirty.value).toBe(true);
    reset();
    expect(dirty.value).toBe(false);
    // The snapshot is a copy: editing the model does not edit the snapshot.
    model.value.tags.push('a');
    expect(dirty.value).toBe(true);

    const filled = ref({ ...blank(), name: '已录入' });
    expect(useDirty(filled, blank()).dirty.value).toBe(true);
  });

  it('compares dates by time and copies them', () => {
    const at = ref({ when: new Date('2026-05-01T08:00:00Z') });
    const { dirty } = useDirty(at);
    at.value.when = new Date('2026-05-01T08:00:00Z');
    expect(dirty.value).toBe(false);
    at.value.when = new Date('2026-05-01T09:00:00Z');
    expect(dirty.value).toBe(true);
    const copy = clonePlain(at.value);
    expect(copy.when).not.toBe(at.value.when);
    expect(copy.when.getTime()).toBe(at.value.when.getTime());
  });
});

/** A draft store in memory that records every call. */
function memoryStore(initial?: StoredDraft<Form>) {
  let row = initial;
  const calls: string[] = [];
  const store: DraftStore<Form> = {
    read: () => Promise.resolve(row),
    write: (value) => {
      calls.push(`write ${value.name}`);
      row = { value, savedAt: '2026-05-01T08:00:00.000Z' };
      return Promise.resolve();
    },
    remove: () => {
      calls.push('remove');
      row = undefined;
      return Promise.resolve();
    },
  };
  return { store, calls, stored: () => row };
}

describe('useDraft: drafts saved as typed, restored, discarded', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('saves once after the officer pauses typing (debounced), not on every keystroke', async () => {
    const memory = memoryStore();
    const model = ref(blank());
    const scope = effectScope();
    const draft = scope.run(() => useDraft(model, memory.store, { delayMs: 300 }));
    if (!draft) throw new Error('no draft');
    expect(await draft.load()).toBe(false);
    for (const name of ['汪', '汪雨', '汪雨天']) {
      model.value.name = name;
      await nextTick();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(memory.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(memory.calls).toEqual(['write 汪雨天']);
    expect(memory.stored()?.value.name).toBe('汪雨天');
    expect(draft.savedAt.value).not.toBeNull();
    // The stored value is a copy, not the live form.
    model.value.name = '改了';
    expect(memory.stored()?.value.name).toBe('汪雨天');
    scope.stop();
  });

  it('writes what still waits for the debounce when the screen goes away', async () => {
    const memory = memoryStore();
    const model = ref(blank());
    const scope = effectScope();
    const draft = scope.run(() => useDraft(model, memory.store, { delayMs: 300 }));
    await draft?.load();
    model.value.name = '半句';
    await nextTick();
    scope.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(memory.calls).toEqual(['write 半句']);
  });

  it('restores an earlier draft into the form without saving it again; keep hides the notice', async () => {
    const memory = memoryStore({ value: { ...blank(), name: '上次的' }, savedAt: '2026-04-30T10:00:00.000Z' });
    const model = ref(blank());
    const draft = effectScope().run(() => useDraft(model, memory.store, { delayMs: 300 }));
    if (!draft) throw new Error('no draft');
    expect(await draft.load()).toBe(true);
    expect(model.value.name).toBe('上次的');
    expect(draft.restored.value).toBe(true);
    expect(draft.savedAt.value).toBe('2026-04-30T10:00:00.000Z');
    await vi.advanceTimersByTimeAsync(1000);
    expect(memory.calls).toEqual([]);
    draft.keep();
    expect(draft.restored.value).toBe(false);
    expect(memory.stored()?.value.name).toBe('上次的');
  });

  it('discarding a restored draft puts the form back and removes the draft', async () => {
    const memory = memoryStore({ value: { ...blank(), name: '上次的' }, savedAt: '2026-04-30T10:00:00.000Z' });
    const model = ref({ ...blank(), name: '记录里的' });
    const draft = effectScope().run(() => useDraft(model, memory.store, { delayMs: 300 }));
    await draft?.load();
    await draft?.discardRestored();
    expect(model.value.name).toBe('记录里的');
    expect(draft?.restored.value).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(memory.calls).toEqual(['remove']);
    expect(memory.stored()).toBeUndefined();
  });

  it('discard after saving drops a pending write; content back at its baseline removes the draft', async () => {
    const memory = memoryStore();
    const model = ref(blank());
    const scope = effectScope();
    const draft = scope.run(() => {
      const { dirty } = useDirty(model);
      return useDraft(model, memory.store, { delayMs: 300, dirty });
    });
    if (!draft) throw new Error('no draft');
    await draft.load();
    model.value.name = '临时';
    await nextTick();
    await draft.flush();
    expect(memory.calls).toEqual(['write 临时']);
    model.value.name = '';
    await nextTick();
    await vi.advanceTimersByTimeAsync(300);
    expect(memory.calls).toEqual(['write 临时', 'remove']);

    model.value.name = '保存前';
    await nextTick();
    await draft.discard();
    await vi.advanceTimersByTimeAsync(1000);
    expect(memory.calls).toEqual(['write 临时', 'remove', 'remove']);
    expect(draft.savedAt.value).toBeNull();
    scope.stop();
  });

  it('reports a failed write and tries again on the next edit', async () => {
    const failures: unknown[] = [];
    let fail = true;
    const written: string[] = [];
    const store: DraftStore<Form> = {
      read: () => Promise.resolve(undefined),
      write: (value) => (fail ? Promise.reject(new Error('quota')) : Promise.resolve(void written.push(value.name))),
      remove: () => Promise.resolve(),
    };
    const model = ref(blank());
    const draft = effectScope().run(() => useDraft(model, store, { onError: (e) => failures.push(e) }));
    await draft?.load();
    model.value.name = '一';
    await nextTick();
    await draft?.settled();
    expect(failures).toHaveLength(1);
    fail = false;
    model.value.name = '二';
    await nextTick();
    await draft?.settled();
    expect(written).toEqual(['二']);
    expect(draft?.saving.value).toBe(false);
  });
});
