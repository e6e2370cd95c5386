// The supervisor's figures change slowly and cost one pass over a period's applications (≈ 25 000 rows for 28 days at
// a million): a short-lived per-process cache, shared by concurrent requests for the same filter, keeps a page under
// load to one computation per filter and minute (bench/notes.md). The page says how old its figures are.

export type Cached<T> = { value: T; at: Date };

/** A cache of at most `max` keys whose entries live `ttlMs`; a failed computation is not kept. */
export function figuresCache<T>(ttlMs: number, max: number, clock: () => number = Date.now) {
  const entries = new Map<string, { at: number; value: Promise<Cached<T>> }>();
  return (key: string, compute: () => Promise<T>): Promise<Cached<T>> => {
    const now = clock();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = compute().then((v) => ({ value: v, at: new Date(now) }));
    entries.delete(key);
    entries.set(key, { at: now, value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    // Oldest first: Map keeps insertion order, and a refreshed key was re-inserted at the end.
    while (entries.size > max) entries.delete(entries.keys().next().value!);
    return value;
  };
}
