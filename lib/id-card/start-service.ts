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
import { CONSENT_PURPOSE } from './consent-step';
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

/** The pilot's settings, or "not available" outside its dates (SPEC §1.4). */
async function openSettings(db: Db, today: string) {
  const [settings] = await db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'id_card'));
  if (!settings || !pilotOpen(settings, today)) throw new DomainError('id_card_pilot_closed');
  return settings;
}

/**
 * Step 1, asked: the portal sends its request to the consent service; the citizen answers it on the next screen
 * (`answerConsent`). Nothing is checked until the service says "granted".
 */
export async function askConsent(ctx: Ctx): Promise<{ consentId: string }> {
  const existing = await openRenewalOf(ctx.db, ctx.actor.iin);
  if (existing) throw new DomainError('id_card_already_started');
  await openSettings(ctx.db, toLocalDate(new Date()));
  const { id } = await ctx.registries.consent.request(ctx.actor.iin, CONSENT_PURPOSE);
  await ctx.db.transaction((tx) =>
    audit(tx, ctx.actor, ctx.grant, {
      action: 'consent.requested',
      subjectIin: ctx.actor.iin,
      data: { purpose: CONSENT_PURPOSE, consent: id },
    }),
  );
  return { consentId: id };
}

/**
 * The citizen's answer to the request, passed to the consent service (the simulator stands in for its own
 * confirmation screen). The service keeps the first answer: a standing refusal stays a refusal.
 */
export async function answerConsent(ctx: Ctx, input: { consentId: string; answer: 'grant' | 'refuse' }) {
  const consent = await ctx.registries.consent.status(input.consentId);
  if (!consent || consent.iin !== ctx.actor.iin || consent.purpose !== CONSENT_PURPOSE) throw new DomainError('not_found');
  const after = input.answer === 'grant' ? await ctx.registries.consent.grant(consent.id) : await ctx.registries.consent.refuse(consent.id);
  const status = after?.status ?? consent.status;
  if (status !== consent.status)
    await ctx.db.transaction((tx) =>
      audit(tx, ctx.actor, ctx.grant, {
        action: status === 'granted' ? 'consent.granted' : 'consent.refused',
        subjectIin: ctx.actor.iin,
        data: { purpose: CONSENT_PURPOSE, consent: consent.id },
      }),
    );
  return { status };
}

/**
 * Steps 1–7: the consent service's answer, then the registries in the order's sequence, BMG checking the
 * phone the citizen entered. All pass → a draft application exists with the lines on its timeline; any "no" →
 * "go to a CON" with the reason and the lines so far, and nothing is created.
 */
export async function startRenewal(ctx: Ctx, input: { consentId: string; phone: string; livenessSample?: Uint8Array }) {
  const existing = await openRenewalOf(ctx.db, ctx.actor.iin);
  if (existing) return { applicationId: existing.applicationId, existed: true as const };
  const today = toLocalDate(new Date());
  const settings = await openSettings(ctx.db, today);
  const minutes = Number(settings.params.outageMinutes ?? 10);
  const applicant = { iin: ctx.actor.iin, consentId: input.consentId, phone: input.phone };
  // Step 3 gets the camera's capture; a browser without a camera sends none and the capture is simulated (as at
  // the CON desk): the simulator answers from its seed either way.
  const sample = biometricSample(input.livenessSample?.byteLength ? input.livenessSample : randomBytes(64));
  const run = {
    consentId: input.consentId,
    eligibility: await checkEligibility(ctx.registries, applicant, today, sample).catch((e: unknown) => outageError(ctx.db, e, minutes)),
  };
  const { person, phone } = valueOrThrow(run.eligibility);
  if (!settings.regionCodes.includes(person.permanentAddress!.regionCode)) throw new DomainError('id_card_pilot_closed');
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
