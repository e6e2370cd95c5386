import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle: services accept either, so a use case can join a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export function connect(url: string, max = Number(process.env.DB_POOL_MAX ?? 10)) {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'qyzmet' } });
  return { client, db: drizzle(client, { schema, casing: undefined }) };
}
