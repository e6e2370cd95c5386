import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import type { ScopedView } from '@/lib/applications/scope';

/** The application core and its ID-card part (one query). */
export async function loadIdCardApplication(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      version: applications.version,
      regionCode: applications.regionCode,
      registrationPointId: applications.registrationPointId,
      createdAt: applications.createdAt,
      submittedAt: applications.submittedAt,
      decidedAt: applications.decidedAt,
      card: idCardApplications,
    })
    .from(applications)
    .innerJoin(idCardApplications, eq(idCardApplications.applicationId, applications.id))
    .where(eq(applications.id, id));
  return row ?? null;
}
export type IdCardApplication = NonNullable<Awaited<ReturnType<typeof loadIdCardApplication>>>;

/** The citizen's own renewal. */
export const applicantView: ScopedView<IdCardApplication> = {
  name: 'id_card.applicant',
  load: loadIdCardApplication,
  scopeOf: (a) => ({ iins: [a.card.iin] }),
};

/** The UMS DP reviewer's: the applications of their region (step 17 sends each to the region of its point). */
export const reviewerView: ScopedView<IdCardApplication> = {
  name: 'id_card.reviewer',
  load: loadIdCardApplication,
  scopeOf: (a) => ({ regionCode: a.regionCode }),
};

/** The migration officer's: those to be picked up at their registration point (step 19). */
export const officerView: ScopedView<IdCardApplication> = {
  name: 'id_card.officer',
  load: loadIdCardApplication,
  scopeOf: (a) => ({ registrationPointId: a.registrationPointId }),
};
