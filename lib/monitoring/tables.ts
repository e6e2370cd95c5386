// Every figure of the supervisor's page as a plain table (header + rows of text and numbers): the page renders these
// and the CSV export writes the very same rows, so a download never disagrees with the screen. Pure: the words come
// in through `Labels` (next-intl on the page and in the route), so nothing here knows a language.
import type { Pilot } from '@/db/schema/reference';
import { hours } from './stats';
import type { MonitoringFigures } from './queries';
import { pilotFigures } from './pilots';

export const tableIds = [
  'counts',
  'trend',
  'funnel',
  'durations',
  'compliance',
  'overdue',
  'refusals',
  'segments',
  'registries',
  'outages',
] as const;
export type TableId = (typeof tableIds)[number];

export type Cell = string | number;
/** `totals`: the last row sums the ones above it (the page marks it, the CSV writes it as one more row). */
export type Table = { id: TableId; title: string; header: string[]; rows: Cell[][]; totals?: boolean };

/**
 * The rows with a totals row under them when there are two or more: `label` in the first column, the sum of each
 * column in `sum`, `other(i)` (or "—") elsewhere. One row is its own total; none has nothing to add up.
 */
export function withTotals(
  rows: Cell[][],
  label: string,
  sum: readonly number[],
  other: (column: number) => Cell = () => '—',
): { rows: Cell[][]; totals?: boolean } {
  if (rows.length < 2) return { rows };
  const width = rows[0]!.length;
  const total = Array.from({ length: width }, (_, i): Cell => {
    if (i === 0) return label;
    if (!sum.includes(i)) return other(i);
    return rows.reduce((acc, r) => acc + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);
  });
  return { rows: [...rows, total], totals: true };
}

export type Labels = {
  /** Monitoring.<key> */
  m: (key: string, values?: Record<string, string | number>) => string;
  status: (state: string) => string;
  system: (system: string) => string;
  /** `<event>|<code>` of a refusal in words. */
  reason: (key: string) => string;
  region: (code: string | null) => string;
  akimat: (id: number | null) => string;
  number: (n: number) => string;
  percent: (share: number) => string;
  dateTime: (at: Date) => string;
};

export function monitoringTables(pilot: Pilot, f: MonitoringFigures, l: Labels): Table[] {
  const s = f.summary;
  const h = (ms: number | null) => (ms === null ? l.m('durations.none') : l.m('durations.hours', { hours: l.number(hours(ms)!) }));
  const started = s.counts.started;
  const tables: Table[] = [
    {
      id: 'counts',
      title: l.m('counts.title'),
      header: [l.m('durations.measure'), l.m('durations.n')],
      rows: (['started', 'submitted', 'decided', 'issued'] as const).map((k) => [l.m(`counts.${k}`), s.counts[k]]),
    },
    {
      id: 'trend',
      title: l.m('trend.title'),
      header: [l.m('trend.week'), l.m('trend.started'), l.m('trend.decided')],
      ...withTotals(
        s.weeks.map((w) => [w.week, w.started, w.decided]),
        l.m('total'),
        [1, 2],
      ),
    },
    {
      id: 'funnel',
      title: l.m('funnel.title'),
      header: [l.m('funnel.stage'), l.m('funnel.reached'), l.m('funnel.share')],
      rows: s.funnel.map((x) => [l.status(x.stage), x.n, started ? l.percent(x.n / started) : l.m('durations.none')]),
    },
    {
      id: 'durations',
      title: l.m('durations.title'),
      header: [l.m('durations.measure'), l.m('durations.n'), l.m('durations.median'), l.m('durations.p90')],
      rows: (['toDecision', 'toIssue'] as const).map((k) => [l.m(`durations.${k}`), s[k].n, h(s[k].median), h(s[k].p90)]),
    },
    {
      id: 'compliance',
      title: l.m('compliance.title'),
      header: [l.m('compliance.kind'), l.m('compliance.n')],
      rows:
        s.compliance.decided === 0
          ? []
          : [
              [l.m('compliance.inTime'), s.compliance.inTime],
              [l.m('compliance.late'), s.compliance.late],
              [l.m('compliance.share'), l.percent(s.compliance.share!)],
            ],
    },
    {
      id: 'overdue',
      title: l.m('overdue.title'),
      header: [l.m('overdue.scope'), l.m('overdue.region'), l.m('overdue.n'), l.m('overdue.oldest')],
      ...withTotals(
        f.overdue.map((o) => [l.akimat(o.akimatId), l.region(o.regionCode), o.n, l.dateTime(o.oldest)]),
        l.m('total'),
        [2],
        (i) => (i === 3 ? l.dateTime(new Date(Math.min(...f.overdue.map((o) => o.oldest.getTime())))) : '—'),
      ),
    },
    {
      id: 'refusals',
      title: l.m('refusals.title'),
      header: [l.m('refusals.reason'), l.m('refusals.n')],
      ...withTotals(
        s.refusals.map((r) => [l.reason(r.key), r.n]),
        l.m('total'),
        [1],
      ),
    },
    {
      id: 'segments',
      title: l.m('segments.title'),
      header: [l.m('segments.kind'), l.m('segments.n')],
      ...withTotals(
        s.segments.map((x) => [l.m(`segments.${x.segment}`), x.n]),
        l.m('total'),
        [1],
      ),
    },
    {
      id: 'registries',
      title: l.m('registries.title'),
      header: [l.m('registries.system'), l.m('registries.calls'), l.m('registries.errors'), l.m('registries.outages')],
      ...withTotals(
        f.registries.failures.map((r) => [l.system(r.system), r.calls, r.errors, r.outages]),
        l.m('total'),
        [1, 2, 3],
      ),
    },
    {
      id: 'outages',
      title: l.m('registries.outagesTitle'),
      header: [l.m('registries.system'), l.m('registries.started'), l.m('registries.ended'), l.m('registries.duration')],
      rows: f.registries.outages.map((o) => [
        l.system(o.system),
        l.dateTime(o.started),
        o.ended ? l.dateTime(o.ended) : l.m('registries.ongoing'),
        l.m('registries.minutes', { minutes: l.number(Math.round(o.ms / 60_000)) }),
      ]),
    },
  ];
  // A pilot without a reviewer's deadline or without two kinds to compare shows a sentence instead of an empty table.
  return tables.filter(
    (t) =>
      (t.id !== 'overdue' || pilotFigures[pilot].awaitingDecision.length > 0) &&
      (t.id !== 'segments' || pilotFigures[pilot].segments.length > 0),
  );
}
