import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { authSessions, userRoles, users } from '@/db/schema/people';
import { audit } from '@/lib/audit';
import { isStaffRole } from './roles';

/** Opens a server-side session and audits the sign-in (SPEC §2.8). */
export async function startSession(userId: string, method: 'demo' | 'eds', ip: string | null, extra: Record<string, string> = {}) {
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
      .values({ userId, userVersion: user.sessionVersion, method, isStaff })
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
