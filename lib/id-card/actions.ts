'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/form-action';
import { kickIdCardProduction } from '@/lib/jobs';
import { payDuty, saveForm, signAndSubmit, uploadPhoto, uploadSignatureSample } from './citizen-service';
import { checkApplicantAtPoint, issueCard } from './officer-service';
import { annul, approve } from './review-service';
import {
  annulSchema,
  formSchema,
  issueCardSchema,
  payDutySchema,
  pointCheckSchema,
  signSchema,
  startSchema,
  uploadSchema,
} from './schemas';
import { startRenewal } from './start-service';

const page = (locale: string, id: string) => `/${locale}/cabinet/id-card/${id}`;

/** Steps 1–7 after the citizen's consent; a draft on success. */
export const startRenewalAction = formAction(['citizen'], startSchema, async ({ ctx, input }) => {
  const { applicationId } = await startRenewal(ctx);
  redirect(page(input.locale, applicationId));
});

/** Step 8. */
export const saveFormAction = formAction(['citizen'], formSchema, async ({ ctx, input }) => {
  await saveForm(ctx, input);
  redirect(`${page(input.locale, input.id)}?saved=form`);
});

/** Steps 9–11: the photo (checked, EXIF stripped, face match). */
export const uploadPhotoAction = formAction(['citizen'], uploadSchema, async ({ ctx, input }) => {
  await uploadPhoto(ctx, { id: input.id, version: input.version, bytes: new Uint8Array(await input.file.arrayBuffer()) });
  redirect(`${page(input.locale, input.id)}?saved=photo`);
});

export const uploadSignatureAction = formAction(['citizen'], uploadSchema, async ({ ctx, input }) => {
  await uploadSignatureSample(ctx, { id: input.id, version: input.version, bytes: new Uint8Array(await input.file.arrayBuffer()) });
  redirect(`${page(input.locale, input.id)}?saved=signature`);
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
