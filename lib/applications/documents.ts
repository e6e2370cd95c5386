import 'server-only';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { db } from '@/db';
import { applicationParties, applications } from '@/db/schema/applications';

/** Final statuses whose result the orders publish to the person's Digital documents. */
const RESULT_STATUSES = ['issued', 'registered'];

export async function digitalDocumentsFor(iin: string) {
  const mine = or(eq(applications.applicantIin, iin),
    inArray(applications.id, db.select({ id: applicationParties.applicationId }).from(applicationParties).where(eq(applicationParties.iin, iin))));
  return db.select({ id: applications.id, number: applications.number, pilot: applications.pilot, decidedAt: applications.decidedAt, updatedAt: applications.updatedAt })
    .from(applications).where(and(mine, inArray(applications.status, RESULT_STATUSES)))
    .orderBy(desc(applications.updatedAt)).limit(100);
}
