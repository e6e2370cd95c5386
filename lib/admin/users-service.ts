import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema/people';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { endSessionsOfUser } from '@/lib/auth/sign-in';
import { DomainError } from '@/lib/errors';

/**
 * Issue 14: an admin disables an account (it can sign in no more, and every session it has ends at once) or
 * enables it again. Compare-and-set on `active`, so a double submit changes nothing and is not audited twice.
 * An admin cannot disable themselves (the portal would be left without the one who can undo it).
 */
export async function setUserDisabled(db: Db, actor: Actor, grant: Grant, input: { userId: string; disabled: boolean }) {
  if (input.disabled && input.userId === actor.userId) throw new DomainError('admin_cannot_disable_self');
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ active: !input.disabled })
      .where(and(eq(users.id, input.userId), eq(users.active, input.disabled)))
      .returning({ id: users.id });
    if (!changed) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
      if (!exists) throw new DomainError('not_found');
      return { changed: false, sessionsEnded: 0 };
    }
    const sessionsEnded = input.disabled ? await endSessionsOfUser(tx, input.userId, 'user_disabled') : 0;
    await audit(tx, actor, grant, {
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      data: { user: input.userId, sessionsEnded },
    });
    return { changed: true, sessionsEnded };
  });
}
