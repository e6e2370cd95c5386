import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db';
import { akimats, regions, registrationPoints, serviceCentres } from '@/db/schema/reference';
import { businesses } from '@/db/schema/registry';
import type { Grant } from '@/lib/auth/actor';

export type ScopeDescription =
  | { kind: 'region'; region: string }
  | { kind: 'centre'; number: number; region: string }
  | { kind: 'akimat'; akimat: string }
  | { kind: 'point'; point: string }
  | { kind: 'dealer'; dealer: string }
  | { kind: 'all' }
  | { kind: 'self' };

const pick = (locale: string, kk: string, ru: string) => (locale === 'kk' ? kk : ru);

/**
 * The human name of a grant's scope, for "UMS DP — Kostanay region" and "CON No. 3, Almaty". One query, once per
 * request (issue 16): the header and a work area's page both show it, for the same grant of the cached actor.
 */
export const describeScope = cache(async (g: Grant, locale: string): Promise<ScopeDescription> => {
  if (g.serviceCentreId != null) {
    const [c] = await db
      .select({ number: serviceCentres.number, kk: regions.nameKk, ru: regions.nameRu })
      .from(serviceCentres)
      .innerJoin(regions, eq(regions.code, serviceCentres.regionCode))
      .where(eq(serviceCentres.id, g.serviceCentreId));
    return c ? { kind: 'centre', number: c.number, region: pick(locale, c.kk, c.ru) } : { kind: 'self' };
  }
  if (g.akimatId != null) {
    const [a] = await db.select().from(akimats).where(eq(akimats.id, g.akimatId));
    return a ? { kind: 'akimat', akimat: pick(locale, a.nameKk, a.nameRu) } : { kind: 'self' };
  }
  if (g.registrationPointId != null) {
    const [p] = await db.select().from(registrationPoints).where(eq(registrationPoints.id, g.registrationPointId));
    return p ? { kind: 'point', point: pick(locale, p.nameKk, p.nameRu) } : { kind: 'self' };
  }
  if (g.regionCode) {
    const [r] = await db.select().from(regions).where(eq(regions.code, g.regionCode));
    return r ? { kind: 'region', region: pick(locale, r.nameKk, r.nameRu) } : { kind: 'self' };
  }
  if (g.dealerBin) {
    const [b] = await db.select().from(businesses).where(eq(businesses.bin, g.dealerBin));
    return { kind: 'dealer', dealer: b ? pick(locale, b.nameKk, b.nameRu) : g.dealerBin };
  }
  return g.role === 'citizen' ? { kind: 'self' } : { kind: 'all' };
});
