import 'server-only';
import { and, desc, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { applications } from '@/db/schema/applications';
import { applicationIdsOf } from './queries';

/** Final statuses whose result the orders publish to the person's Digital documents. */
const RESULT_STATUSES = ['issued', 'registered'];

export async function digitalDocumentsFor(iin: string) {
  const mine = inArray(applications.id, applicationIdsOf(iin));
  return db
    .select({
      id: applications.id,
      number: applications.number,
      pilot: applications.pilot,
      decidedAt: applications.decidedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(and(mine, inArray(applications.status, RESULT_STATUSES)))
    .orderBy(desc(applications.updatedAt))
    .limit(100);
}
