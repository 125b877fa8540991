import type Dexie from 'dexie';

/**
 * Where a feature's table accessor takes its table from: the window's database by default, or a transaction (a
 * command's, a sync applier's: Dexie's Transaction has the same `table()`), so the access is bound to it.
 */
export type TableSource = Pick<Dexie, 'table'>;
