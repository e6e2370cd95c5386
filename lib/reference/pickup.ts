import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { pilotSettings, registrationPoints, serviceCentres, type Pilot } from '@/db/schema/reference';
import { selectablePlace } from './pickup-rules';

async function pilotRegions(db: DbOrTx, pilot: Pilot): Promise<string[]> {
  const [s] = await db.select({ regions: pilotSettings.regionCodes }).from(pilotSettings).where(eq(pilotSettings.pilot, pilot));
  return s?.regions ?? [];
}

/** The registration points a citizen may choose in this pilot: open, in a pilot region; by region, then id. */
export async function selectablePoints(db: DbOrTx, pilot: Pilot) {
  const [regions, points] = await Promise.all([
    pilotRegions(db, pilot),
    db
      .select()
      .from(registrationPoints)
      .where(eq(registrationPoints.active, true))
      .orderBy(asc(registrationPoints.regionCode), asc(registrationPoints.id)),
  ]);
  return points.filter((p) => selectablePlace(p, regions));
}

/** The point the citizen posted, when they may choose it; null otherwise (closed, another region, unknown). */
export async function selectablePoint(db: DbOrTx, pilot: Pilot, id: number) {
  const [[point], regions] = await Promise.all([
    db
      .select()
      .from(registrationPoints)
      .where(and(eq(registrationPoints.id, id), eq(registrationPoints.active, true))),
    pilotRegions(db, pilot),
  ]);
  return point && selectablePlace(point, regions) ? point : null;
}

/** The CONs a citizen may choose in this pilot: open, in a pilot region; by region, then number. */
export async function selectableCentres(db: DbOrTx, pilot: Pilot) {
  const [regions, centres] = await Promise.all([
    pilotRegions(db, pilot),
    db
      .select()
      .from(serviceCentres)
      .where(eq(serviceCentres.active, true))
      .orderBy(asc(serviceCentres.regionCode), asc(serviceCentres.number)),
  ]);
  return centres.filter((c) => selectablePlace(c, regions));
}

/** The CON the citizen posted, when they may choose it; null otherwise. */
export async function selectableCentre(db: DbOrTx, pilot: Pilot, id: number) {
  const [[centre], regions] = await Promise.all([
    db
      .select()
      .from(serviceCentres)
      .where(and(eq(serviceCentres.id, id), eq(serviceCentres.active, true))),
    pilotRegions(db, pilot),
  ]);
  return centre && selectablePlace(centre, regions) ? centre : null;
}
