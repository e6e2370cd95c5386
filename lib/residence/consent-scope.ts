import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import { isUuid, type ScopeContext } from '@/lib/applications/scope';
import { audit } from '@/lib/audit';
import { inScope } from '@/lib/auth/scope';
import { DomainError } from '@/lib/errors';

/** One consent request with the application it is about: what the owner's page and answer need. One query. */
export async function loadConsentCase(db: DbOrTx, consentId: string) {
  const [row] = await db
    .select({
      consent: residenceConsents,
      app: {
        id: applications.id,
        number: applications.number,
        status: applications.status,
        version: applications.version,
      },
      residence: {
        iin: residenceApplications.iin,
        kind: residenceApplications.kind,
        applicantLocale: residenceApplications.applicantLocale,
        cadastralNumber: residenceApplications.cadastralNumber,
        stayFrom: residenceApplications.stayFrom,
        stayUntil: residenceApplications.stayUntil,
      },
    })
    .from(residenceConsents)
    .innerJoin(applications, eq(applications.id, residenceConsents.applicationId))
    .innerJoin(residenceApplications, eq(residenceApplications.applicationId, residenceConsents.applicationId))
    .where(eq(residenceConsents.id, consentId));
  return row ?? null;
}
export type ConsentCase = NonNullable<Awaited<ReturnType<typeof loadConsentCase>>>;

/**
 * A request is the addressed owner's alone: not the applicant's, not another co-owner's (each answers their own),
 * not a stranger's. As `loadInScope` does for applications: a malformed id, a missing one and one out of scope all
 * answer `not_found`, and the refusal is audited under the application it belongs to.
 */
export async function consentInScope(ctx: ScopeContext, consentId: string): Promise<ConsentCase> {
  const c = isUuid(consentId) ? await loadConsentCase(ctx.db, consentId) : null;
  if (!c) throw new DomainError('not_found');
  if (inScope(ctx.grant, { iins: [c.consent.ownerIin] }, ctx.actor?.iin)) return c;
  await audit(ctx.db, ctx.actor, ctx.grant, {
    action: 'access.denied',
    applicationId: c.app.id,
    data: { view: 'residence.consent_owner', consentId },
  });
  throw new DomainError('not_found');
}
