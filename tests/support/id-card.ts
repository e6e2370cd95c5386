import { answerConsent, askConsent, openRenewalOf, startRenewal } from '@/lib/id-card/start-service';
import type { ServiceContext } from '@/lib/service-context';

/**
 * Steps 1–7 as the citizen does them: ask the consent service, confirm the request, start with the phone BMG
 * holds for them (or `phone`). A renewal already open is returned as `startRenewal` returns it.
 */
export async function startWithConsent(
  ctx: ServiceContext,
  opts: { phone?: string; answer?: 'grant' | 'refuse'; livenessSample?: Uint8Array } = {},
) {
  if (await openRenewalOf(ctx.db, ctx.actor.iin)) return startRenewal(ctx, { consentId: '0', phone: opts.phone ?? '' });
  const { consentId } = await askConsent(ctx);
  await answerConsent(ctx, { consentId, answer: opts.answer ?? 'grant' });
  // The phone the person would type: the one BMG holds (a BMG outage is the service's to meet, at step 2).
  const phone = opts.phone ?? (await ctx.registries.bmg.findPhone(ctx.actor.iin).catch(() => null)) ?? '+77000000000';
  return startRenewal(ctx, { consentId, phone, livenessSample: opts.livenessSample });
}
