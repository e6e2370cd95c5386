import 'server-only';
import { eq } from 'drizzle-orm';
import { applicationParties, applications } from '@/db/schema/applications';
import { audit } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import type { ServiceContext } from '@/lib/service-context';
import { partiesOf, tieToParties } from './separation';

/**
 * Separation of duties (issue 14): an officer never decides or issues an application they are a party to, nor one
 * of a parent, child, spouse or sibling as ZAGS records them. The parties are the application's applicant and its
 * recorded parties (buyer, owner, representative), plus any the caller names from its own tables. If ZAGS does not
 * answer the decision is refused with "try later" (fail closed). Every refusal is audited, without IINs, outside
 * any transaction so it outlives the refused request.
 */
export async function assertSeparation(
  ctx: Pick<ServiceContext, 'db' | 'registries' | 'actor' | 'grant'>,
  applicationId: string,
  step: string,
  extraParties: readonly (string | null | undefined)[] = [],
): Promise<void> {
  const [core] = await ctx.db.select({ applicant: applications.applicantIin }).from(applications).where(eq(applications.id, applicationId));
  const recorded = await ctx.db
    .select({ iin: applicationParties.iin })
    .from(applicationParties)
    .where(eq(applicationParties.applicationId, applicationId));
  const parties = partiesOf(core?.applicant, ...recorded.map((r) => r.iin), ...extraParties);
  const deny = async (reason: string, code: string): Promise<never> => {
    await audit(ctx.db, ctx.actor, ctx.grant, { action: 'separation.denied', applicationId, data: { step, reason } });
    throw new DomainError(code);
  };
  let found: Awaited<ReturnType<typeof tieToParties>>;
  try {
    found = await tieToParties(ctx.registries.zags, ctx.actor.iin, parties);
  } catch (e) {
    if (!isRegistryUnavailable(e)) throw e;
    return deny('zags_unavailable', 'separation_check_unavailable');
  }
  if (!found) return;
  return found.tie === 'self' ? deny('own_application', 'separation_own_application') : deny(found.tie, 'separation_relative');
}
