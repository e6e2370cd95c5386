import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { DbOrTx } from '@/db/client';
import { authSessions, userRoles, users } from '@/db/schema/people';
import { audit } from '@/lib/audit';
import { isStaffRole } from './roles';

/** The form the CRL table and auth_sessions keep a certificate serial in: lowercase hex. */
export const normalSerial = (serial: string) => serial.trim().toLowerCase();

/**
 * Opens a server-side session and audits the sign-in (SPEC §2.8). An EDS session records its certificate, so
 * revoking that certificate ends it (endSessionsOfCertificate). A disabled account opens none.
 */
export async function startSession(userId: string, method: 'demo' | 'eds', ip: string | null, extra: { certificate?: string } = {}) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)));
    if (!user) return null;
    const grants = await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
    const isStaff = grants.some((g) => isStaffRole(g.role));
    const [session] = await tx
      .insert(authSessions)
      .values({
        userId,
        userVersion: user.sessionVersion,
        method,
        isStaff,
        certificateSerial: extra.certificate ? normalSerial(extra.certificate) : null,
      })
      .returning({ id: authSessions.id });
    if (!session) return null;
    await audit(tx, { userId }, null, { action: 'auth.sign_in', data: { method, session: session.id, ...extra }, ip: ip ?? null });
    return { userId, sessionId: session.id };
  });
}

/** Ends the session server-side: the cookie may live on in a copy, the row says it is over. */
export async function endSession(sessionId: string, userId: string, reason: string) {
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(authSessions)
      .set({ endedAt: sql`now()`, endReason: reason })
      .where(and(eq(authSessions.id, sessionId), sql`${authSessions.endedAt} is null`))
      .returning({ id: authSessions.id });
    if (ended.length) await audit(tx, { userId }, null, { action: 'auth.sign_out', data: { session: sessionId, reason } });
  });
}

/** The session a (decoded) Auth.js token names, ended: what Auth.js's own sign-out route calls (lib/auth/config.ts). */
export async function endSessionOfToken(token: Record<string, unknown> | null | undefined): Promise<void> {
  const sid = token?.sid;
  if (typeof sid !== 'string' || !/^[0-9a-f-]{36}$/.test(sid)) return;
  const [row] = await db.select({ userId: authSessions.userId }).from(authSessions).where(eq(authSessions.id, sid));
  if (row) await endSession(sid, row.userId, 'signed_out');
}

/**
 * Ends every open session the certificate opened: the admin's revocation calls it in its transaction, and so may a
 * job that reads a CA's CRL. getActor also refuses a session whose certificate is in the CRL table, so a revocation
 * written any other way still signs the person out on their next request. Returns how many sessions ended.
 */
export async function endSessionsOfCertificate(tx: DbOrTx, serial: string, reason = 'certificate_revoked'): Promise<number> {
  return endSessionsOfCertificates(tx, [serial], reason);
}

/**
 * The same for many serials in one statement (a CA's CRL lists thousands on its first fetch): only the sessions
 * still open are touched, and each one ended is audited.
 */
export async function endSessionsOfCertificates(tx: DbOrTx, serials: readonly string[], reason = 'certificate_revoked'): Promise<number> {
  if (!serials.length) return 0;
  const ended = await tx
    .update(authSessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(inArray(authSessions.certificateSerial, [...new Set(serials.map(normalSerial))]), isNull(authSessions.endedAt)))
    .returning({ id: authSessions.id, userId: authSessions.userId });
  for (const s of ended) await audit(tx, { userId: s.userId }, null, { action: 'auth.sign_out', data: { session: s.id, reason } });
  return ended.length;
}

/**
 * Ends every session of a person (an admin disabling the account): the rows are closed and session_version is
 * bumped, so a token of any session, even one opened a moment ago, is refused. Returns how many sessions ended.
 */
export async function endSessionsOfUser(tx: DbOrTx, userId: string, reason: string): Promise<number> {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  const ended = await tx
    .update(authSessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.endedAt)))
    .returning({ id: authSessions.id });
  for (const s of ended) await audit(tx, { userId }, null, { action: 'auth.sign_out', data: { session: s.id, reason } });
  return ended.length;
}
