// Query plans at scale (issue 6, part 2): the real dashboard, cabinet and list queries, captured as the portal
// sends them (drizzle's logger), then run again under EXPLAIN (ANALYZE, BUFFERS). Flags a sequential scan on a
// large table and any query over the budget.
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { encodeCursor } from '../lib/applications/cursor';
import * as schema from '../db/schema';

export type PlanReport = { name: string; sql: string; ms: number; seqScans: string[]; ok: boolean };

type Captured = { query: string; params: unknown[] };
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

function seqScans(node: PlanNode, large: Set<string>, out: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && large.has(node['Relation Name'])) out.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, large, out);
  return out;
}

export async function explainAll(sql: postgres.Sql, budgetMs: number, largeRows = 100_000): Promise<PlanReport[]> {
  const captured: Captured[] = [];
  const db = drizzle(sql, {
    schema,
    logger: {
      logQuery: (query, params) => {
        captured.push({ query, params });
      },
    },
  });
  // The portal's `@/db` is this capturing instance while the plans are taken (db/index.ts keeps one per process).
  const global = globalThis as unknown as { qyzmetDb?: unknown };
  const previous = global.qyzmetDb;
  global.qyzmetDb = { client: sql, db };
  try {
    return await explainCases(sql, db, captured, budgetMs, largeRows);
  } finally {
    global.qyzmetDb = previous;
  }
}

async function explainCases(
  sql: postgres.Sql,
  db: ReturnType<typeof drizzle<typeof schema>>,
  captured: Captured[],
  budgetMs: number,
  largeRows: number,
) {
  const [
    { listQueue, countByStatus, listForPerson },
    { listDealerRegistrations },
    { umsQueue, umsCounts },
    { digitalDocumentsFor },
    { timelineOf },
    { akimatDashboard, dashboardCounts },
    { loadWorkCalendar },
    { cohortRows, overdueNow, registryFailures },
    { monitoringFilterSchema },
  ] = await Promise.all([
    import('../lib/applications/queries'),
    import('../lib/vehicle-registration/queries'),
    import('../lib/id-card/queries'),
    import('../lib/applications/digital-documents'),
    import('../lib/applications/timeline'),
    import('../lib/machinery/dashboard'),
    import('../lib/calendar/work-calendar'),
    import('../lib/monitoring/queries'),
    import('../lib/monitoring/filters'),
  ]);
  const large = new Set(
    (await sql<{ relname: string }[]>`select relname from pg_stat_user_tables where n_live_tup > ${largeRows}`).map((r) => r.relname),
  );
  const [sample] = await sql<{ id: string; iin: string; region: string; bin: string | null; created: Date }[]>`
    select id, applicant_iin as iin, region_code as region, dealer_bin as bin, created_at as created from applications where number like 'BN-%' and pilot = 'vehicle' order by created_at desc limit 1`;
  const [deep] = await sql<
    { at: Date; id: string }[]
  >`select created_at as at, id from applications where pilot = 'id_card' and region_code = ${sample!.region} and status = 'under_review' order by created_at, id offset 2000 limit 1`;
  // The busiest machinery akimat (orders 001/004, p.14): its dashboard's first page, a deep page and its counts.
  const [akimat] = await sql<{ id: number }[]>`
    select akimat_id as id from applications where pilot = 'machinery' and status = 'under_review' group by akimat_id order by count(*) desc limit 1`;
  const [deepMachinery] = await sql<{ at: Date; id: string }[]>`
    select submitted_at as at, id from applications where pilot = 'machinery' and akimat_id = ${akimat?.id ?? 0} and status = 'under_review' order by submitted_at, id offset 2000 limit 1`;
  const calendar = await loadWorkCalendar(db);
  const machineryCases: [string, () => Promise<unknown>][] = akimat
    ? [
        ['akimat dashboard, first page', () => akimatDashboard(db, calendar, { akimatId: akimat.id, limit: 20 })],
        [
          'akimat dashboard, deep page',
          () =>
            akimatDashboard(db, calendar, {
              akimatId: akimat.id,
              limit: 20,
              after: deepMachinery ? encodeCursor({ at: new Date(deepMachinery.at).toISOString(), id: deepMachinery.id }) : undefined,
            }),
        ],
        ['akimat dashboard, search by number', () => akimatDashboard(db, calendar, { akimatId: akimat.id, q: 'BN-000000003' })],
        ['akimat dashboard counts', () => dashboardCounts(db, akimat.id)],
      ]
    : [];
  // The supervisor's page (issue 17): its default period (the last 28 days), all regions and one region.
  const monitoring = (pilot: 'vehicle' | 'machinery', region?: string) => monitoringFilterSchema.parse({ pilot, region });
  const monitoringCases: [string, () => Promise<unknown>][] = [
    ['monitoring: vehicle cohort, all regions, 28 days', () => cohortRows(db, monitoring('vehicle'))],
    ['monitoring: vehicle cohort, one region, 28 days', () => cohortRows(db, monitoring('vehicle', sample!.region))],
    ['monitoring: machinery overdue now', () => overdueNow(db, monitoring('machinery'), new Date())],
    ['monitoring: registry failures and outages, 28 days', () => registryFailures(db, monitoring('machinery'), new Date())],
  ];
  const cases: [string, () => Promise<unknown>][] = [
    ...machineryCases,
    ...monitoringCases,
    ['ums dashboard, first page', () => umsQueue(db, { regionCode: sample!.region, statuses: ['under_review'], limit: 25 })],
    [
      'ums dashboard, deep page',
      () =>
        umsQueue(db, {
          regionCode: sample!.region,
          statuses: ['under_review'],
          limit: 25,
          after: deep ? { at: new Date(deep.at).toISOString(), id: deep.id } : undefined,
        }),
    ],
    ['ums counts by status', () => umsCounts(db, sample!.region)],
    [
      'staff queue (akimat/CON/reception), first page',
      () =>
        listQueue({ pilot: 'vehicle', scope: { regionCode: sample!.region }, statuses: ['ready_for_pickup'], order: 'oldest', limit: 25 }),
    ],
    ['staff counts by status', () => countByStatus('vehicle', { regionCode: sample!.region })],
    ['dealer list, first page', () => listDealerRegistrations({ dealerBin: sample!.bin ?? '', limit: 25 })],
    ['dealer search by VIN', () => listDealerRegistrations({ dealerBin: sample!.bin ?? '', search: 'ABCDEFGHJK1234567', limit: 25 })],
    ['citizen cabinet, my applications', () => listForPerson(sample!.iin, 20)],
    ['citizen digital documents', () => digitalDocumentsFor(sample!.iin)],
    ['application timeline', () => timelineOf(sample!.id)],
  ];
  const reports: PlanReport[] = [];
  for (const [name, run] of cases) {
    captured.length = 0;
    await run();
    for (const q of captured) {
      const [row] = await sql.unsafe(`explain (analyze, buffers, format json) ${q.query}`, q.params as never[]);
      const plan = (row as unknown as { 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] })['QUERY PLAN'][0];
      const scans = seqScans(plan.Plan, large);
      reports.push({
        name,
        sql: q.query,
        ms: plan['Execution Time'],
        seqScans: scans,
        ok: scans.length === 0 && plan['Execution Time'] <= budgetMs,
      });
    }
  }
  return reports;
}
