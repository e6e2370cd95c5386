import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { plateTypes, regions, serviceCentres } from '@/db/schema/reference';
import { localYear } from '@/lib/calendar/local';
import { billFor } from '@/lib/payments/purpose';
import type { Registries } from '@/lib/registries';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import { selectableCentres } from '@/lib/reference/pickup';
import { feeCodesOf } from './buyer-service';
import { plateTypeOffered } from './plates';

/** A registry answer for a page, or `unavailable`: a page shows what it can when a system is down. */
async function orUnavailable<T>(call: () => Promise<T>): Promise<T | 'unavailable'> {
  try {
    return await call();
  } catch (e) {
    if (isRegistryUnavailable(e)) return 'unavailable';
    throw e;
  }
}

/**
 * What step 15–16 offer: the CONs (those of the region of the buyer's registered address first), the plate types
 * offered online to a person, and the BMG number (three queries and two registry calls, in parallel).
 */
export async function detailsOptions(db: Db, registries: Registries, iin: string) {
  const [centres, plates, regionRows, person, phone] = await Promise.all([
    selectableCentres(db, 'vehicle'),
    db.select().from(plateTypes).orderBy(asc(plateTypes.code)),
    db.select().from(regions),
    orUnavailable(() => registries.gbdFl.findPerson(iin)),
    orUnavailable(() => registries.bmg.findPhone(iin)),
  ]);
  const homeRegion = person !== 'unavailable' ? (person?.permanentAddress?.regionCode ?? null) : null;
  const regionName = new Map(regionRows.map((r) => [r.code, r]));
  return {
    home: centres.filter((c) => c.regionCode === homeRegion),
    others: centres.filter((c) => c.regionCode !== homeRegion).map((c) => ({ ...c, region: regionName.get(c.regionCode)! })),
    plates: plates.filter((p) => plateTypeOffered(p, 'person')),
    phone,
    homeRegion: homeRegion ? (regionName.get(homeRegion) ?? null) : null,
  };
}

/** Step 17's bill: each fee in MRP and tenge at this year's MRP. */
export async function feeBill(db: Db, plateType: string, year = localYear()) {
  return billFor(db, await feeCodesOf(db, plateType), year);
}

/** The plate type as people name it (kk/ru): the page never shows its code. */
export async function plateTypeOf(db: Db, code: string | null) {
  if (!code) return null;
  const [p] = await db
    .select({ code: plateTypes.code, nameKk: plateTypes.nameKk, nameRu: plateTypes.nameRu })
    .from(plateTypes)
    .where(eq(plateTypes.code, code));
  return p ?? null;
}

export async function centreOf(db: Db, id: number | null) {
  if (!id) return null;
  const [c] = await db.select().from(serviceCentres).where(eq(serviceCentres.id, id));
  return c ?? null;
}
