export { db, guardedWrite, onDbProblem, openDatabase } from './connection';
export { DATABASE_NAME } from './database';
export { useDbHealthStore } from './health-store';
export { schemaVersions } from './schema';
export { useLiveQuery } from './use-live-query';
