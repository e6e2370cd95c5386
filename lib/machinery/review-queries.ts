import 'server-only';
import { db } from '@/db';
import type { Actor, Grant } from '@/lib/auth/actor';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { getRegistries } from '@/lib/registries';
import { akimatDashboard, dashboardCounts, type DashboardQuery } from './dashboard';
import type { MachineryApplication } from './load';
import { decidersOf, intakeSha256, lookupPlate, recordView, reviewApplication, reviewData } from './review-service';

/** The akimat dashboard of p.14 for a page: counts and one page of the list. */
export async function akimatDashboardOf(grant: Grant, query: Omit<DashboardQuery, 'akimatId'>) {
  if (grant.akimatId == null) return null;
  const akimatId = grant.akimatId;
  const calendar = await loadWorkCalendar(db);
  const [counts, page] = await Promise.all([dashboardCounts(db, akimatId), akimatDashboard(db, calendar, { ...query, akimatId })]);
  return { counts, page };
}

export const reviewApplicationFor = (actor: Actor, grant: Grant, id: string) => reviewApplication(db, grant, id, actor);
export const recordViewOf = (actor: Actor, grant: Grant, app: MachineryApplication) => recordView(db, actor, grant, app);

/** Everything the review page shows (p.10 (1)–(3)), the e-application's hash the decision binds, who decided. */
export async function reviewPageData(app: MachineryApplication, typedPlate?: string) {
  const registries = getRegistries(db, { applicationId: app.id });
  const [data, sha, deciders, plateLookup] = await Promise.all([
    reviewData(db, registries, app),
    intakeSha256(db, app),
    decidersOf(db, [app.id]),
    typedPlate ? lookupPlate(db, app.akimat?.regionCode ?? '', typedPlate) : Promise.resolve(null),
  ]);
  return { data, applicationSha256: sha, decidedBy: deciders.get(app.id) ?? null, plateLookup };
}
