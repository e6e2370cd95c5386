import 'server-only';
import { and, asc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { authSessions, staffRoles, userRoles, users, type Role } from '@/db/schema/people';
import { maskIin } from '@/lib/kz/iin';

/**
 * The admin's list of accounts: by IIN (exact) or surname (prefix) when searched, else every staff account. The
 * IIN is masked; the roles and how many sessions are open come with each row (one query).
 */
export async function listUsers(query: string, limit = 50) {
  const q = query.trim().slice(0, 64);
  const filter = /^\d{12}$/.test(q)
    ? eq(users.iin, q)
    : q
      ? ilike(users.surname, `${q.replace(/[%_\\]/g, '')}%`)
      : inArray(
          users.id,
          db
            .select({ id: userRoles.userId })
            .from(userRoles)
            .where(inArray(userRoles.role, [...staffRoles])),
        );
  const rows = await db
    .select({
      id: users.id,
      iin: users.iin,
      surname: users.surname,
      givenName: users.givenName,
      active: users.active,
      roles: sql<
        Role[]
      >`coalesce((select array_agg(distinct ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
      openSessions: sql<number>`(select count(*)::int from ${authSessions} where ${and(eq(authSessions.userId, users.id), isNull(authSessions.endedAt))})`,
    })
    .from(users)
    .where(filter)
    .orderBy(asc(users.surname), asc(users.givenName), asc(users.id))
    .limit(limit);
  return rows.map(({ iin, ...r }) => ({ ...r, iin: maskIin(iin) }));
}
export type AdminUserRow = Awaited<ReturnType<typeof listUsers>>[number];
