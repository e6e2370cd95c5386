'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/form-action';
import { kickIdCardProduction } from '@/lib/jobs';
import { enforceRateLimit } from '@/lib/rate-limit';
import { payDuty, saveForm, signAndSubmit } from './citizen-service';
import { checkApplicantAtPoint, issueCard } from './officer-service';
import { annul, approve } from './review-service';
import {
  annulSchema,
  askConsentSchema,
  formSchema,
  issueCardSchema,
  payDutySchema,
  pointCheckSchema,
  refuseConsentSchema,
  signSchema,
  startSchema,
  withdrawSchema,
} from './schemas';
import { answerConsent, askConsent, startRenewal } from './start-service';
import { withdrawRenewal } from './withdraw-service';

const page = (locale: string, id: string) => `/${locale}/cabinet/id-card/${id}`;

/** Step 1: the request goes to the consent service; the page then shows it for the citizen to answer. */
export const askConsentAction = formAction(['citizen'], askConsentSchema, async ({ ctx, input }) => {
  const { consentId } = await askConsent(ctx);
  redirect(`/${input.locale}/cabinet/id-card?consent=${consentId}`);
});

/** The citizen refuses the request: the service cannot go on (the message says where to go instead). */
export const refuseConsentAction = formAction(['citizen'], refuseConsentSchema, async ({ ctx, input }) => {
  await answerConsent(ctx, { consentId: input.consentId, answer: 'refuse' });
  return { ok: false, code: 'id_card_consent_refused' };
});

/** The citizen confirms the request, then steps 1–7 with the phone they gave; a draft on success. */
export const startRenewalAction = formAction(['citizen'], startSchema, async ({ ctx, input }) => {
  if (input.liveness) await enforceRateLimit('upload', { iin: ctx.actor.iin });
  await answerConsent(ctx, { consentId: input.consentId, answer: 'grant' });
  const livenessSample = input.liveness ? new Uint8Array(await input.liveness.arrayBuffer()) : undefined;
  const { applicationId } = await startRenewal(ctx, { consentId: input.consentId, phone: input.phone, livenessSample });
  redirect(page(input.locale, applicationId));
});

/** The citizen withdraws a draft or an unpaid application. */
export const withdrawRenewalAction = formAction(['citizen'], withdrawSchema, async ({ ctx, input }) => {
  await withdrawRenewal(ctx, input);
  redirect(`${page(input.locale, input.id)}?withdrawn=1`);
});

/** Step 8. */
export const saveFormAction = formAction(['citizen'], formSchema, async ({ ctx, input }) => {
  await saveForm(ctx, input);
  redirect(`${page(input.locale, input.id)}?saved=form`);
});

/** Steps 12–15: the citizen's EDS, then RP DRN and AIS SIK. */
export const signAndSubmitAction = formAction(['citizen'], signSchema, async ({ ctx, input }) => {
  await signAndSubmit(ctx, input);
  redirect(`${page(input.locale, input.id)}?submitted=1`);
});

/** Step 15: the state duty through the gateway. */
export const payDutyAction = formAction(['citizen'], payDutySchema, async ({ ctx, input }) => {
  const { payUrl } = await payDuty(ctx, input);
  redirect(payUrl.startsWith('/') ? `/${input.locale}${payUrl}` : payUrl);
});

/** Step 18, approve with the reviewer's EDS; production starts as a job. */
export const approveAction = formAction(['ums_reviewer'], signSchema, async ({ ctx, input }) => {
  await approve(ctx, input);
  await kickIdCardProduction();
  redirect(`/${input.locale}/ums/id-card/${input.id}?decided=1`);
});

/** Step 18, annul with a reason and a comment. */
export const annulAction = formAction(['ums_reviewer'], annulSchema, async ({ ctx, input }) => {
  await annul(ctx, input);
  redirect(`/${input.locale}/ums/id-card/${input.id}?decided=1`);
});

/** Step 19: the presented document against GBD FL; the officer then sees the applicant's photo and IIN. */
export const checkApplicantAtPointAction = formAction(['migration_officer'], pointCheckSchema, async ({ ctx, input }) => {
  const person = await checkApplicantAtPoint(ctx, input);
  return { ok: true, data: person };
});

/** Step 19: issue in person at the registration point. */
export const issueCardAction = formAction(['migration_officer'], issueCardSchema, async ({ ctx, input }) => {
  await issueCard(ctx, input);
  redirect(`/${input.locale}/registration-point/id-card/${input.id}?issued=1`);
});
