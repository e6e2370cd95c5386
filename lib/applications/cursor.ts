/** Keyset cursors for lists ordered by (created_at, id): opaque base64url strings in the URL. */
export type Cursor = { at: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.id}`).toString('base64url');
}

export function decodeCursor(s: string | undefined | null): Cursor | undefined {
  if (!s || s.length > 200) return undefined;
  const [at, id] = Buffer.from(s, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { at, id };
}
