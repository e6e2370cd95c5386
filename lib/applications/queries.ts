import 'server-only';
import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { applicationParties, applications } from '@/db/schema/applications';
import type { Pilot } from '@/db/schema/reference';
import type { ScopeTarget } from '@/lib/auth/scope';
import type { Cursor } from './cursor';
import { afterCursor, cursorInstant, keysetOrderBy, keysetPage } from './keyset';

export type { Pilot };

/** Scope columns as a WHERE clause: every staff list is filtered by scope in SQL, never after the fact. */
export function scopeWhere(scope: Omit<ScopeTarget, 'iins'>): SQL | undefined {
  return and(
    scope.regionCode != null ? eq(applications.regionCode, scope.regionCode) : undefined,
    scope.akimatId != null ? eq(applications.akimatId, scope.akimatId) : undefined,
    scope.serviceCentreId != null ? eq(applications.serviceCentreId, scope.serviceCentreId) : undefined,
    scope.registrationPointId != null ? eq(applications.registrationPointId, scope.registrationPointId) : undefined,
    scope.dealerBin != null ? eq(applications.dealerBin, scope.dealerBin) : undefined,
  );
}

export type QueueQuery = {
  pilot: Pilot;
  scope: Omit<ScopeTarget, 'iins'>;
  statuses?: readonly string[];
  /** Queues are oldest first; dealer and citizen lists newest first. */
  order: 'oldest' | 'newest';
  limit: number;
  after?: Cursor;
};

const listColumns = {
  id: applications.id,
  number: applications.number,
  pilot: applications.pilot,
  status: applications.status,
  applicantIin: applications.applicantIin,
  createdAt: applications.createdAt,
  updatedAt: applications.updatedAt,
  deadlineAt: applications.deadlineAt,
  cursorAt: cursorInstant(applications.createdAt),
};

const direction = (order: 'oldest' | 'newest') => (order === 'oldest' ? 'asc' : 'desc');

/** One page of a scoped queue, plus whether there is a next page (limit + 1 trick, no COUNT). */
export async function listQueue(q: QueueQuery) {
  const dir = direction(q.order);
  const rows = await db
    .select(listColumns)
    .from(applications)
    .where(
      and(
        eq(applications.pilot, q.pilot),
        scopeWhere(q.scope),
        q.statuses?.length ? inArray(applications.status, [...q.statuses]) : undefined,
        afterCursor(applications.createdAt, applications.id, dir, q.after),
      ),
    )
    .orderBy(...keysetOrderBy(applications.createdAt, applications.id, dir))
    .limit(q.limit + 1);
  return keysetPage(rows, q.limit);
}

export async function countByStatus(pilot: Pilot, scope: Omit<ScopeTarget, 'iins'>) {
  return db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(and(eq(applications.pilot, pilot), scopeWhere(scope)))
    .groupBy(applications.status);
}

/**
 * The ids of a person's applications, as applicant or as a party: a UNION of two index lookups. (An OR of the two
 * made PostgreSQL scan the whole table at a million applications: see bench/.)
 */
export function applicationIdsOf(iin: string) {
  return sql`(select ${applications.id} from ${applications} where ${applications.applicantIin} = ${iin}
    union select ${applicationParties.applicationId} from ${applicationParties} where ${applicationParties.iin} = ${iin})`;
}

/** Applications where the person is the applicant or a party (buyer, owner…), newest first. */
export async function listForPerson(iin: string, limit: number, after?: Cursor) {
  const mine = inArray(applications.id, applicationIdsOf(iin));
  const rows = await db
    .select(listColumns)
    .from(applications)
    .where(and(mine, afterCursor(applications.createdAt, applications.id, 'desc', after)))
    .orderBy(...keysetOrderBy(applications.createdAt, applications.id, 'desc'))
    .limit(limit + 1);
  return keysetPage(rows, limit);
}

/** Supervisor's view: counts per pilot, region and status across the country. */
export async function countsByPilotRegion() {
  return db
    .select({ pilot: applications.pilot, regionCode: applications.regionCode, status: applications.status, n: count() })
    .from(applications)
    .groupBy(applications.pilot, applications.regionCode, applications.status)
    .orderBy(applications.pilot, applications.regionCode, sql`3`);
}
