import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { applications } from '@/db/schema/applications';
import { vehicleApplications } from '@/db/schema/vehicle';
import type { Cursor } from '@/lib/applications/cursor';
import { afterCursor, cursorInstant, keysetOrderBy, keysetPage } from '@/lib/applications/keyset';
import type { Actor, Grant } from '@/lib/auth/actor';
import { getRegistries } from '@/lib/registries';
import { centreOf, detailsOptions, feeBill, plateTypeOf } from './buyer-queries';
import { buyerApplication, buyerDocumentOf } from './buyer-service';
import { findReadyAtCentre, issuanceApplication, queueBoard } from './con-service';
import { dealerApplication, sellerCheck } from './dealer-service';
import type { VehicleApplication } from './load';

export type DealerListQuery = { dealerBin: string; statuses?: readonly string[]; search?: string; limit: number; after?: Cursor };

/**
 * The dealer's registrations, newest first, keyset-paginated on (created_at, id) under the dealer index. The
 * search matches a whole VIN or application number (both are exact identifiers people copy from documents).
 */
export async function listDealerRegistrations(q: DealerListQuery) {
  const term = q.search?.trim().toUpperCase();
  const where: (SQL | undefined)[] = [
    eq(applications.pilot, 'vehicle'),
    eq(applications.dealerBin, q.dealerBin),
    q.statuses?.length ? inArray(applications.status, [...q.statuses]) : undefined,
    // Two index lookups (number, VIN) rather than an OR across the join, which scans both tables at scale.
    term
      ? inArray(
          applications.id,
          sql`(select ${applications.id} from ${applications} where ${applications.number} = ${term}
      union select ${vehicleApplications.applicationId} from ${vehicleApplications} where ${vehicleApplications.vin} = ${term})`,
        )
      : undefined,
    afterCursor(applications.createdAt, applications.id, 'desc', q.after),
  ];
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      createdAt: applications.createdAt,
      vin: vehicleApplications.vin,
      vehicle: vehicleApplications.vehicle,
      buyerIin: vehicleApplications.buyerIin,
      cursorAt: cursorInstant(applications.createdAt),
    })
    .from(applications)
    .innerJoin(vehicleApplications, eq(vehicleApplications.applicationId, applications.id))
    .where(and(...where))
    .orderBy(...keysetOrderBy(applications.createdAt, applications.id, 'desc'))
    .limit(q.limit + 1);
  return keysetPage(rows, q.limit);
}

// The pages' reads. Services take `db` and the registries as parameters (tests pass their own); these bind the
// portal's, so that app/ never imports `@/db`. Each is the one call the page made before, unchanged.

/** Step 1 for the dealer's organisation (may it sell vehicles?), asked of the business registry. */
export const sellerCheckFor = (dealerBin: string) => sellerCheck(db, getRegistries(db), dealerBin);

export const dealerApplicationFor = (actor: Actor, grant: Grant, id: string) => dealerApplication(db, grant, id, actor);

export const buyerApplicationFor = (actor: Actor, id: string) => buyerApplication(db, actor, id);

export const pickupCentreOf = (centreId: number | null) => centreOf(db, centreId);

export const plateTypeNameOf = (code: string | null) => plateTypeOf(db, code);

export const feeBillFor = (plateType: string) => feeBill(db, plateType);

/** The buyer's choices (centres, plate types, phone) for step 12; registry calls are logged under the application. */
export const detailsOptionsFor = (applicationId: string, iin: string) => detailsOptions(db, getRegistries(db, { applicationId }), iin);

export const buyerDocumentFor = (app: VehicleApplication) => buyerDocumentOf(db, app);

/** Reception's search: the person's application ready at this centre (the registries identify the person). */
export const readyAtCentre = (actor: Actor, grant: Grant, query: string) =>
  findReadyAtCentre({ db, registries: getRegistries(db), actor, grant }, query);

export const issuanceApplicationFor = (actor: Actor, grant: Grant, idOrNumber: string) => issuanceApplication(db, grant, idOrNumber, actor);

export const queueBoardOf = (serviceCentreId: number) => queueBoard(db, serviceCentreId);
