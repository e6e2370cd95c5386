// Portal users for the demo persona picker (SPEC §1): what each can try, in both languages.
// Staff get ONLY their staff role; dealer employees are dealers and citizens.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { userRoles, users, type Role } from '../schema';
import { ALL_PEOPLE } from './people';
import { PERSONAS_CITIZENS } from './personas-citizens';
import { PERSONAS_STAFF } from './personas-staff';

export interface RoleGrant {
  role: Role;
  regionCode?: string;
  akimatId?: number;
  serviceCentreId?: number;
  registrationPointId?: number;
  dealerBin?: string;
}

export interface Persona {
  iin: string;
  order: number;
  locale: 'kk' | 'ru';
  kk: string;
  ru: string;
  roles: readonly RoleGrant[];
}

export const PERSONAS: readonly Persona[] = [...PERSONAS_CITIZENS, ...PERSONAS_STAFF];

function userRow(p: Persona): typeof users.$inferInsert {
  const spec = ALL_PEOPLE.find((x) => x.iin === p.iin);
  if (!spec) throw new Error(`Persona ${p.iin} is not in GBD FL`);
  const [surname, givenName, patronymic] = p.locale === 'kk' ? spec.kk : spec.ru;
  return { iin: p.iin, surname, givenName, patronymic, locale: p.locale, personaKk: p.kk, personaRu: p.ru, personaOrder: p.order };
}

export async function seedPersonas(db: DbOrTx) {
  await db.insert(users).values(PERSONAS.map(userRow)).onConflictDoNothing();
  const ids = await db
    .select({ id: users.id, iin: users.iin })
    .from(users)
    .where(
      inArray(
        users.iin,
        PERSONAS.map((p) => p.iin),
      ),
    );
  const idOf = new Map(ids.map((r) => [r.iin, r.id]));
  const grants = PERSONAS.flatMap((p) =>
    p.roles.map((g) => ({
      userId: idOf.get(p.iin) ?? '',
      role: g.role,
      regionCode: g.regionCode ?? null,
      akimatId: g.akimatId ?? null,
      serviceCentreId: g.serviceCentreId ?? null,
      registrationPointId: g.registrationPointId ?? null,
      dealerBin: g.dealerBin ?? null,
    })),
  );
  // user_roles_unique is NULLS NOT DISTINCT, so a second run conflicts instead of duplicating.
  await db.insert(userRoles).values(grants).onConflictDoNothing();
}
