import 'server-only';
import { and, count, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { db } from '@/db';
import { notifications } from '@/db/schema/notifications';

export async function unreadCount(iin: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientIin, iin), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export type NotificationCursor = { at: string; id: string };

/** Newest first, keyset-paginated on (created_at, id). */
export async function listNotifications(iin: string, limit: number, after?: NotificationCursor) {
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientIin, iin),
        after
          ? or(
              lt(notifications.createdAt, new Date(after.at)),
              and(eq(notifications.createdAt, new Date(after.at)), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { at: last.createdAt.toISOString(), id: last.id } : null };
}
