'use server';

import { redirect } from 'next/navigation';
import { isDemoMode } from '@/lib/auth/config';
import { DomainError } from '@/lib/errors';
import { formAction } from '@/lib/form-action';
import { kickVehicleProcessing } from '@/lib/jobs';
import {
  acceptOffer,
  changeDetails,
  declineOffer,
  payFees,
  payFinesInSimulator,
  recheckFines,
  saveDetails,
  signAsBuyer,
} from './buyer-service';
import { callNext, checkBuyerAtDesk, issueDocuments, issueTicket } from './con-service';
import { cancelByDealer, reopenDraft, setBuyer, signAsSeller, startRegistration } from './dealer-service';
import {
  buyerSchema,
  callNextSchema,
  chosenCentre,
  declineSchema,
  deskCheckSchema,
  detailsSchema,
  issueSchema,
  payFeesSchema,
  signSchema,
  startSchema,
  ticketSchema,
  versionedSchema,
} from './schemas';

const base = (locale: string) => `/${locale}/dealer/vehicle-registrations`;

/** Steps 1–5: the organisation and the VIN; a draft exists only when every check passed. */
export const startRegistrationAction = formAction(['dealer'], startSchema, async ({ ctx, input }) => {
  const app = await startRegistration(ctx, { vin: input.vin });
  redirect(`${base(input.locale)}/${app.id}/buyer`);
});

/** Steps 6–8: the buyer and the sale contract. */
export const setBuyerAction = formAction(['dealer'], buyerSchema, async ({ ctx, input }) => {
  await setBuyer(ctx, input);
  redirect(`${base(input.locale)}/${input.id}`);
});

/** From "check your answers" back to the buyer's IIN. */
export const reopenDraftAction = formAction(['dealer'], versionedSchema, async ({ ctx, input }) => {
  await reopenDraft(ctx, input);
  redirect(`${base(input.locale)}/${input.id}/buyer`);
});

/** Step 9: the dealer's EDS (legal-entity certificate of this BIN). */
export const signAsSellerAction = formAction(['dealer'], signSchema, async ({ ctx, input }) => {
  await signAsSeller(ctx, input);
  redirect(`${base(input.locale)}/${input.id}?signed=1`);
});

export const cancelByDealerAction = formAction(['dealer'], versionedSchema, async ({ ctx, input }) => {
  await cancelByDealer(ctx, input);
  redirect(`${base(input.locale)}/${input.id}`);
});

const cabinet = (locale: string, id: string) => `/${locale}/cabinet/vehicle/${id}`;

/** Step 10: the buyer accepts, and steps 11–14 run. */
export const acceptOfferAction = formAction(['citizen'], versionedSchema, async ({ ctx, input }) => {
  await acceptOffer(ctx, input);
  redirect(cabinet(input.locale, input.id));
});

/** Step 14 again: the buyer has paid the fines and asks ERAP once more. */
export const recheckFinesAction = formAction(['citizen'], versionedSchema, async ({ ctx, input }) => {
  await recheckFines(ctx, input);
  redirect(cabinet(input.locale, input.id));
});

/** Demo mode only: pay the fines in the ERAP simulator, so "pay and submit again" can be tried. */
export const payFinesInSimulatorAction = formAction(['citizen'], versionedSchema, async ({ ctx, input }) => {
  if (!isDemoMode()) throw new DomainError('not_found');
  await payFinesInSimulator(ctx, input);
  redirect(cabinet(input.locale, input.id));
});

export const declineOfferAction = formAction(['citizen'], declineSchema, async ({ ctx, input }) => {
  await declineOffer(ctx, input);
  redirect(cabinet(input.locale, input.id));
});

/** Steps 15–16: pickup CON, plate type, phone. */
export const saveDetailsAction = formAction(['citizen'], detailsSchema, async ({ ctx, input }) => {
  const centreId = chosenCentre(input);
  if (!centreId) throw new DomainError('vehicle_centre_required');
  await saveDetails(ctx, { ...input, centreId });
  redirect(cabinet(input.locale, input.id));
});

export const changeDetailsAction = formAction(['citizen'], versionedSchema, async ({ ctx, input }) => {
  await changeDetails(ctx, input);
  redirect(cabinet(input.locale, input.id));
});

/** Step 17: to the payment gateway's page (the same open invoice on a second click). */
export const payFeesAction = formAction(['citizen'], payFeesSchema, async ({ ctx, input }) => {
  const { payUrl } = await payFees(ctx, input);
  // The simulator's page is on the portal (locale-prefixed); a real gateway's URL is absolute.
  redirect(payUrl.startsWith('/') ? `/${input.locale}${payUrl}` : payUrl);
});

/** Step 18: the buyer's EDS over the whole application; step 19 runs as a job. */
export const signAsBuyerAction = formAction(['citizen'], signSchema, async ({ ctx, input }) => {
  await signAsBuyer(ctx, input);
  await kickVehicleProcessing(input.id);
  redirect(`${cabinet(input.locale, input.id)}?signed=1`);
});

/** Chapter 2, reception: a queue ticket for the issuance of registration documents. */
export const issueTicketAction = formAction(['con_reception'], ticketSchema, async ({ ctx, input }) => {
  const ticket = await issueTicket(ctx, input);
  return { ok: true, data: { code: ticket.code } };
});

/** Chapter 2, issuance desk: call the next ticket and open its application. */
export const callNextAction = formAction(['con_issuance'], callNextSchema, async ({ ctx, input }) => {
  const ticket = await callNext(ctx);
  redirect(`/${input.locale}/issuance/${ticket.applicationId}?ticket=${ticket.code}`);
});

/** Chapter 2, p.9: the presented document against GBD FL; the desk then sees the buyer's photo and IIN. */
export const checkBuyerAtDeskAction = formAction(['con_issuance'], deskCheckSchema, async ({ ctx, input }) => {
  const person = await checkBuyerAtDesk(ctx, input);
  return { ok: true, data: person };
});

/** Chapter 2, issuance desk: the SRTS and plates handed to the buyer in person. */
export const issueDocumentsAction = formAction(['con_issuance'], issueSchema, async ({ ctx, input }) => {
  await issueDocuments(ctx, input);
  redirect(`/${input.locale}/issuance/${input.id}?issued=1`);
});
