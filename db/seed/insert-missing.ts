// Tables keyed only by a serial id cannot use ON CONFLICT to stay single: insert the rows whose natural
// key is not there yet.
export async function insertMissing<T>(
  rows: readonly T[],
  key: (row: T) => string,
  existingKeys: () => Promise<readonly string[]>,
  insert: (rows: T[]) => Promise<unknown>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const have = new Set(await existingKeys());
  const fresh = rows.filter((r) => !have.has(key(r)));
  if (fresh.length > 0) await insert(fresh);
  return fresh.length;
}
