import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { applicationEvents } from '@/db/schema/applications';
import { residenceConsents } from '@/db/schema/residence';
import { transition } from '@/lib/applications/core';
import { audit } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import { notify } from '@/lib/outbox';
import type { ServiceContext } from '@/lib/service-context';
import { recordSignature } from '@/lib/signatures/service';
import { cancelOpenRequests, closeResidence, lockApplication, statusesOf } from './consent-close';
import { consentDetails, ownerNames } from './consent-document';
import { answerEffect, applicationEffect, declineReasonProblem, expiryDue, type ConsentAnswer, type ConsentStatus } from './consent-rules';
import { consentInScope, loadConsentCase, type ConsentCase } from './consent-scope';
import { residenceMachine as machine } from './machine';

export type AnswerInput = {
  consentId: string;
  version: number;
  locale: 'kk' | 'ru';
  answer: ConsentAnswer;
  /** The owner's EDS over the consent document (consent only). */
  cms?: string;
  /** Why the owner refuses (decline only): the applicant reads it. */
  reason?: string;
};

export type AnswerResult = { consent: ConsentStatus; application: string; repeated: boolean };

/** Why a request can no longer be answered, as the error the owner reads. */
function refuseAnswer(c: Pick<ConsentCase['consent'], 'status'>, answer: ConsentAnswer): never | void {
  const effect = answerEffect(c.status, answer);
  if (effect === 'conflict') throw new DomainError('residence_consent_already_answered');
  if (effect === 'closed') throw new DomainError(c.status === 'expired' ? 'residence_consent_expired' : 'residence_consent_closed');
}

/**
 * The owner answers their request (SPEC §6): consent with EDS over exactly what they agree to, or decline with a
 * reason. One transaction under the application's row lock, so co-owners answering at the same moment queue: each
 * answer is recorded, and the application moves once — the last consent makes it ready to sign (the applicant is
 * told), a refusal ends it (the applicant is told why; the other owners' requests are cancelled). The same answer
 * again is a no-op returning the same result; the other answer after one was given is refused.
 */
export async function answerConsent(ctx: ServiceContext, input: AnswerInput): Promise<AnswerResult> {
  const c = await consentInScope(ctx, input.consentId);
  if (answerEffect(c.consent.status, input.answer) === 'same')
    return { consent: c.consent.status, application: c.app.status, repeated: true };
  refuseAnswer(c.consent, input.answer);
  const reason = input.reason?.trim() ?? '';
  if (input.answer === 'decline') {
    const problem = declineReasonProblem(reason);
    if (problem) throw new DomainError(problem, {}, { fieldErrors: { reason: [problem] } });
  } else if (!input.cms) throw new DomainError('signature_malformed');
  // What the owner signed is rebuilt here from the same data as their page showed (outside the lock: registry reads).
  const details = input.answer === 'consent' ? await consentDetails(ctx.registries, c, input.locale) : null;
  // The applicant reads the owner's name (timeline, SMS) in the applicant's language.
  const ownerMasked = (await ownerNames(ctx.registries, [c.consent.ownerIin], c.residence.applicantLocale))[c.consent.ownerIin]!;

  return ctx.db.transaction(async (tx) => {
    const app = await lockApplication(tx, c.app.id);
    const now = new Date();
    // Re-read under the lock: a double submit or the expiry sweep may have got here first.
    const current = await loadConsentCase(tx, c.consent.id);
    if (!app || !current) throw new DomainError('not_found');
    if (answerEffect(current.consent.status, input.answer) === 'same')
      return { consent: current.consent.status, application: app.status, repeated: true };
    refuseAnswer(current.consent, input.answer);
    if (expiryDue(current.consent, now)) throw new DomainError('residence_consent_expired');
    if (app.status !== 'awaiting_owner_consent') throw new DomainError('residence_consent_closed');
    if (current.consent.version !== input.version) throw new DomainError('application_changed');

    const signature = details
      ? await recordSignature(tx, {
          applicationId: c.app.id,
          documentNumber: c.app.number,
          purpose: 'residence.owner_consent',
          document: details.document,
          cms: input.cms!,
          party: { role: 'owner', iin: ctx.actor.iin },
        })
      : null;
    const status = input.answer === 'consent' ? 'consented' : 'declined';
    const [updated] = await tx
      .update(residenceConsents)
      .set({
        status,
        answeredAt: now,
        signatureId: signature?.id ?? null,
        declineReason: input.answer === 'decline' ? reason : null,
        version: sql`${residenceConsents.version} + 1`,
      })
      .where(and(eq(residenceConsents.id, c.consent.id), eq(residenceConsents.version, input.version)))
      .returning({ id: residenceConsents.id });
    if (!updated) throw new DomainError('application_changed');
    const type = status === 'consented' ? 'consent_given' : 'consent_declined';
    await tx.insert(applicationEvents).values({
      applicationId: c.app.id,
      type,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.grant.role,
      data: { consentId: c.consent.id, owner: ownerMasked, ...(signature ? { signature: signature.id } : { reason }) },
    });
    await audit(tx, ctx.actor, ctx.grant, {
      action: `residence.${type}`,
      applicationId: c.app.id,
      subjectIin: c.residence.iin,
      data: { consentId: c.consent.id },
    });

    const effect = applicationEffect(await statusesOf(tx, c.app.id));
    const told = { recipientIin: c.residence.iin, applicationId: c.app.id, locale: c.residence.applicantLocale } as const;
    let next = app.status;
    if (effect === 'all_consented') {
      next = (
        await transition(tx, {
          id: c.app.id,
          expectedVersion: app.version,
          machine,
          event: 'all_consented',
          actor: ctx.actor,
          grant: ctx.grant,
          data: { owner: ownerMasked },
        })
      ).status;
      await notify(tx, `residence:${c.app.id}:all_consented`, {
        ...told,
        kind: 'residence_consent_all_given',
        sms: true,
        params: { number: c.app.number },
      });
    } else if (effect === 'owner_declined') {
      next = (
        await transition(tx, {
          id: c.app.id,
          expectedVersion: app.version,
          machine,
          event: 'owner_declined',
          actor: ctx.actor,
          grant: ctx.grant,
          set: { decidedAt: now },
          data: { owner: ownerMasked, reason },
        })
      ).status;
      await closeResidence(tx, c.app.id, 'owner_declined', { owner: ownerMasked, reason }, now);
      await cancelOpenRequests(tx, c.app.id, c.app.number);
      await notify(tx, `residence:${c.app.id}:owner_declined`, {
        ...told,
        kind: 'residence_consent_declined',
        sms: true,
        params: { number: c.app.number, owner: ownerMasked, reason },
      });
    } else if (status === 'consented') {
      // Not the last one: the applicant sees who has answered, in the cabinet.
      await notify(tx, `residence:consent:${c.consent.id}:given`, {
        ...told,
        kind: 'residence_consent_given',
        params: { number: c.app.number, owner: ownerMasked },
      });
    }
    return { consent: status, application: next, repeated: false };
  });
}
