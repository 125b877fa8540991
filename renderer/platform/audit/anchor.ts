import { chainAnchor, type ChainAnchor } from '@shared/audit/chain';

/**
 * Where the audit chain's newest committed entry is recorded outside IndexedDB: the browser's localStorage, a
 * separate store, so cutting entries off the end of the trail also takes editing a second place. Where there is no
 * localStorage (unit tests in Node) a process-local map stands in. This raises the bar against quiet truncation;
 * it is not proof against someone who edits both stores (see docs/security.md).
 */
interface AnchorStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const memory = new Map<string, string>();
const memoryStore: AnchorStore = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};
const store = (): AnchorStore => (typeof globalThis.localStorage === 'undefined' ? memoryStore : globalThis.localStorage);
const keyFor = (databaseName: string) => `yrd.audit.anchor:${databaseName}`;
const write = (databaseName: string, entry: ChainAnchor) => store().setItem(keyFor(databaseName), JSON.stringify({ seq: entry.seq, hash: entry.hash }));

export function readAnchor(databaseName: string): ChainAnchor | null {
  try {
    const parsed = chainAnchor.safeParse(JSON.parse(store().getItem(keyFor(databaseName)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** After an append commits: the anchor only moves forward (two windows may commit in either order). */
export function advanceAnchor(databaseName: string, entry: ChainAnchor): void {
  const current = readAnchor(databaseName);
  if (!current || entry.seq > current.seq) write(databaseName, entry);
}

/** After a restore replaced the whole trail: the anchor becomes the restored trail's end (or none). */
export function resetAnchor(databaseName: string, entry: ChainAnchor | null): void {
  if (entry) write(databaseName, entry);
  else store().removeItem(keyFor(databaseName));
}
