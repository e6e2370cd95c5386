import 'server-only';
import { and, asc, count, eq, gt, gte, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import type { Cursor } from '@/lib/applications/cursor';
import { localYear } from '@/lib/calendar/local';
import { billFor } from '@/lib/payments/purpose';
import { dutyFeeCodes } from './citizen-service';

/** Step 15's duty: 0.2 MRP of the current year, in tiyn. */
export async function feeBillOf(db: DbOrTx, year = localYear()) {
  const bill = await billFor(db, dutyFeeCodes, year);
  return bill && { amountTiyn: bill.totalTiyn, mrpTenge: bill.mrpTenge, year };
}

export type UmsQueueQuery = { regionCode: string; statuses: readonly string[]; registrationPointId?: number; from?: Date; to?: Date; ticket?: string; limit: number; after?: Cursor };

/**
 * The UMS DP queue of one region (SPEC §5 step 17): oldest first, keyset-paginated on the region index; filters
 * by status, registration point and date; search by RP DRN ticket. Never another region's.
 */
export async function umsQueue(db: DbOrTx, q: UmsQueueQuery) {
  const where: (SQL | undefined)[] = [
    eq(applications.pilot, 'id_card'), eq(applications.regionCode, q.regionCode), inArray(applications.status, [...q.statuses]),
    q.registrationPointId ? eq(applications.registrationPointId, q.registrationPointId) : undefined,
    q.from ? gte(applications.createdAt, q.from) : undefined,
    q.to ? lte(applications.createdAt, q.to) : undefined,
    q.ticket ? eq(idCardApplications.rpDrnTicket, q.ticket) : undefined,
    q.after ? or(gt(applications.createdAt, new Date(q.after.at)), and(eq(applications.createdAt, new Date(q.after.at)), gt(applications.id, q.after.id))) : undefined,
  ];
  const rows = await db.select({
    id: applications.id, number: applications.number, status: applications.status, createdAt: applications.createdAt, submittedAt: applications.submittedAt,
    iin: idCardApplications.iin, ticket: idCardApplications.rpDrnTicket, exemptStatus: idCardApplications.exemptStatus, registrationPointId: applications.registrationPointId,
  }).from(applications).innerJoin(idCardApplications, eq(idCardApplications.applicationId, applications.id))
    .where(and(...where)).orderBy(asc(applications.createdAt), asc(applications.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > q.limit && last ? { at: last.createdAt.toISOString(), id: last.id } : null };
}

export async function umsCounts(db: DbOrTx, regionCode: string) {
  return db.select({ status: applications.status, n: count() }).from(applications)
    .where(and(eq(applications.pilot, 'id_card'), eq(applications.regionCode, regionCode))).groupBy(applications.status);
}


/** Whole hours an application has waited (the dashboard's "age" column). */
export function ageHours(since: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
}
