'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/form-action';
import { kickOutbox } from '@/lib/jobs';
import { DECLINE_REASON_MAX, DECLINE_REASON_MIN } from './consent-rules';
import { answerConsent } from './consent-service';

const consentId = z.uuid('invalid_value');
const version = z.coerce.number().int().positive();
const locale = z.enum(['kk', 'ru']);
const cms = z.string().min(16, 'signature_malformed').max(200_000, 'signature_malformed');

const consentSchema = z.object({ consentId, version, locale, cms });
const declineSchema = z.object({
  consentId,
  version,
  locale,
  // The same rule and codes as the service's (lib/residence/consent-rules.ts), here so the field shows its error.
  reason: z
    .string()
    .trim()
    .min(1, 'residence_consent_reason_required')
    .min(DECLINE_REASON_MIN, 'residence_consent_reason_short')
    .max(DECLINE_REASON_MAX, 'residence_consent_reason_long'),
});

const page = (l: string, id: string, answered: string) => `/${l}/cabinet/consents/${id}?answered=${answered}`;

/** SPEC §6: the owner consents with EDS over the consent document; the service checks it is their request. */
export const consentAction = formAction(['citizen'], consentSchema, async ({ ctx, input }) => {
  await answerConsent(ctx, { ...input, answer: 'consent' });
  // The applicant's SMS and notification now, not at the next minute's sweep (best effort).
  await kickOutbox();
  redirect(page(input.locale, input.consentId, 'consented'));
});

/** SPEC §6: the owner refuses with a reason the applicant reads; the application ends. */
export const declineConsentAction = formAction(['citizen'], declineSchema, async ({ ctx, input }) => {
  await answerConsent(ctx, { ...input, answer: 'decline' });
  await kickOutbox();
  redirect(page(input.locale, input.consentId, 'declined'));
});
