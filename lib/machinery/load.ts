import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { machineryApplications } from '@/db/schema/machinery';
import { akimats, serviceCentres } from '@/db/schema/reference';
import type { ScopedView } from '@/lib/applications/scope';

/**
 * A machinery application (orders 001/004): the common core, its machinery part, and what its review and the SMS
 * of p.11 need about its akimat (the region its plates carry) and its CON (where the result is collected). One query.
 */
export async function loadMachinery(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      version: applications.version,
      applicantIin: applications.applicantIin,
      akimatId: applications.akimatId,
      serviceCentreId: applications.serviceCentreId,
      createdAt: applications.createdAt,
      submittedAt: applications.submittedAt,
      deadlineAt: applications.deadlineAt,
      decidedAt: applications.decidedAt,
      machinery: machineryApplications,
      akimat: { regionCode: akimats.regionCode, nameKk: akimats.nameKk, nameRu: akimats.nameRu },
      centre: {
        nameKk: serviceCentres.nameKk,
        nameRu: serviceCentres.nameRu,
        addressKk: serviceCentres.addressKk,
        addressRu: serviceCentres.addressRu,
        hoursKk: serviceCentres.hoursKk,
        hoursRu: serviceCentres.hoursRu,
      },
    })
    .from(applications)
    .innerJoin(machineryApplications, eq(machineryApplications.applicationId, applications.id))
    .leftJoin(akimats, eq(akimats.id, applications.akimatId))
    .leftJoin(serviceCentres, eq(serviceCentres.id, applications.serviceCentreId))
    .where(eq(applications.id, id));
  return row ?? null;
}
export type MachineryApplication = NonNullable<Awaited<ReturnType<typeof loadMachinery>>>;

/** The akimat reviewer's: the applications sent to their akimat (p.9, the akimat of the applicant's district). */
export const akimatView: ScopedView<MachineryApplication> = {
  name: 'machinery.akimat',
  load: loadMachinery,
  scopeOf: (a) => ({ akimatId: a.akimatId }),
};

/** The CON's: the applications taken in at that front office (intake, issuance). */
export const centreView: ScopedView<MachineryApplication> = {
  name: 'machinery.centre',
  load: loadMachinery,
  scopeOf: (a) => ({ serviceCentreId: a.serviceCentreId }),
};

/** Everyone the application concerns, for separation of duties (lib/auth/separation-guard.ts). */
export function partiesOfMachinery(a: {
  applicantIin?: string | null;
  machinery: { ownerIin?: string | null; representativeIin?: string | null; identifiedIin?: string | null };
}): (string | null | undefined)[] {
  return [a.applicantIin, a.machinery.ownerIin, a.machinery.representativeIin, a.machinery.identifiedIin];
}

/** The owner's (and a representative's): what concerns them. */
export const ownerView: ScopedView<MachineryApplication> = {
  name: 'machinery.owner',
  load: loadMachinery,
  scopeOf: (a) => ({
    iins: [a.machinery.ownerIin, a.machinery.representativeIin, a.applicantIin].filter((x): x is string => !!x),
  }),
};
