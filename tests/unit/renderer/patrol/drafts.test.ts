import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { DATABASE_NAME } from '@renderer/platform/db/database';
import { closeDatabase } from '@renderer/platform/db/connection';
import { usePatrolDraft } from '@renderer/features/patrol/drafts';
import { draftsTable } from '@renderer/features/patrol/tables';

afterEach(async () => {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
});

describe('form drafts', () => {
  it('keeps what is typed in IndexedDB, restores it in a new screen, and forgets it after saving', async () => {
    const scope = effectScope();
    const first = ref({ place: '' });
    const draft = scope.run(() => usePatrolDraft('event:LOG:new', first));
    if (!draft) throw new Error('no draft');
    expect(await draft.load()).toBe(false);
    first.value.place = '红旗塘';
    await nextTick();
    first.value.place = '红旗塘大桥';
    await nextTick();
    await draft.settled();
    expect((await draftsTable().get('event:LOG:new'))?.value).toEqual({ place: '红旗塘大桥' });
    scope.stop();

    // As after a crash: a new screen with an empty form gets the draft back.
    const second = ref({ place: '' });
    const again = effectScope().run(() => usePatrolDraft('event:LOG:new', second));
    expect(await again?.load()).toBe(true);
    expect(second.value.place).toBe('红旗塘大桥');
    await again?.discard();
    expect(await draftsTable().get('event:LOG:new')).toBeUndefined();
  });
});
