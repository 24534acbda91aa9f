import type { DBCore, DBCoreTable, Middleware } from 'dexie';

/**
 * A disk that fills up (issue #9, "storage"): once `fill`ed, every add and put
 * — on every table, or on the tables named — is refused with
 * `QuotaExceededError`, as IndexedDB refuses a write over the origin's quota,
 * until a record is deleted (a delete of one or more keys frees room). `stuck`
 * keeps it full whatever is deleted. Deletes are never refused. Install
 * `middleware` with `db.use` before the database's first operation.
 */
export function diskThatFills() {
  let full: ReadonlySet<string> | 'all' | undefined;
  let stuck = false;
  let refused = 0;
  const isFull = (table: string) => full === 'all' || (full !== undefined && full.has(table));

  function table(down: DBCoreTable): DBCoreTable {
    return {
      name: down.name,
      schema: down.schema,
      get: (request) => down.get(request),
      getMany: (request) => down.getMany(request),
      query: (request) => down.query(request),
      openCursor: (request) => down.openCursor(request),
      count: (request) => down.count(request),
      async mutate(request) {
        if ((request.type === 'add' || request.type === 'put') && isFull(down.name)) {
          refused++;
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        const result = await down.mutate(request);
        const freed = down.name !== 'meta' && ((request.type === 'delete' && request.keys.length > 0) || request.type === 'deleteRange');
        if (freed && !stuck) full = undefined;
        return result;
      },
    };
  }

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'disk-that-fills',
    create: (down) => ({ ...down, table: (name) => table(down.table(name)) }),
  };
  return {
    middleware,
    /** Full from now on, for every table or only these, until a record is deleted (or for good, `stuck`). */
    fill(options: { tables?: string[]; stuck?: boolean } = {}) {
      full = options.tables ? new Set(options.tables) : 'all';
      stuck = options.stuck ?? false;
    },
    get full() {
      return full !== undefined;
    },
    get refused() {
      return refused;
    },
  };
}
