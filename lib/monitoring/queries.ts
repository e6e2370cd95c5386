import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Pilot } from '@/db/schema/reference';
import type { WorkCalendar } from '@/lib/calendar/deadline';
import { addDays } from '@/lib/calendar/deadline';
import { localDayStart } from '@/lib/calendar/local';
import type { MonitoringFilter } from './filters';
import { pilotFigures } from './pilots';
import { summarize, type CohortRow } from './summary';

const list = (xs: readonly string[]) =>
  xs.length
    ? sql.join(
        xs.map((x) => sql`${x}`),
        sql`, `,
      )
    : sql`null`;
const textArray = (xs: readonly string[]) => sql`array[${list(xs)}]::text[]`;

/** The pilot's two kinds to compare (lib/monitoring/pilots.ts `segments`), as SQL over the row and its events. */
const segmentOf: Record<Pilot, SQL> = {
  vehicle: sql`null`,
  id_card: sql`case when i.exempt_status is not null then 'exempt' when e.paying then 'paying' end`,
  residence: sql`r.channel`,
  // Orders 001/004 have no online channel: every application is formed by the CON's front office.
  machinery: sql`'con'`,
};

/** The period [from 00:00, to+1 00:00) in local time, as instants. */
export function periodInstants(f: Pick<MonitoringFilter, 'from' | 'to'>) {
  return { start: localDayStart(f.from), end: localDayStart(addDays(f.to, 1)) };
}

/**
 * One row per application created in the period (and region): the first time it reached each counted state, its
 * furthest stage and its refusal, from its timeline. Index `applications_pilot_created` finds the cohort; the events
 * come by `application_events (application_id, at)`.
 */
export async function cohortRows(db: DbOrTx, f: MonitoringFilter): Promise<CohortRow[]> {
  const fig = pilotFigures[f.pilot];
  const { start, end } = periodInstants(f);
  const rows = await db.execute<{
    created_at: string;
    submitted_at: string | null;
    decided_at: string | null;
    issued_at: string | null;
    deadline_at: string | null;
    reach: number | null;
    refusal: string | null;
    segment: string | null;
  }>(sql`
    select a.created_at, a.deadline_at, e.submitted_at, e.decided_at, e.issued_at,
      greatest(e.reach, array_position(${textArray(fig.path)}, a.status)) - 1 as reach,
      e.refusal, ${segmentOf[f.pilot]} as segment
    from applications a
    -- Per application through its (application_id, at) index: a join over the whole events table made PostgreSQL
    -- scan it at a million applications (bench/notes.md).
    cross join lateral (
      select min(x.at) filter (where x.to_status in (${list(fig.submitted)})) as submitted_at,
        min(x.at) filter (where x.to_status in (${list(fig.decided)})) as decided_at,
        min(x.at) filter (where x.to_status in (${list(fig.issued)})) as issued_at,
        max(array_position(${textArray(fig.path)}, x.to_status)) as reach,
        bool_or(x.to_status = 'awaiting_payment') as paying,
        (array_agg(x.type || '|' || coalesce(x.data->>'reason', x.data->>'code', x.data->>'refusalCode', '') order by x.at desc)
          filter (where x.to_status in (${list(fig.refused)})))[1] as refusal
      from application_events x where x.application_id = a.id
    ) e
    left join id_card_applications i on i.application_id = a.id and a.pilot = 'id_card'
    left join residence_applications r on r.application_id = a.id and a.pilot = 'residence'
    where a.pilot = ${f.pilot} and a.created_at >= ${start.toISOString()} and a.created_at < ${end.toISOString()}
      ${f.region ? sql`and a.region_code = ${f.region}` : sql``}`);
  const at = (s: string | null) => (s === null ? null : new Date(s));
  return [...rows].map((r) => ({
    createdAt: new Date(r.created_at),
    submittedAt: at(r.submitted_at),
    decidedAt: at(r.decided_at),
    issuedAt: at(r.issued_at),
    deadlineAt: at(r.deadline_at),
    reach: r.reach === null ? null : Number(r.reach),
    refusal: r.refusal,
    segment: r.segment,
  }));
}

/** Applications waiting for a decision past their deadline right now, per reviewer's scope (akimat or region). */
export async function overdueNow(db: DbOrTx, f: Pick<MonitoringFilter, 'pilot' | 'region'>, now: Date) {
  const fig = pilotFigures[f.pilot];
  if (!fig.awaitingDecision.length) return [];
  const rows = await db.execute<{ region_code: string | null; akimat_id: number | null; n: number; oldest: string }>(sql`
    select a.region_code, a.akimat_id, count(*)::int as n, min(a.deadline_at) as oldest
    from applications a
    where a.pilot = ${f.pilot} and a.status in (${list(fig.awaitingDecision)}) and a.deadline_at < ${now.toISOString()}
      ${f.region ? sql`and a.region_code = ${f.region}` : sql``}
    group by a.region_code, a.akimat_id
    order by n desc, a.region_code, a.akimat_id`);
  return [...rows].map((r) => ({ regionCode: r.region_code, akimatId: r.akimat_id, n: Number(r.n), oldest: new Date(r.oldest) }));
}

/**
 * Registry failures per system in the period (registry_calls), and each outage: a run of `outage` answers of one
 * system, from the first of them to the first call after them that got through (still running when none did).
 */
export async function registryFailures(db: DbOrTx, f: Pick<MonitoringFilter, 'from' | 'to'>, now: Date) {
  const { start, end } = periodInstants(f);
  const [failures, outages] = await Promise.all([
    db.execute<{ system: string; calls: number; errors: number; outages: number }>(sql`
      select system, count(*)::int as calls, count(*) filter (where outcome = 'error')::int as errors,
        count(*) filter (where outcome = 'outage')::int as outages
      from registry_calls where at >= ${start.toISOString()} and at < ${end.toISOString()}
      group by system having count(*) filter (where outcome in ('error', 'outage')) > 0 order by system`),
    db.execute<{ system: string; started: string; ended: string | null; calls: number }>(sql`
      select system, min(at) as started, max(next_at) filter (where outcome = 'outage' and next_outcome is distinct from 'outage') as ended,
        count(*)::int as calls
      from (
        select system, at, outcome, lead(at) over w as next_at, lead(outcome) over w as next_outcome,
          count(*) filter (where outcome <> 'outage') over w as run
        from registry_calls where at >= ${start.toISOString()} and at < ${end.toISOString()}
        window w as (partition by system order by at, id)
      ) c
      where outcome = 'outage'
      group by system, run order by system, started`),
  ]);
  return {
    failures: [...failures].map((r) => ({ ...r, calls: Number(r.calls), errors: Number(r.errors), outages: Number(r.outages) })),
    outages: [...outages].map((r) => {
      const started = new Date(r.started);
      const ended = r.ended === null ? null : new Date(r.ended);
      return { system: r.system, started, ended, ms: (ended ?? now).getTime() - started.getTime(), calls: Number(r.calls) };
    }),
  };
}

/** Everything the supervisor's page shows for one pilot, period and region. */
export async function monitoringFigures(db: DbOrTx, f: MonitoringFilter, calendar: WorkCalendar, now: Date) {
  const [rows, overdue, registries] = await Promise.all([cohortRows(db, f), overdueNow(db, f, now), registryFailures(db, f, now)]);
  return { summary: summarize(rows, pilotFigures[f.pilot], calendar, f), overdue, registries };
}

export type MonitoringFigures = Awaited<ReturnType<typeof monitoringFigures>>;
