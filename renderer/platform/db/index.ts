export { closeDatabase, db, guardedWrite, onDbProblem, openDatabase } from './connection';
export { DATABASE_NAME } from './database';
export { useDbHealthStore } from './health-store';
export { META_TABLE, defineMetaKey, deleteMeta, readMeta, writeMeta } from './meta';
export type { MetaKey } from './meta';
export { schemaVersions } from './schema';
export type { TableSource } from './table-source';
export { useLiveQuery } from './use-live-query';
