import type { Ref } from 'vue';
import { db, useLiveQuery } from '@renderer/platform/db';
import { heldChunks } from './commands';
import { fetchesTable, filesTable, type FetchRow } from './tables';

/** What this station has of one file: whole (stored), or a fetch with the chunks received so far. */
export interface FileState {
  stored: boolean;
  fetch: FetchRow | null;
  received: number;
}

/** The state of the file `id` points at, live: it moves as chunks arrive through sync. */
export function useFileState(id: Ref<string | null>): Ref<FileState | undefined> {
  return useLiveQuery(async (): Promise<FileState | undefined> => {
    const fileId = id.value;
    if (!fileId) return undefined;
    const database = db();
    const [stored, fetch, held] = await Promise.all([filesTable(database).where('id').equals(fileId).count(), fetchesTable(database).get(fileId), heldChunks(database, fileId)]);
    return { stored: stored > 0, fetch: fetch ?? null, received: fetch?.status === 'complete' ? fetch.count : held.length };
  }, [id]).value;
}
