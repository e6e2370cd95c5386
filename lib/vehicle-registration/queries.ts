import 'server-only';
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { applications } from '@/db/schema/applications';
import { vehicleApplications } from '@/db/schema/vehicle';
import type { Cursor } from '@/lib/applications/cursor';

export type DealerListQuery = { dealerBin: string; statuses?: readonly string[]; search?: string; limit: number; after?: Cursor };

/**
 * The dealer's registrations, newest first, keyset-paginated on (created_at, id) under the dealer index. The
 * search matches a whole VIN or application number (both are exact identifiers people copy from documents).
 */
export async function listDealerRegistrations(q: DealerListQuery) {
  const term = q.search?.trim().toUpperCase();
  const where: (SQL | undefined)[] = [
    eq(applications.pilot, 'vehicle'), eq(applications.dealerBin, q.dealerBin),
    q.statuses?.length ? inArray(applications.status, [...q.statuses]) : undefined,
    // Two index lookups (number, VIN) rather than an OR across the join, which scans both tables at scale.
    term ? inArray(applications.id, sql`(select ${applications.id} from ${applications} where ${applications.number} = ${term}
      union select ${vehicleApplications.applicationId} from ${vehicleApplications} where ${vehicleApplications.vin} = ${term})`) : undefined,
    q.after ? or(lt(applications.createdAt, new Date(q.after.at)), and(eq(applications.createdAt, new Date(q.after.at)), lt(applications.id, q.after.id))) : undefined,
  ];
  const rows = await db.select({
    id: applications.id, number: applications.number, status: applications.status, createdAt: applications.createdAt,
    vin: vehicleApplications.vin, vehicle: vehicleApplications.vehicle, buyerIin: vehicleApplications.buyerIin,
  }).from(applications).innerJoin(vehicleApplications, eq(vehicleApplications.applicationId, applications.id))
    .where(and(...where)).orderBy(desc(applications.createdAt), desc(applications.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > q.limit && last ? { at: last.createdAt.toISOString(), id: last.id } : null };
}
