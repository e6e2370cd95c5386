// When an untouched ID-card draft expires (pilot_settings.id_card params.draftTtlDays, admin-editable; the
// default when the parameter is missing is in docs/decisions.md). Pure.

export const DEFAULT_DRAFT_TTL_DAYS = 7;
const DAY_MS = 86_400_000;

/** The pilot's TTL in whole days: a missing, non-numeric or non-positive value falls back to the default. */
export function draftTtlDays(params: Record<string, unknown> | null | undefined): number {
  const n = Number(params?.draftTtlDays);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_DRAFT_TTL_DAYS;
}

/** Untouched for `ttlDays` full days (the last change at `updatedAt`): the sweep expires it. */
export function draftExpired(updatedAt: Date, now: Date, ttlDays: number): boolean {
  return now.getTime() - updatedAt.getTime() >= ttlDays * DAY_MS;
}
