import { stringify } from 'csv-stringify/sync';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { routing } from '@/i18n/routing';
import { areaRoles } from '@/lib/auth/access';
import { grantFor } from '@/lib/auth/scope';
import { getActor } from '@/lib/auth/session';
import { parseFilter } from '@/lib/monitoring/filters';
import { monitoringLabels } from '@/lib/monitoring/labels';
import { monitoringTables, tableIds } from '@/lib/monitoring/tables';
import { viewMonitoring } from '@/lib/monitoring/view';
import { allRegions } from '@/lib/reference/queries';

const paramsSchema = z.object({ locale: z.enum(routing.locales), table: z.enum(tableIds) });

/** One table of the supervisor's page as CSV (the same rows the page shows, in its language), audited like a view. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; table: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse(null, { status: 401 });
  const grant = grantFor(actor.grants, areaRoles.monitoring);
  if (!grant) return new NextResponse(null, { status: 403 });
  const p = paramsSchema.safeParse(await params);
  const filter = parseFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!p.success || !filter.success) return new NextResponse(null, { status: 400 });
  const [view, regionRows] = await Promise.all([viewMonitoring(actor, grant, filter.data, `csv:${p.data.table}`), allRegions()]);
  const labels = await monitoringLabels(p.data.locale, { regions: new Map(regionRows.map((r) => [r.code, r])), akimats: view.akimats });
  const table = monitoringTables(filter.data.pilot, view.figures, labels).find((t) => t.id === p.data.table);
  if (!table) return new NextResponse(null, { status: 404 });
  // A byte-order mark so spreadsheet programs read Kazakh and Russian as UTF-8.
  const csv = '\ufeff' + stringify([table.header, ...table.rows]);
  const f = filter.data;
  return new NextResponse(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="${f.pilot}-${table.id}-${f.from}-${f.to}${f.region ? `-${f.region}` : ''}.csv"`,
    },
  });
}
