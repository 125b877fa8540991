import { StationDatabase } from './database';
import { classifyDbError } from './errors';
import type { DbProblem } from './errors';

export { StationDatabase } from './database';
export type { MetaRow } from './database';

type ProblemListener = (problem: DbProblem) => void;

let instance: StationDatabase | null = null;
let listener: ProblemListener = () => undefined;

/** Where storage problems go; the app wires this to the health store at start-up. */
export function onDbProblem(next: ProblemListener): void {
  listener = next;
}

/** Reports a problem found outside a write (the data key at start-up, unlock.ts). */
export function reportDbProblem(problem: DbProblem): void {
  listener(problem);
}

/**
 * The one open database of this window. Another window upgrading the schema asks us to close:
 * we do, and tell the user to reload, rather than blocking the upgrade or writing to a stale schema.
 */
export function db(): StationDatabase {
  if (instance) return instance;
  const created = new StationDatabase();
  created.on('blocked', () => listener('blocked'));
  created.on('versionchange', () => {
    created.close();
    listener('versionchange');
    return false;
  });
  instance = created;
  return created;
}

/** Opens the database once and asks the browser to keep it (not evict it under storage pressure). */
export async function openDatabase(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | null = globalThis.navigator?.storage ?? null,
): Promise<{ persisted: boolean }> {
  try {
    await db().open();
  } catch (error) {
    listener(classifyDbError(error) ?? 'unavailable');
    throw error;
  }
  let persisted = false;
  if (storage) persisted = (await storage.persisted()) || (await storage.persist());
  return { persisted };
}

/** Reports storage failures of a write to the user and rethrows, so the caller keeps the unsaved input. */
export async function guardedWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const problem = classifyDbError(error);
    if (problem) listener(problem);
    throw error;
  }
}

/**
 * Closes this window's database and forgets it; the next `db()` opens a fresh connection. The app closes it when
 * the window goes away, so another window's schema upgrade is not blocked by a page being unloaded; tests close
 * it between cases before deleting the database.
 */
export function closeDatabase(): void {
  instance?.close();
  instance = null;
}
