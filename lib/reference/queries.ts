import 'server-only';
import { asc, isNotNull } from 'drizzle-orm';
import { db } from '@/db';
import { userRoles, users } from '@/db/schema/people';
import { pilotSettings, type Pilot } from '@/db/schema/reference';
import type { Role } from '@/lib/auth/roles';

export async function allPilotSettings() {
  const rows = await db.select().from(pilotSettings);
  return new Map<Pilot, (typeof rows)[number]>(rows.map((r) => [r.pilot, r]));
}

/** Pure: is the pilot open on this local date? Pilot periods and regions are data (SPEC §2.7). */
export function pilotOpen(s: { enabled: boolean; startsOn: string; endsOn: string } | undefined, today: string) {
  return !!s && s.enabled && s.startsOn <= today && today <= s.endsOn;
}

export type Persona = {
  userId: string; iin: string; name: string; personaKk: string | null; personaRu: string | null; roles: Role[];
};

/** Demo personas with all their roles, in two queries. */
export async function listPersonas(): Promise<Persona[]> {
  const people = await db.select().from(users).where(isNotNull(users.personaOrder)).orderBy(asc(users.personaOrder));
  const grants = await db.select({ userId: userRoles.userId, role: userRoles.role }).from(userRoles);
  const byUser = new Map<string, Role[]>();
  for (const g of grants) byUser.set(g.userId, [...(byUser.get(g.userId) ?? []), g.role]);
  return people.map((u) => ({
    userId: u.id, iin: u.iin, name: [u.surname, u.givenName, u.patronymic].filter(Boolean).join(' '),
    personaKk: u.personaKk, personaRu: u.personaRu, roles: byUser.get(u.id) ?? [],
  }));
}
