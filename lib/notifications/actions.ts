'use server';

import { and, eq, isNull, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db';
import { notifications } from '@/db/schema/notifications';
import { formAction } from '@/lib/form-action';

/** Marks one notification (or all, without an id) as read; only the recipient's own rows can match. */
export const markReadAction = formAction(['citizen'], z.object({ id: z.uuid().optional() }), async ({ actor, input }) => {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(eq(notifications.recipientIin, actor.iin), isNull(notifications.readAt), input.id ? eq(notifications.id, input.id) : undefined),
    );
  revalidatePath('/[locale]/cabinet', 'layout');
  return { ok: true };
});
