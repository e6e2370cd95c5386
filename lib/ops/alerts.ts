import 'server-only';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { awaitingDecision } from '@/lib/machinery/machine';
import { anchorAgeProvider, type AnchorAgeProvider } from './health';
import { anchorState } from './health-rules';
import { countFailingJobs } from './jobs';
import { countStuckApplications, findStuckOutbox } from './stuck';

export type OpsAlerts = { stuck: number; overdue: number; outbox: number; jobs: number; anchorOld?: boolean };

/** Decisions past their deadline (the machinery akimat's one working day, the only decision with a clock). */
async function countOverdue(db: DbOrTx, now: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.pilot, 'machinery'), inArray(applications.status, [...awaitingDecision]), lt(applications.deadlineAt, now)));
  return row?.n ?? 0;
}

/**
 * What the admin home's alert line counts: stuck applications, overdue decisions, stuck outbox rows, failing jobs,
 * and — only when the audit module provides its anchor's age — whether the last anchor is old.
 */
export async function opsAlerts(db: DbOrTx, opts: { now?: Date; anchorAge?: AnchorAgeProvider } = {}): Promise<OpsAlerts> {
  const now = opts.now ?? new Date();
  const anchor = opts.anchorAge ?? anchorAgeProvider();
  const [stuck, overdue, outbox, jobs, anchorAge] = await Promise.all([
    countStuckApplications(db, now),
    countOverdue(db, now),
    findStuckOutbox(db, { now, limit: 1000 }).then((r) => r.length),
    countFailingJobs(db),
    anchor ? anchor().catch(() => null) : Promise.resolve(undefined),
  ]);
  return { stuck, overdue, outbox, jobs, ...(anchor ? { anchorOld: anchorState(anchorAge ?? null) !== 'ok' } : {}) };
}

export const hasAlerts = (a: OpsAlerts) => a.stuck + a.overdue + a.outbox + a.jobs > 0 || !!a.anchorOld;
