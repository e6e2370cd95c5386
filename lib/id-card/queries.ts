import 'server-only';
import { and, asc, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { db as portalDb } from '@/db';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { feeExemptions, idCardApplications } from '@/db/schema/id-card';
import { payments } from '@/db/schema/payments';
import { pilotSettings } from '@/db/schema/reference';
import type { Cursor } from '@/lib/applications/cursor';
import type { Actor, Grant } from '@/lib/auth/actor';
import { localYear } from '@/lib/calendar/local';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { applicationDeadline } from '@/lib/ops/deadlines';
import { billFor } from '@/lib/payments/purpose';
import { getRegistries } from '@/lib/registries';
import { citizenApplication, dutyFeeCodes, dutyPurpose, requestDocumentOf } from './citizen-service';
import { decisionDueAt } from './decision-deadline';
import { draftTtlDays } from './draft-expiry-rules';
import type { IdCardApplication } from './load';
import { findAtPoint, officerApplication } from './officer-service';
import { approvalDocumentOf, recordView, reviewerApplication } from './review-service';
import { openRenewalOf } from './start-service';

/** Step 15's duty: 0.2 MRP of the current year, in tiyn. */
export async function feeBillOf(db: DbOrTx, year = localYear()) {
  const bill = await billFor(db, dutyFeeCodes, year);
  return bill && { amountTiyn: bill.totalTiyn, mrpTenge: bill.mrpTenge, year };
}

export type UmsQueueQuery = {
  regionCode: string;
  statuses: readonly string[];
  registrationPointId?: number;
  from?: Date;
  to?: Date;
  ticket?: string;
  limit: number;
  after?: Cursor;
};

/** A cursor's instant as PostgreSQL reads it: our own ISO form (with microseconds) as is, anything else through Date. */
const exactInstant = (at: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at) ? at : new Date(at).toISOString());

/**
 * The UMS DP queue of one region (SPEC §5 step 17): oldest first, keyset-paginated on the region index; filters
 * by status, registration point and date; search by RP DRN ticket. Never another region's.
 */
export async function umsQueue(db: DbOrTx, q: UmsQueueQuery) {
  const where: (SQL | undefined)[] = [
    eq(applications.pilot, 'id_card'),
    eq(applications.regionCode, q.regionCode),
    inArray(applications.status, [...q.statuses]),
    q.registrationPointId ? eq(applications.registrationPointId, q.registrationPointId) : undefined,
    q.from ? gte(applications.createdAt, q.from) : undefined,
    q.to ? lte(applications.createdAt, q.to) : undefined,
    q.ticket ? eq(idCardApplications.rpDrnTicket, q.ticket) : undefined,
    // The cursor keeps PostgreSQL's microseconds: through a JS Date (milliseconds) the last row of a page would
    // compare as later than itself and come again on the next page.
    q.after
      ? sql`(${applications.createdAt}, ${applications.id}) > (${exactInstant(q.after.at)}::timestamptz, ${q.after.id}::uuid)`
      : undefined,
  ];
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      createdAt: applications.createdAt,
      cursorAt: sql<string>`to_char(${applications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      submittedAt: applications.submittedAt,
      iin: idCardApplications.iin,
      ticket: idCardApplications.rpDrnTicket,
      exemptStatus: idCardApplications.exemptStatus,
      registrationPointId: applications.registrationPointId,
    })
    .from(applications)
    .innerJoin(idCardApplications, eq(idCardApplications.applicationId, applications.id))
    .where(and(...where))
    .orderBy(asc(applications.createdAt), asc(applications.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > q.limit && last ? { at: last.cursorAt, id: last.id } : null };
}

export async function umsCounts(db: DbOrTx, regionCode: string) {
  return db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(and(eq(applications.pilot, 'id_card'), eq(applications.regionCode, regionCode)))
    .groupBy(applications.status);
}

/** Whole hours an application has waited (the dashboard's "age" column). */
export function ageHours(since: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
}

// The pages' reads. The functions above take `db` (the bench passes its own); these bind the portal's, so that
// app/ never imports `@/db`. Each is the one call the page made before, unchanged.

export const dutyBill = () => feeBillOf(portalDb);

export const umsQueueOf = (q: UmsQueueQuery) => umsQueue(portalDb, q);

export const umsCountsOf = (regionCode: string) => umsCounts(portalDb, regionCode);

/** The exemption (SPEC: no duty for these statuses) behind a card's `exemptStatus`: zero or one row. */
export const feeExemptionsOf = (status: string) => portalDb.select().from(feeExemptions).where(eq(feeExemptions.status, status));

/** Every duty invoice of the application, oldest first (a declined attempt may precede the paid one). */
export const dutyPaymentsOf = (applicationId: string) =>
  portalDb
    .select()
    .from(payments)
    .where(eq(payments.purposeKey, dutyPurpose(applicationId)))
    .orderBy(payments.createdAt);

export const openRenewalFor = (iin: string) => openRenewalOf(portalDb, iin);

/** The person's registered region (GBD FL), or null when it does not answer: the page then lists no CONs. */
export const registeredRegionOf = (iin: string) =>
  getRegistries(portalDb)
    .gbdFl.findPerson(iin)
    .then(
      (p) => p?.permanentAddress?.regionCode ?? null,
      () => null,
    );

/** The person as GBD FL knows them (photo, names), or null when it does not answer; logged under the application if given. */
export const gbdPersonOf = (iin: string, applicationId?: string) =>
  getRegistries(portalDb, applicationId ? { applicationId } : {})
    .gbdFl.findPerson(iin)
    .catch(() => null);

export const citizenApplicationFor = (actor: Actor, id: string) => citizenApplication(portalDb, actor, id);

export const requestDocumentFor = (app: IdCardApplication, actor: Pick<Actor, 'surname' | 'givenName' | 'patronymic'>) =>
  requestDocumentOf(portalDb, app, actor);

export const reviewerApplicationFor = (actor: Actor, grant: Grant, id: string) => reviewerApplication(portalDb, grant, id, actor);

export const approvalDocumentFor = (app: IdCardApplication, reviewerIin: string) => approvalDocumentOf(portalDb, app, reviewerIin);

/** Opening an application is a view of the person's data: audited (the one write among the pages' reads). */
export const recordViewOf = (actor: Actor, grant: Grant, app: IdCardApplication) => recordView(portalDb, actor, grant, app);

export const officerApplicationFor = (actor: Actor, grant: Grant, id: string) => officerApplication(portalDb, grant, id, actor);

export const findAtPointFor = (grant: Grant, query: string) => findAtPoint(portalDb, grant, query);

/**
 * The one deadline the citizen's page states (issue 17): a draft's expiry while it is a draft (its last change +
 * the pilot's draftTtlDays), UMS DP's decision due while it is under review (one working day from the hand-over).
 */
export async function idCardDeadlineFor(app: IdCardApplication, events: readonly { type: string; at: Date }[]) {
  if (app.status === 'draft') {
    const [[row], [settings]] = await Promise.all([
      portalDb.select({ updatedAt: applications.updatedAt }).from(applications).where(eq(applications.id, app.id)),
      portalDb.select({ params: pilotSettings.params }).from(pilotSettings).where(eq(pilotSettings.pilot, 'id_card')),
    ]);
    const draftExpiresAt = row ? new Date(row.updatedAt.getTime() + draftTtlDays(settings?.params) * 86_400_000) : null;
    return applicationDeadline({ pilot: 'id_card', status: app.status, draftExpiresAt });
  }
  if (app.status === 'under_review') {
    const decision = decisionDueAt(events, await loadWorkCalendar(portalDb));
    return applicationDeadline({ pilot: 'id_card', status: app.status, decisionDueAt: decision });
  }
  return null;
}
