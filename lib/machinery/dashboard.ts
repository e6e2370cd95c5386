import 'server-only';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { machineryApplications, machineryKinds } from '@/db/schema/machinery';
import { machines } from '@/db/schema/registry';
import { decodeCursor, encodeCursor } from '@/lib/applications/cursor';
import { afterCursor, cursorInstant, keysetOrderBy, keysetPage } from '@/lib/applications/keyset';
import type { WorkCalendar } from '@/lib/calendar/deadline';
import { maskIin } from '@/lib/kz/iin';
import { localDayBounds } from './review-rules';
import { machineryActions, normalizeMachineryPlate, reviewClock } from './rules';

/** What the dashboard filters by status: the queue, or the decided ones (p.14: the akimat sees its results too). */
export const dashboardStatuses = ['under_review', 'approved', 'issued', 'refused'] as const;
export type DashboardStatus = (typeof dashboardStatuses)[number];

export type DashboardQuery = {
  akimatId: number;
  status?: DashboardStatus;
  action?: (typeof machineryActions)[number];
  machineKind?: (typeof machineryKinds)[number];
  /** An application number or a plate, as typed. */
  q?: string;
  after?: string;
  limit?: number;
  now?: Date;
};

/** p.14: the four numbers at the top of the dashboard, for one akimat, in one query. */
export async function dashboardCounts(db: DbOrTx, akimatId: number, now = new Date()) {
  const bounds = localDayBounds(now);
  // Raw SQL binds no Dates with this driver: the instants go as ISO strings.
  const [at, from, to] = [now, bounds.from, bounds.to].map((d) => sql`${d.toISOString()}::timestamptz`);
  const queue = sql`${applications.status} = 'under_review'`;
  const [row] = await db
    .select({
      new: sql<number>`count(*) filter (where ${queue})::int`,
      overdue: sql<number>`count(*) filter (where ${queue} and ${applications.deadlineAt} < ${at})::int`,
      dueToday: sql<number>`count(*) filter (where ${queue} and ${applications.deadlineAt} >= ${at} and ${applications.deadlineAt} < ${to})::int`,
      decidedToday: sql<number>`count(*) filter (where ${applications.status} in ('approved', 'issued', 'refused') and ${applications.decidedAt} >= ${from} and ${applications.decidedAt} < ${to})::int`,
    })
    .from(applications)
    .where(
      and(eq(applications.pilot, 'machinery'), eq(applications.akimatId, akimatId), inArray(applications.status, [...dashboardStatuses])),
    );
  return row ?? { new: 0, overdue: 0, dueToday: 0, decidedToday: 0 };
}
export type DashboardCounts = Awaited<ReturnType<typeof dashboardCounts>>;

/** A typed search: an application number (`MR-2026-000012`, any case) or, failing that, a plate. */
function searchCondition(q: string): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const plate = normalizeMachineryPlate(text);
  const byNumber = eq(applications.number, text.toUpperCase());
  if (!plate) return byNumber;
  const registered = sql`${machineryApplications.registerId} in (select ${machines.serialNumber} from ${machines} where ${machines.plate} = ${plate})`;
  return or(byNumber, eq(machineryApplications.plate, plate), registered);
}

/**
 * p.14, the akimat's dashboard: its applications only, in order of receipt at the akimat (oldest first), keyset
 * paginated on `applications_machinery_akimat_received` (akimat_id, status, submitted_at, id). The review deadline
 * only grows with the receipt (lib/calendar/deadline.ts), so the overdue ones are the first of this order: "overdue
 * first" needs no other sort. One query for the page; the clock is computed from the work calendar.
 */
export async function akimatDashboard(db: DbOrTx, calendar: WorkCalendar, query: DashboardQuery) {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const now = query.now ?? new Date();
  const status = query.status ?? 'under_review';
  const after = decodeCursor(query.after);
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      submittedAt: applications.submittedAt,
      decidedAt: applications.decidedAt,
      action: machineryApplications.action,
      machineKind: machineryApplications.machineKind,
      make: machineryApplications.make,
      model: machineryApplications.model,
      ownerKind: machineryApplications.ownerKind,
      ownerIin: machineryApplications.ownerIin,
      ownerBin: machineryApplications.ownerBin,
      plate: machineryApplications.plate,
      cursorAt: cursorInstant(applications.submittedAt),
    })
    .from(applications)
    .innerJoin(machineryApplications, eq(machineryApplications.applicationId, applications.id))
    .where(
      and(
        eq(applications.pilot, 'machinery'),
        eq(applications.akimatId, query.akimatId),
        eq(applications.status, status),
        sql`${applications.submittedAt} is not null`,
        query.action ? eq(machineryApplications.action, query.action) : undefined,
        query.machineKind ? eq(machineryApplications.machineKind, query.machineKind) : undefined,
        query.q ? searchCondition(query.q) : undefined,
        afterCursor(applications.submittedAt, applications.id, 'asc', after),
      ),
    )
    .orderBy(...keysetOrderBy(applications.submittedAt, applications.id, 'asc'))
    .limit(limit + 1);
  const page = keysetPage(rows, limit);
  return {
    rows: page.rows.map(({ ownerIin, ...r }) => {
      const clock = r.status === 'under_review' && r.submittedAt ? reviewClock(r.submittedAt, now, calendar) : null;
      return { ...r, owner: ownerIin ? maskIin(ownerIin) : (r.ownerBin ?? null), clock };
    }),
    next: page.next ? encodeCursor(page.next) : null,
  };
}
export type DashboardRow = Awaited<ReturnType<typeof akimatDashboard>>['rows'][number];
