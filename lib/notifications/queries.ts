import 'server-only';
import { and, count, eq, getTableColumns, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { applications } from '@/db/schema/applications';
import { notifications } from '@/db/schema/notifications';
import type { Cursor } from '@/lib/applications/cursor';
import { afterCursor, cursorInstant, keysetOrderBy, keysetPage } from '@/lib/applications/keyset';

export async function unreadCount(iin: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientIin, iin), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export type NotificationCursor = Cursor;

/** Newest first, keyset-paginated on (created_at, id), each with its application's human number and pilot. */
export async function listNotifications(iin: string, limit: number, after?: NotificationCursor) {
  const rows = await db
    .select({
      ...getTableColumns(notifications),
      applicationNumber: applications.number,
      pilot: applications.pilot,
      cursorAt: cursorInstant(notifications.createdAt),
    })
    .from(notifications)
    .leftJoin(applications, eq(applications.id, notifications.applicationId))
    .where(and(eq(notifications.recipientIin, iin), afterCursor(notifications.createdAt, notifications.id, 'desc', after)))
    .orderBy(...keysetOrderBy(notifications.createdAt, notifications.id, 'desc'))
    .limit(limit + 1);
  return keysetPage(rows, limit);
}
