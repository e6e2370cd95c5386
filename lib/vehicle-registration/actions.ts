'use server';

import { redirect } from 'next/navigation';
import { db } from '@/db';
import { formAction } from '@/lib/form-action';
import { getRegistries } from '@/lib/registries';
import { cancelByDealer, reopenDraft, setBuyer, signAsSeller, startRegistration } from './dealer-service';
import { buyerSchema, signSchema, startSchema, versionedSchema } from './schemas';

const base = (locale: string) => `/${locale}/dealer/vehicle-registrations`;

/** Steps 1–5: the organisation and the VIN; a draft exists only when every check passed. */
export const startRegistrationAction = formAction(['dealer'], startSchema, async ({ actor, grant, input }) => {
  const app = await startRegistration({ db, registries: getRegistries(db), actor, grant }, { vin: input.vin });
  redirect(`${base(input.locale)}/${app.id}/buyer`);
});

/** Steps 6–8: the buyer and the sale contract. */
export const setBuyerAction = formAction(['dealer'], buyerSchema, async ({ actor, grant, input }) => {
  await setBuyer({ db, registries: getRegistries(db, { applicationId: input.id }), actor, grant }, input);
  redirect(`${base(input.locale)}/${input.id}`);
});

/** From "check your answers" back to the buyer's IIN. */
export const reopenDraftAction = formAction(['dealer'], versionedSchema, async ({ actor, grant, input }) => {
  await reopenDraft({ db, registries: getRegistries(db), actor, grant }, input);
  redirect(`${base(input.locale)}/${input.id}/buyer`);
});

/** Step 9: the dealer's EDS (legal-entity certificate of this BIN). */
export const signAsSellerAction = formAction(['dealer'], signSchema, async ({ actor, grant, input }) => {
  await signAsSeller({ db, registries: getRegistries(db), actor, grant }, input);
  redirect(`${base(input.locale)}/${input.id}?signed=1`);
});

export const cancelByDealerAction = formAction(['dealer'], versionedSchema, async ({ actor, grant, input }) => {
  await cancelByDealer({ db, registries: getRegistries(db), actor, grant }, input);
  redirect(`${base(input.locale)}/${input.id}`);
});
