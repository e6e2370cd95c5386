import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { idCardApplications } from '@/db/schema/id-card';
import { pilotSettings } from '@/db/schema/reference';
import { valueOrThrow } from '@/lib/applications/check-run';
import { createApplication, recordChecks } from '@/lib/applications/core';
import { audit } from '@/lib/audit';
import { toLocalDate } from '@/lib/calendar/deadline';
import { localYear } from '@/lib/calendar/local';
import { DomainError } from '@/lib/errors';
import { pilotOpen } from '@/lib/reference/queries';
import { biometricSample } from '@/lib/registries/digital-id/sample';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { checkEligibility } from './check-runs';
import { idCardMachine } from './machine';
import { outageError } from './outage';

/** The person's renewal in progress, if any (one at a time). */
export async function openRenewalOf(db: Db, iin: string) {
  const [row] = await db
    .select()
    .from(idCardApplications)
    .where(and(eq(idCardApplications.iin, iin), isNull(idCardApplications.closedAt)));
  return row ?? null;
}

/**
 * Steps 1–7: the citizen consents (the consent service records the request and their answer), then the
 * registries are asked in the order's sequence. All pass → a draft application exists with the lines on its
 * timeline; any "no" → "go to a CON" with the reason and the lines so far, and nothing is created.
 */
export async function startRenewal(ctx: Ctx, input: { livenessSample?: Uint8Array } = {}) {
  const existing = await openRenewalOf(ctx.db, ctx.actor.iin);
  if (existing) return { applicationId: existing.applicationId, existed: true as const };
  const [settings] = await ctx.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'id_card'));
  const today = toLocalDate(new Date());
  if (!pilotOpen(settings, today)) throw new DomainError('id_card_pilot_closed');
  const minutes = Number(settings!.params.outageMinutes ?? 10);
  const run = await (async () => {
    const consent = await ctx.registries.consent.request(ctx.actor.iin, 'id_card_renewal');
    // The person gives consent on this very page (the button they pressed): the service records the answer.
    await ctx.registries.consent.grant(consent.id);
    await ctx.db.transaction((tx) =>
      audit(tx, ctx.actor, ctx.grant, {
        action: 'consent.granted',
        subjectIin: ctx.actor.iin,
        data: { purpose: 'id_card_renewal', consent: consent.id },
      }),
    );
    // Step 3 gets the camera's capture; a browser without a camera sends none and the capture is simulated (as at
    // the CON desk): the simulator answers from its seed either way.
    const sample = biometricSample(input.livenessSample?.byteLength ? input.livenessSample : randomBytes(64));
    return { consentId: consent.id, eligibility: await checkEligibility(ctx.registries, ctx.actor.iin, today, sample) };
  })().catch((e: unknown) => outageError(ctx.db, e, minutes));
  const { person, phone } = valueOrThrow(run.eligibility);
  if (!settings!.regionCodes.includes(person.permanentAddress!.regionCode)) throw new DomainError('id_card_pilot_closed');
  const doc = person.document;
  return ctx.db
    .transaction(async (tx) => {
      const app = await createApplication(
        tx,
        {
          pilot: 'id_card',
          status: idCardMachine.initial,
          applicantIin: ctx.actor.iin,
          applicantUserId: ctx.actor.userId,
          regionCode: person.permanentAddress!.regionCode,
          year: localYear(),
        },
        ctx.actor,
        ctx.grant,
      );
      await tx.insert(idCardApplications).values({
        applicationId: app.id,
        iin: ctx.actor.iin,
        consentId: run.consentId,
        currentCardNumber: doc.number,
        currentCardIssuedOn: doc.issuedOn,
        currentCardExpiresOn: doc.expiresOn,
        phone,
      });
      await recordChecks(tx, app.id, ctx.actor, ctx.grant, run.eligibility.lines);
      return { applicationId: app.id, existed: false as const };
    })
    .catch((e: unknown) => {
      // Two tabs starting at once: the partial unique index keeps one renewal per person.
      if (e && typeof e === 'object' && 'cause' in e && (e.cause as { code?: string })?.code === '23505')
        throw new DomainError('id_card_already_started');
      throw e;
    });
}
