import 'server-only';
import { asc, eq, isNotNull } from 'drizzle-orm';
import { db } from '@/db';
import { userRoles, users } from '@/db/schema/people';
import { certificates, demoKeyFiles } from '@/db/schema/pki';
import { pilotSettings, regions, registrationPoints, serviceCentres, type Pilot } from '@/db/schema/reference';
import type { Role } from '@/lib/auth/roles';
import { cachedReference } from './cache';
import { selectablePoints } from './pickup';

/** Every pilot's settings by pilot; cached per process until reference data changes (lib/reference/cache.ts). */
export async function allPilotSettings() {
  return cachedReference(db, 'pilot_settings', async () => {
    const rows = await db.select().from(pilotSettings);
    return new Map<Pilot, (typeof rows)[number]>(rows.map((r) => [r.pilot, r]));
  });
}

/** Pure: is the pilot open on this local date? Pilot periods and regions are data (SPEC §2.7). */
export function pilotOpen(s: { enabled: boolean; startsOn: string; endsOn: string } | undefined, today: string) {
  return !!s && s.enabled && s.startsOn <= today && today <= s.endsOn;
}

export type PersonaKey = { serial: string; purpose: 'signing' | 'authentication'; bin: string | null; password: string };
export type Persona = {
  userId: string;
  iin: string;
  name: string;
  personaKk: string | null;
  personaRu: string | null;
  roles: Role[];
  keys: PersonaKey[];
};

/** Demo personas with all their roles and demo key files, in three queries. */
export async function listPersonas(): Promise<Persona[]> {
  const [people, grants, keys] = await Promise.all([
    db.select().from(users).where(isNotNull(users.personaOrder)).orderBy(asc(users.personaOrder)),
    db.select({ userId: userRoles.userId, role: userRoles.role }).from(userRoles),
    db
      .select({
        userId: demoKeyFiles.userId,
        serial: demoKeyFiles.certificateSerial,
        purpose: demoKeyFiles.purpose,
        password: demoKeyFiles.password,
        bin: certificates.bin,
      })
      .from(demoKeyFiles)
      .innerJoin(certificates, eq(certificates.serial, demoKeyFiles.certificateSerial))
      .orderBy(asc(certificates.bin), asc(demoKeyFiles.purpose)),
  ]);
  const byUser = new Map<string, Role[]>();
  for (const g of grants) byUser.set(g.userId, [...(byUser.get(g.userId) ?? []), g.role]);
  const keysOf = new Map<string, PersonaKey[]>();
  for (const k of keys)
    keysOf.set(k.userId, [...(keysOf.get(k.userId) ?? []), { serial: k.serial, purpose: k.purpose, bin: k.bin, password: k.password }]);
  return people.map((u) => ({
    userId: u.id,
    iin: u.iin,
    name: [u.surname, u.givenName, u.patronymic].filter(Boolean).join(' '),
    personaKk: u.personaKk,
    personaRu: u.personaRu,
    roles: byUser.get(u.id) ?? [],
    keys: keysOf.get(u.id) ?? [],
  }));
}

/** Open registration points of the ID-card pilot's regions, by region then id (where to collect the card). */
export async function activeRegistrationPoints() {
  return selectablePoints(db, 'id_card');
}

/** A region's registration points, by id, open or not (the UMS dashboard filters by any of them). */
export async function registrationPointsOf(regionCode: string) {
  return db.select().from(registrationPoints).where(eq(registrationPoints.regionCode, regionCode)).orderBy(asc(registrationPoints.id));
}

/** One registration point as a list of zero or one row. */
export async function registrationPointRows(id: number) {
  return db.select().from(registrationPoints).where(eq(registrationPoints.id, id));
}

/** Every region; cached per process until reference data changes. */
export async function allRegions() {
  return cachedReference(db, 'regions', () => db.select().from(regions));
}

/** The first CONs of a region by number ("go to a CON"). */
export async function serviceCentresOf(regionCode: string, limit: number) {
  return db.select().from(serviceCentres).where(eq(serviceCentres.regionCode, regionCode)).orderBy(asc(serviceCentres.number)).limit(limit);
}
