import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { userRoles, users, type Role } from '@/db/schema/people';
import * as r from '@/db/schema/registry';
import { makeIin } from '@/db/seed/iin-factory';
import type { Actor, Grant } from '@/lib/auth/actor';

/** A unique valid IIN per call, so tests never share people. */
export function uniqueIin(sex: 'male' | 'female' = 'male'): string {
  const year = 1960 + randomInt(40);
  const day = String(1 + randomInt(28)).padStart(2, '0');
  const month = String(1 + randomInt(12)).padStart(2, '0');
  return makeIin(`${year}-${month}-${day}`, sex, randomInt(10_000));
}

export type GrantScope = Partial<Omit<Grant, 'role'>>;

/** A user with one role (and scope), plus a GBD FL record and a BMG number for them. */
export async function makeUser(
  db: Db,
  role: Role,
  scope: GrantScope = {},
  opts: { phone?: string | null; locale?: 'kk' | 'ru' } = {},
): Promise<Actor> {
  const iin = uniqueIin();
  const [u] = await db
    .insert(users)
    .values({ iin, surname: 'Тестов', givenName: 'Тест', locale: opts.locale ?? 'kk' })
    .returning();
  await db.insert(userRoles).values({ userId: u!.id, role, ...scope });
  await db
    .insert(r.persons)
    .values({
      iin,
      surnameKk: 'Тестов',
      surnameRu: 'Тестов',
      givenNameKk: 'Тест',
      givenNameRu: 'Тест',
      surnameLat: 'TESTOV',
      givenNameLat: 'TEST',
      birthDate: '1990-01-01',
      sex: 'male',
      docNumber: `T${iin.slice(-8)}`,
      docIssuedOn: '2020-01-01',
      docExpiresOn: '2030-01-01',
    })
    .onConflictDoNothing();
  if (opts.phone !== null)
    await db
      .insert(r.mobileNumbers)
      .values({ iin, phone: opts.phone ?? `+7701${String(randomInt(10_000_000)).padStart(7, '0')}` })
      .onConflictDoNothing();
  const grant: Grant = {
    role,
    regionCode: null,
    akimatId: null,
    serviceCentreId: null,
    registrationPointId: null,
    dealerBin: null,
    ...scope,
  };
  return {
    userId: u!.id,
    sessionId: '00000000-0000-4000-8000-000000000000',
    iin,
    surname: 'Тестов',
    givenName: 'Тест',
    patronymic: null,
    locale: opts.locale ?? 'kk',
    grants: [grant],
    isStaff: role !== 'citizen' && role !== 'dealer',
  };
}

/** One region with a CON, an akimat and a registration point: enough scope for a user of every role. */
export async function makeScopes(db: Db, regionCode = '01') {
  const { regions, serviceCentres, akimats, registrationPoints } = await import('@/db/schema/reference');
  await db.insert(regions).values({ code: regionCode, nameKk: 'Астана', nameRu: 'Астана', kind: 'city' }).onConflictDoNothing();
  const [centre] = await db
    .insert(serviceCentres)
    .values({
      number: 1,
      regionCode,
      nameKk: 'ХҚКО №1',
      nameRu: 'ЦОН №1',
      addressKk: 'к-сі 1',
      addressRu: 'ул. 1',
      hoursKk: '09–18',
      hoursRu: '09–18',
    })
    .returning();
  const [akimat] = await db.insert(akimats).values({ regionCode, nameKk: 'Әкімдік', nameRu: 'Акимат' }).returning();
  const [point] = await db
    .insert(registrationPoints)
    .values({ regionCode, nameKk: 'Пункт', nameRu: 'Пункт', addressKk: 'к-сі 2', addressRu: 'ул. 2' })
    .returning();
  return { regionCode, serviceCentreId: centre!.id, akimatId: akimat!.id, registrationPointId: point!.id, dealerBin: '150440001236' };
}

/** The scope a grant of this role needs (lib/auth/roles.ts roleScope), taken from makeScopes. */
export function scopeFor(role: Role, s: Awaited<ReturnType<typeof makeScopes>>): GrantScope {
  switch (role) {
    case 'ums_reviewer':
      return { regionCode: s.regionCode };
    case 'migration_officer':
      return { registrationPointId: s.registrationPointId };
    case 'akimat_reviewer':
      return { akimatId: s.akimatId };
    case 'con_operator':
    case 'con_reception':
    case 'con_issuance':
    case 'con_head':
      return { serviceCentreId: s.serviceCentreId };
    case 'dealer':
      return { dealerBin: s.dealerBin };
    default:
      return {};
  }
}

/** The Actor of a seeded person, with all their grants, as the session would build it. */
export async function actorFor(db: Db, iin: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.iin, iin));
  if (!u) throw new Error(`actorFor: no user ${iin}`);
  const grants = (await db.select().from(userRoles).where(eq(userRoles.userId, u.id))).map((g): Grant => ({
    role: g.role,
    regionCode: g.regionCode,
    akimatId: g.akimatId,
    serviceCentreId: g.serviceCentreId,
    registrationPointId: g.registrationPointId,
    dealerBin: g.dealerBin,
  }));
  return {
    userId: u.id,
    sessionId: '00000000-0000-4000-8000-000000000000',
    iin,
    surname: u.surname,
    givenName: u.givenName,
    patronymic: u.patronymic,
    locale: u.locale,
    grants,
    isStaff: grants.some((g) => g.role !== 'citizen' && g.role !== 'dealer'),
  };
}
