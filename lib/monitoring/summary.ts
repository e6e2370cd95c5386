// One pilot's figures over a period and region, from one row per application of the cohort (created in the period):
// pure, so the integration test's hand count and the unit tests check the same arithmetic the page shows.
import type { WorkCalendar } from '@/lib/calendar/deadline';
import { compliance, funnel, median, percentile, weekOf, weeksBetween, workingMs } from './stats';
import type { PilotFigures } from './pilots';

export type CohortRow = {
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  issuedAt: Date | null;
  deadlineAt: Date | null;
  /** Index of the furthest state of the pilot's path the application reached. */
  reach: number | null;
  /** `<event>|<code>` of the refusal, when it ended in one. */
  refusal: string | null;
  segment: string | null;
};

export type Durations = { n: number; median: number | null; p90: number | null };

const durations = (values: number[]): Durations => ({ n: values.length, median: median(values), p90: percentile(values, 90) });

export function summarize(
  rows: readonly CohortRow[],
  figures: PilotFigures<string>,
  calendar: WorkCalendar,
  period: { from: string; to: string },
) {
  const submitted = rows.filter((r) => r.submittedAt);
  const toDecision = submitted.filter((r) => r.decidedAt).map((r) => workingMs(r.submittedAt!, r.decidedAt!, calendar));
  const toIssue = submitted.filter((r) => r.issuedAt).map((r) => workingMs(r.submittedAt!, r.issuedAt!, calendar));

  const refusals = new Map<string, number>();
  for (const r of rows) if (r.refusal) refusals.set(r.refusal, (refusals.get(r.refusal) ?? 0) + 1);

  const weeks = weeksBetween(period.from, period.to).map((week) => ({ week, started: 0, decided: 0 }));
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  for (const r of rows) {
    const started = byWeek.get(weekOf(r.createdAt));
    if (started) started.started++;
    const decided = r.decidedAt ? byWeek.get(weekOf(r.decidedAt)) : undefined;
    if (decided) decided.decided++;
  }

  return {
    counts: {
      started: rows.length,
      submitted: submitted.length,
      decided: rows.filter((r) => r.decidedAt).length,
      issued: rows.filter((r) => r.issuedAt).length,
    },
    refusals: [...refusals].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
    funnel: funnel(
      figures.path,
      rows.map((r) => r.reach),
    ),
    toDecision: durations(toDecision),
    toIssue: durations(toIssue),
    compliance: compliance(rows),
    segments: figures.segments.map((segment) => ({ segment, n: rows.filter((r) => r.segment === segment).length })),
    weeks,
  };
}

export type PilotSummary = ReturnType<typeof summarize>;
