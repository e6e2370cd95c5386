import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { vehicleApplications } from '@/db/schema/vehicle';

/** The application core and its vehicle part in one row (one query). */
export async function loadVehicleApplication(db: DbOrTx, id: string) {
  const [row] = await db.select({
    id: applications.id, number: applications.number, status: applications.status, version: applications.version,
    regionCode: applications.regionCode, serviceCentreId: applications.serviceCentreId, createdAt: applications.createdAt,
    updatedAt: applications.updatedAt, submittedAt: applications.submittedAt, decidedAt: applications.decidedAt,
    vehicleData: vehicleApplications,
  }).from(applications).innerJoin(vehicleApplications, eq(vehicleApplications.applicationId, applications.id))
    .where(eq(applications.id, id));
  if (!row) return null;
  const { vehicleData, ...core } = row;
  return { ...vehicleData, ...core };
}

export type VehicleApplication = NonNullable<Awaited<ReturnType<typeof loadVehicleApplication>>>;
