import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db';
import { authSessions, userRoles, users } from '@/db/schema/people';
import { revokedCertificates } from '@/db/schema/signatures';
import type { Actor, Grant } from './actor';
import { auth } from './config';
import { roleScope } from './roles';
import { sessionEnd, TOUCH_AFTER_MS } from './session-rules';
import { endSession } from './sign-in';

/** A grant without the scope column its role needs is ignored: deny by default. */
function hasScope(g: Grant) {
  switch (roleScope[g.role]) {
    case 'region':
      return !!g.regionCode;
    case 'registrationPoint':
      return g.registrationPointId != null;
    case 'akimat':
      return g.akimatId != null;
    case 'serviceCentre':
      return g.serviceCentreId != null;
    case 'dealer':
      return !!g.dealerBin;
    default:
      return true;
  }
}

/** The signed-in actor for this request, or null. Checked against the database on every request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  return actorOfSession(session?.sid);
});

/**
 * The person behind a session id, or null when the session is unknown or over (signed out, timed out, the user
 * disabled or signed out everywhere, its certificate revoked); an over session is closed in the database here.
 */
export async function actorOfSession(sid: string | undefined): Promise<Actor | null> {
  if (!sid || !/^[0-9a-f-]{36}$/.test(sid)) return null;
  // One round trip: the session, its person and their grants (a row per grant).
  const rows = await db
    .select({
      s: authSessions,
      u: users,
      revoked: revokedCertificates.serial,
      g: {
        role: userRoles.role,
        regionCode: userRoles.regionCode,
        akimatId: userRoles.akimatId,
        serviceCentreId: userRoles.serviceCentreId,
        registrationPointId: userRoles.registrationPointId,
        dealerBin: userRoles.dealerBin,
      },
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(revokedCertificates, eq(revokedCertificates.serial, authSessions.certificateSerial))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(authSessions.id, sid));
  const row = rows[0];
  if (!row) return null;
  const now = new Date();
  const ended = sessionEnd({ ...row.s, certificateRevoked: row.revoked != null }, row.u, now);
  if (ended) {
    if (!row.s.endedAt) await endSession(sid, row.u.id, ended);
    return null;
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(authSessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(authSessions.id, sid));
  }
  const grants = rows.flatMap((r) => (r.g ? [r.g as Grant] : [])).filter(hasScope);
  return {
    userId: row.u.id,
    sessionId: sid,
    iin: row.u.iin,
    surname: row.u.surname,
    givenName: row.u.givenName,
    patronymic: row.u.patronymic,
    locale: row.u.locale,
    grants,
    isStaff: row.s.isStaff,
  };
}
