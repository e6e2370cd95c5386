import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { vehicleApplications } from '@/db/schema/vehicle';
import type { ScopedView } from '@/lib/applications/scope';
import { DomainError } from '@/lib/errors';
import { vehicleMachine, type VehicleEvent, type VehicleState } from './machine';

/** The application core and its vehicle part in one row (one query). */
export async function loadVehicleApplication(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      version: applications.version,
      regionCode: applications.regionCode,
      serviceCentreId: applications.serviceCentreId,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      decidedAt: applications.decidedAt,
      vehicleData: vehicleApplications,
    })
    .from(applications)
    .innerJoin(vehicleApplications, eq(vehicleApplications.applicationId, applications.id))
    .where(eq(applications.id, id));
  if (!row) return null;
  const { vehicleData, ...core } = row;
  return { ...vehicleData, ...core };
}

export type VehicleApplication = NonNullable<Awaited<ReturnType<typeof loadVehicleApplication>>>;

/** Before any registry is asked: is the step possible in the application's state at all? */
export function assertEvent(app: VehicleApplication, event: VehicleEvent) {
  if (!vehicleMachine.can(app.status as VehicleState, event)) throw new DomainError('illegal_transition');
}

/** The dealer's applications: those of their BIN. */
export const dealerView: ScopedView<VehicleApplication> = {
  name: 'vehicle.dealer',
  load: loadVehicleApplication,
  scopeOf: (a) => ({ dealerBin: a.dealerBin }),
};

/** The buyer's: theirs once the dealer has signed it (step 10); before that the buyer is no party to it. */
export const buyerView: ScopedView<VehicleApplication> = {
  name: 'vehicle.buyer',
  load: loadVehicleApplication,
  scopeOf: (a) => ({ iins: a.dealerSignatureId && a.buyerIin ? [a.buyerIin] : [] }),
};

/** A CON's (reception, issuance desk): those picked up at it. */
export const centreView: ScopedView<VehicleApplication> = {
  name: 'vehicle.centre',
  load: loadVehicleApplication,
  scopeOf: (a) => ({ serviceCentreId: a.serviceCentreId }),
};
