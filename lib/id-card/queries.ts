import 'server-only';
import { and, count, eq, gte, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import { db as portalDb } from '@/db';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { feeExemptions, idCardApplications } from '@/db/schema/id-card';
import { payments } from '@/db/schema/payments';
import { users } from '@/db/schema/people';
import { pilotSettings } from '@/db/schema/reference';
import type { Cursor } from '@/lib/applications/cursor';
import { afterCursor, cursorInstant, keysetOrderBy, keysetPage } from '@/lib/applications/keyset';
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
import type { QueueSort } from './queue-filters';
import { openRenewalOf } from './start-service';

/** Step 15's duty: 0.2 MRP of the current year, in tiyn. */
export async function feeBillOf(db: DbOrTx, year = localYear()) {
  const bill = await billFor(db, dutyFeeCodes, year);
  return bill && { amountTiyn: bill.totalTiyn, mrpTenge: bill.mrpTenge, year };
}

export type UmsQueueQuery = {
  regionCode: string;
  statuses: readonly string[];
  /** deadline: nearest decision deadline first; oldest / newest: by submission (lib/id-card/queue-filters.ts). */
  sort?: QueueSort;
  registrationPointId?: number;
  /** Submitted at or after `from`, before `to` (the instants of local midnights). */
  from?: Date;
  to?: Date;
  ticket?: string;
  limit: number;
  after?: Cursor;
};

/**
 * The UMS DP queue of one region (SPEC §5 step 17), keyset-paginated on (pilot, region, status, deadline or
 * submission, id) — the `applications_region_deadline` / `_submitted` indexes; filters by status, registration
 * point and submission day; search by RP DRN ticket. Never another region's. The applicant's name comes in the
 * same query (their account), so a page of 25 is one round trip.
 */
export async function umsQueue(db: DbOrTx, q: UmsQueueQuery) {
  const sort = q.sort ?? 'deadline';
  const at = sort === 'deadline' ? applications.deadlineAt : applications.submittedAt;
  const order = sort === 'newest' ? 'desc' : 'asc';
  const where: (SQL | undefined)[] = [
    eq(applications.pilot, 'id_card'),
    eq(applications.regionCode, q.regionCode),
    inArray(applications.status, [...q.statuses]),
    isNotNull(at),
    q.registrationPointId ? eq(applications.registrationPointId, q.registrationPointId) : undefined,
    q.from ? gte(applications.submittedAt, q.from) : undefined,
    q.to ? lt(applications.submittedAt, q.to) : undefined,
    q.ticket ? eq(idCardApplications.rpDrnTicket, q.ticket) : undefined,
    // The cursor keeps PostgreSQL's microseconds: through a JS Date (milliseconds) the last row of a page would
    // compare as later than itself and come again on the next page.
    afterCursor(at, applications.id, order, q.after),
  ];
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      createdAt: applications.createdAt,
      cursorAt: cursorInstant(at),
      submittedAt: applications.submittedAt,
      deadlineAt: applications.deadlineAt,
      iin: idCardApplications.iin,
      surname: users.surname,
      givenName: users.givenName,
      ticket: idCardApplications.rpDrnTicket,
      exemptStatus: idCardApplications.exemptStatus,
      registrationPointId: applications.registrationPointId,
    })
    .from(applications)
    .innerJoin(idCardApplications, eq(idCardApplications.applicationId, applications.id))
    .leftJoin(users, eq(users.id, applications.applicantUserId))
    .where(and(...where))
    .orderBy(...keysetOrderBy(at, applications.id, order))
    .limit(q.limit + 1);
  return keysetPage(rows, q.limit);
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
