/**
 * Keyset cursors for lists ordered by (instant, id): opaque base64url strings in the URL. The instant is text with
 * PostgreSQL's microseconds (lib/applications/keyset.ts makes it in SQL): a JS Date keeps milliseconds only, and a
 * cursor rounded to them repeats the last row of a page (oldest first) or skips the rows of its millisecond (newest first).
 */
export type Cursor = { at: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.id}`).toString('base64url');
}

export function decodeCursor(s: string | undefined | null): Cursor | undefined {
  if (!s || s.length > 200) return undefined;
  const [at, id] = Buffer.from(s, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !UUID.test(id)) return undefined;
  return { at, id };
}

/**
 * A cursor's instant as PostgreSQL should read it: our own UTC form `YYYY-MM-DDTHH:MM:SS.ffffffZ` keeps its
 * microseconds; anything else Date can read (an older cursor, a day JS rolls over such as 02-31) goes through Date.
 */
export function exactInstant(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw new RangeError('not an instant');
  const m = ISO_UTC.exec(at);
  if (!m) return date.toISOString();
  const fraction = (m[2] ?? '').padEnd(6, '0');
  return date.toISOString() === `${m[1]}.${fraction.slice(0, 3)}Z` ? `${m[1]}.${fraction}Z` : date.toISOString();
}
