import 'server-only';
import { connect, type Db } from './client';

// One pool per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { qyzmetDb?: ReturnType<typeof connect> };

function getConnection() {
  if (!globalForDb.qyzmetDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the portal with `npm start`, which provides it');
    globalForDb.qyzmetDb = connect(url);
  }
  return globalForDb.qyzmetDb;
}

/** The application's database. Lazy, so that `next build` does not need a database. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = getConnection().db as unknown as Record<PropertyKey, unknown>;
    const value = real[prop];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});
export type { Db, Tx, DbOrTx } from './client';
