import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import type { ScopedView } from '@/lib/applications/scope';

/** A residence application (order 003): the common core, its residence part and its consent requests. Two queries. */
export async function loadResidence(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      version: applications.version,
      applicantIin: applications.applicantIin,
      regionCode: applications.regionCode,
      serviceCentreId: applications.serviceCentreId,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      decidedAt: applications.decidedAt,
      residence: residenceApplications,
    })
    .from(applications)
    .innerJoin(residenceApplications, eq(residenceApplications.applicationId, applications.id))
    .where(eq(applications.id, id));
  if (!row) return null;
  const consents = await db
    .select()
    .from(residenceConsents)
    .where(eq(residenceConsents.applicationId, id))
    .orderBy(asc(residenceConsents.ownerIin));
  return { ...row, consents };
}
export type ResidenceApplication = NonNullable<Awaited<ReturnType<typeof loadResidence>>>;

/** The applicant's own: matched on their IIN only. */
export const applicantView: ScopedView<ResidenceApplication> = {
  name: 'residence.applicant',
  load: loadResidence,
  scopeOf: (a) => ({ iins: [a.residence.iin] }),
};

/** An owner asked for consent sees the application they are asked about, and nothing else of the applicant's. */
export const ownerView: ScopedView<ResidenceApplication> = {
  name: 'residence.owner',
  load: loadResidence,
  scopeOf: (a) => ({ iins: a.consents.map((c) => c.ownerIin) }),
};

/** The CON that formed it (p.7). */
export const centreView: ScopedView<ResidenceApplication> = {
  name: 'residence.centre',
  load: loadResidence,
  scopeOf: (a) => ({ serviceCentreId: a.serviceCentreId }),
};
