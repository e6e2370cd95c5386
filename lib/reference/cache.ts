// Reference data cached per server process (issue 16): regions, pilot settings, the fee table and the MRP, the
// working calendar. Each read asks the database one thing, the token in `reference_version` (a primary-key read),
// which a trigger renews in the same transaction as any write to a reference table (migration 0021) — the admin's
// reference editor, a seed, a hand edit. A different token than the cached one reloads the entry, so an edit is
// seen by every web and worker process as soon as it commits, and never a mixture of before and after.
// Cached values are shared between requests: callers must not mutate them.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

type Entry = { token: string; value: Promise<unknown> };
const entries = new Map<string, Entry>();
let loads = 0;

/** The current token, read through the caller's handle (a transaction sees its own uncommitted edits). */
export async function referenceToken(db: DbOrTx): Promise<string> {
  const rows = await db.execute<{ token: string }>(sql`select token::text as token from reference_version where id = 1`);
  return rows[0]?.token ?? 'none';
}

/**
 * The value of `key`, loaded by `load` once per reference version and shared by concurrent callers. A failed load
 * is not kept. `key` names what is loaded and its arguments (e.g. `mrp:2026`).
 */
export async function cachedReference<T>(db: DbOrTx, key: string, load: () => PromiseLike<T>): Promise<T> {
  const token = await referenceToken(db);
  const hit = entries.get(key);
  if (hit && hit.token === token) return hit.value as Promise<T>;
  loads++;
  // Through an async function: a drizzle query is a lazy thenable that would run again on every await.
  const value = (async () => load())();
  const entry = { token, value };
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}

/** How many loads the cache has made (tests: a second read of the same version loads nothing). */
export function referenceLoads(): number {
  return loads;
}
