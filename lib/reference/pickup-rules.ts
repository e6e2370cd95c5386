/**
 * Issue 14: a citizen may pick only an open place (registration point, CON) in a region of the pilot. Pure; the
 * queries in lib/reference/pickup.ts apply it to what the forms list and to what the server accepts.
 */
export function selectablePlace(
  place: { active: boolean; regionCode: string },
  pilotRegions: readonly string[] | null | undefined,
): boolean {
  return place.active && !!pilotRegions?.includes(place.regionCode);
}
