import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { exactInstant, type Cursor } from './cursor';

/**
 * Keyset paging on (instant, id), shared by every list: the cursor's instant is text made by PostgreSQL to the
 * microsecond and compared by PostgreSQL, never a JS Date (milliseconds: docs/decisions.md, "Data").
 */
export type KeysetOrder = 'asc' | 'desc';

/** The instant as cursor text, in UTC with microseconds: `2026-03-01T09:00:00.123456Z` (null stays null). */
export const cursorInstant = (at: AnyColumn) => sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The rows strictly after the cursor in the list's order: one row comparison, which the (…, at, id) indexes serve. */
export function afterCursor(at: AnyColumn, id: AnyColumn, order: KeysetOrder, after: Cursor | undefined): SQL | undefined {
  if (!after) return undefined;
  const key = sql`(${exactInstant(after.at)}::timestamptz, ${after.id}::uuid)`;
  return order === 'asc' ? sql`(${at}, ${id}) > ${key}` : sql`(${at}, ${id}) < ${key}`;
}

/** ORDER BY for the same order. */
export function keysetOrderBy(at: AnyColumn, id: AnyColumn, order: KeysetOrder) {
  const dir = order === 'asc' ? asc : desc;
  return [dir(at), dir(id)] as const;
}

/** A row without its cursor text (for a read whose rows carry it but are not paged). */
export function withoutCursor<R extends { cursorAt: unknown }>(row: R): Omit<R, 'cursorAt'> {
  const copy: Partial<R> = { ...row };
  delete copy.cursorAt;
  return copy as Omit<R, 'cursorAt'>;
}

/**
 * One page of a `limit + 1` read whose rows carry `cursorAt` (cursorInstant of the ordering column): the rows
 * without it, and the cursor after the last one when there is a next page.
 */
export function keysetPage<R extends { id: string; cursorAt: string | null }>(rows: readonly R[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map(withoutCursor),
    next: rows.length > limit && last?.cursorAt ? ({ at: last.cursorAt, id: last.id } satisfies Cursor) : null,
  };
}
