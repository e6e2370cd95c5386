import type { DbOrTx } from '@/db/client';
import { calendarDays } from '@/db/schema/reference';
import { cachedReference } from '@/lib/reference/cache';
import { StaticWorkCalendar } from './deadline';

/**
 * The working calendar from the database (SPEC §2.6): loaded once, then answered synchronously, as
 * reviewDeadline needs. Holidays and transferred working days are data an admin corrects when decrees move them.
 */
export async function loadWorkCalendar(db: DbOrTx): Promise<StaticWorkCalendar> {
  // Cached per process until reference data changes (lib/reference/cache.ts).
  return cachedReference(db, 'calendar', async () => {
    const rows = await db.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays);
    return new StaticWorkCalendar({
      nonWorking: rows.filter((r) => r.kind === 'holiday').map((r) => r.day),
      workingOverrides: rows.filter((r) => r.kind === 'working').map((r) => r.day),
    });
  });
}
