import 'server-only';
import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applicationEvents, applications } from '@/db/schema/applications';
import { outbox } from '@/db/schema/notifications';
import { registryCalls } from '@/db/schema/registry-ops';
import type { Cursor } from '@/lib/applications/cursor';
import { afterCursor, cursorInstant, keysetOrderBy, keysetPage } from '@/lib/applications/keyset';
import { maskIin } from '@/lib/kz/iin';
import { MAX_OUTBOX_ATTEMPTS } from '@/lib/outbox';
import { OUTBOX_STUCK_MINUTES, stuckThresholds, thresholdFor, type StuckStep } from './thresholds';

/** The rows of every (pilot, state) past its threshold: one condition per threshold, on the queue indexes' columns. */
function pastThreshold(now: Date): SQL {
  return or(
    ...stuckThresholds.map((t) =>
      and(
        eq(applications.pilot, t.pilot),
        eq(applications.status, t.status),
        sql`${applications.updatedAt} < ${now.toISOString()}::timestamptz - make_interval(mins => ${t.minutes})`,
      )!,
    ),
  )!;
}

/** The outer row's id, qualified: inside a subquery a bare "id" would be the subquery's own. */
const outerId = sql.raw('"applications"."id"');

export type StuckApplication = {
  id: string;
  number: string;
  pilot: string;
  status: string;
  version: number;
  since: Date;
  applicant: string | null;
  lastEvent: string | null;
  /** The state the last event moved it to, when it was a transition. */
  lastEventTo: string | null;
  lastEventAt: Date | null;
  /** The last failed registry call made for it: the system and the outcome (`error`, `outage`). */
  lastError: { system: string; outcome: string; at: Date } | null;
  step: StuckStep;
  queue: string;
};

/**
 * Applications stuck past their state's threshold (lib/ops/thresholds.ts), oldest first, one page per query: the last
 * event and the last failed registry call come from correlated subqueries on their (application, …) indexes. IINs
 * are masked here, so no page ever holds one whole.
 */
export async function findStuckApplications(db: DbOrTx, opts: { now?: Date; limit?: number; after?: Cursor } = {}) {
  const now = opts.now ?? new Date();
  const limit = opts.limit ?? 25;
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      pilot: applications.pilot,
      status: applications.status,
      version: applications.version,
      since: applications.updatedAt,
      applicantIin: applications.applicantIin,
      cursorAt: cursorInstant(applications.updatedAt),
      lastEvent: sql<
        string | null
      >`(select e.type from ${applicationEvents} e where e.application_id = ${outerId} order by e.id desc limit 1)`,
      lastEventTo: sql<
        string | null
      >`(select e.to_status from ${applicationEvents} e where e.application_id = ${outerId} order by e.id desc limit 1)`,
      lastEventAt: sql<
        string | null
      >`(select e.at from ${applicationEvents} e where e.application_id = ${outerId} order by e.id desc limit 1)`,
      lastError: sql<{
        system: string;
        outcome: string;
        at: string;
      } | null>`(select json_build_object('system', c.system, 'outcome', c.outcome, 'at', c.at) from ${registryCalls} c where c.application_id = ${outerId}::text and c.outcome in ('error', 'outage') order by c.id desc limit 1)`,
    })
    .from(applications)
    .where(and(pastThreshold(now), afterCursor(applications.updatedAt, applications.id, 'asc', opts.after)))
    .orderBy(...keysetOrderBy(applications.updatedAt, applications.id, 'asc'))
    .limit(limit + 1);
  const page = keysetPage(rows, limit);
  return {
    next: page.next,
    rows: page.rows.map(({ applicantIin, lastEventAt, lastError, ...r }): StuckApplication => {
      const t = thresholdFor(r.pilot, r.status)!;
      return {
        ...r,
        applicant: applicantIin ? maskIin(applicantIin) : null,
        lastEventAt: lastEventAt ? new Date(lastEventAt) : null,
        lastError: lastError ? { ...lastError, at: new Date(lastError.at) } : null,
        step: t.step,
        queue: t.queue,
      };
    }),
  };
}

/** How many applications are stuck, for the admin home's alert line. */
export async function countStuckApplications(db: DbOrTx, now = new Date()) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(pastThreshold(now));
  return row?.n ?? 0;
}

/** Outbox rows the worker gave up on (dead letters) or that wait longer than they should, oldest first. */
export async function findStuckOutbox(db: DbOrTx, opts: { now?: Date; limit?: number } = {}) {
  const now = opts.now ?? new Date();
  return db
    .select({
      id: outbox.id,
      topic: outbox.topic,
      kind: sql<string | null>`${outbox.payload}->>'kind'`,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      dead: sql<boolean>`${outbox.attempts} >= ${MAX_OUTBOX_ATTEMPTS}`,
    })
    .from(outbox)
    .where(
      and(
        isNull(outbox.processedAt),
        or(
          sql`${outbox.attempts} >= ${MAX_OUTBOX_ATTEMPTS}`,
          sql`${outbox.createdAt} < ${now.toISOString()}::timestamptz - make_interval(mins => ${OUTBOX_STUCK_MINUTES})`,
        ),
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(opts.limit ?? 50);
}
