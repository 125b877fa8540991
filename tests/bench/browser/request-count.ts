import type { DBCore, Middleware } from 'dexie';

/**
 * Counts the IndexedDB requests a station's code issues (a get, each key of a bulkGet, each row written, each
 * query): machine-independent, so it shows what a change to the apply path saves even on a busy machine. Sits
 * above the sealing middleware (its keep-alive reads are not the caller's and are not counted).
 */
export interface RequestCounter {
  middleware: Middleware<DBCore>;
  count(): number;
}

export function requestCounter(): RequestCounter {
  let requests = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'BenchRequestCount',
    level: 10,
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          get: (req) => ((requests += 1), table.get(req)),
          getMany: (req) => ((requests += req.keys.length), table.getMany(req)),
          mutate: (req) => ((requests += req.type === 'add' || req.type === 'put' ? req.values.length : req.type === 'delete' ? req.keys.length : 1), table.mutate(req)),
          query: (req) => ((requests += 1), table.query(req)),
          openCursor: (req) => ((requests += 1), table.openCursor(req)),
          count: (req) => ((requests += 1), table.count(req)),
        };
      },
    }),
  };
  return { middleware, count: () => requests };
}
