'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/form-action';
import { kickOutbox } from '@/lib/jobs';
import { chooseDwelling, finishDraft, saveArrivalForm, signResidence, startResidence, withdrawResidence } from './citizen-service';
import { arrivalFormInputSchema, dwellingSchema, signSchema, startSchema, stepSchema } from './citizen-actions-schemas';

const page = (locale: string, id: string, rest = '') => `/${locale}/cabinet/residence/${id}${rest}`;

/** Start a service (a second start opens the first). */
export const startResidenceAction = formAction(['citizen'], startSchema, async ({ ctx, input }) => {
  const { applicationId, existed } = await startResidence(ctx, {
    kind: input.kind,
    locale: input.locale,
    stayFrom: input.kind === 'temporary' ? input.stayFrom : undefined,
    stayUntil: input.kind === 'temporary' ? input.stayUntil : undefined,
  });
  redirect(existed ? page(input.locale, applicationId, '?existing=1') : page(input.locale, applicationId, '/dwelling'));
});

/** The dwelling from the cadastre; Astana's page or the arrival form next. */
export const chooseDwellingAction = formAction(['citizen'], dwellingSchema, async ({ ctx, input }) => {
  const { next } = await chooseDwelling(ctx, input);
  redirect(page(input.locale, input.id, next === 'astana' ? '/astana' : '/form'));
});

/** The statistical arrival form (and the period of a temporary registration). */
export const saveArrivalFormAction = formAction(['citizen'], arrivalFormInputSchema, async ({ ctx, input }) => {
  await saveArrivalForm(ctx, {
    id: input.id,
    version: input.version,
    form: {
      previousAddress: input.previousAddress,
      previousRegionCode: input.previousRegionCode ?? null,
      movingReason: input.movingReason,
      education: input.education,
      occupation: input.occupation,
      maritalStatus: input.maritalStatus,
      nationality: input.nationality ?? null,
    },
    stayFrom: input.stayFrom,
    stayUntil: input.stayUntil,
  });
  redirect(page(input.locale, input.id, '?saved=form'));
});

/** Finish the draft: the other owners are asked, or it is ready to sign. */
export const finishDraftAction = formAction(['citizen'], stepSchema, async ({ ctx, input }) => {
  await finishDraft(ctx, input);
  await kickOutbox();
  redirect(page(input.locale, input.id, '?finished=1'));
});

/** Check the answers and sign with EDS: GBD FL records the address. */
export const signResidenceAction = formAction(['citizen'], signSchema, async ({ ctx, input }) => {
  await signResidence(ctx, input);
  await kickOutbox();
  redirect(page(input.locale, input.id, '?registered=1'));
});

export const withdrawResidenceAction = formAction(['citizen'], stepSchema, async ({ ctx, input }) => {
  await withdrawResidence(ctx, input);
  redirect(page(input.locale, input.id, '?withdrawn=1'));
});
