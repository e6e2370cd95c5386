/**
 * Structured logs without personal data: only codes, ids and error classes. Never pass IINs, names, phones
 * or request bodies here; error messages from drivers may quote values, so only their class and code go out.
 */
export function logError(event: string, e: unknown, fields: Record<string, string | number | boolean> = {}) {
  const err = e as { name?: string; code?: string } | undefined;
  console.error(
    JSON.stringify({ level: 'error', event, error: err?.name ?? typeof e, code: err?.code, ...fields, at: new Date().toISOString() }),
  );
}

export function logInfo(event: string, fields: Record<string, string | number | boolean> = {}) {
  console.log(JSON.stringify({ level: 'info', event, ...fields, at: new Date().toISOString() }));
}
