import 'server-only';
import { inArray } from 'drizzle-orm';
import { db } from '@/db';
import { akimats } from '@/db/schema/reference';
import type { Actor, Grant } from '@/lib/auth/actor';
import { audit } from '@/lib/audit';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { figuresCache } from './cache';
import type { MonitoringFilter } from './filters';
import { monitoringFigures } from './queries';

const cached = figuresCache<Awaited<ReturnType<typeof monitoringFigures>>>(60_000, 200);

/**
 * The supervisor's figures for a page view or a CSV download: one audit row per view (aggregates only, so no subject),
 * then the read (at most a minute old: lib/monitoring/cache.ts; `now` is when it was computed). The caller has already checked the role (requireArea / the route's grant check).
 */
export async function viewMonitoring(actor: Actor, grant: Grant, filter: MonitoringFilter, what: 'page' | `csv:${string}`) {
  await audit(db, actor, grant, { action: what === 'page' ? 'monitoring.view' : 'monitoring.csv', data: { ...filter, what } });
  const { value: figures, at: now } = await cached(JSON.stringify(filter), async () =>
    monitoringFigures(db, filter, await loadWorkCalendar(db), new Date()),
  );
  const ids = [...new Set(figures.overdue.map((o) => o.akimatId).filter((id): id is number => id !== null))];
  const names = ids.length
    ? await db.select({ id: akimats.id, nameKk: akimats.nameKk, nameRu: akimats.nameRu }).from(akimats).where(inArray(akimats.id, ids))
    : [];
  return { figures, akimats: new Map(names.map((a) => [a.id, a])), now };
}
