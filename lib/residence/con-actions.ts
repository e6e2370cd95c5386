'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/form-action';
import type { AstanaClaim } from './astana-types';
import {
  callNextResidenceTicket,
  checkOwner,
  formApplication,
  issueResidenceTicket,
  refuseAtDesk,
  saveArrivalForm,
  setAstanaClaim,
  signAndRegister,
} from './con-service';
import {
  arrivalSchema,
  claimSchema,
  formSchema,
  localeSchema,
  ownerCheckSchema,
  receptionTicketSchema,
  refuseSchema,
  signSchema,
} from './con-schemas';

// The CON path's server actions (order 003, p.3–8): reception's ticket is `con_reception`'s, every operating-hall
// step `con_operator`'s; formAction authenticates, authorizes the role and validates, the service checks the CON
// scope, the version and the state, in one transaction with its audit row.

const hall = ['con_operator'] as const;
const appPage = (locale: string, id: string, saved?: string) =>
  `/${locale}/front-office/residence/${id}${saved ? `?saved=${saved}#${saved}` : ''}`;

/** p.4: the operating hall's ticket for a dwelling with a minor or incapable owner. */
export const issueResidenceTicketAction = formAction(['con_reception'], receptionTicketSchema, async ({ ctx, input }) => {
  const ticket = await issueResidenceTicket(ctx, { cadastralNumber: input.cadastralNumber });
  return { ok: true, data: { code: ticket.code } };
});

/** The hall's "call next" → the desk of that ticket. */
export const callNextResidenceAction = formAction(hall, localeSchema, async ({ ctx, input }) => {
  const ticket = await callNextResidenceTicket(ctx);
  redirect(`/${input.locale}/front-office/residence/desk/${ticket.id}`);
});

/** p.6: the owner's IIN checked; the answer (or the warning of p.8) comes back to the desk's form. */
export const checkOwnerAction = formAction(hall, ownerCheckSchema, async ({ ctx, input }) => {
  const check = await checkOwner(ctx, { ticketId: input.ticketId, ownerIin: input.ownerIin });
  return { ok: true, data: check };
});

/** p.7: the representative, the applicant and the service → the application formed at this CON. */
export const formApplicationAction = formAction(hall, formSchema, async ({ ctx, input }) => {
  const { applicationId } = await formApplication(ctx, {
    ticketId: input.ticketId,
    ownerIin: input.ownerIin,
    cadastralNumber: input.cadastralNumber,
    representativeDocument: input.representativeDocument,
    applicantMode: input.applicantMode,
    applicantDocument: input.applicantDocument,
    kind: input.kind,
    stayFrom: input.stayFrom,
    stayUntil: input.stayUntil,
    applicantLocale: input.applicantLocale,
  });
  redirect(appPage(input.locale, applicationId, 'formed'));
});

/** p.8: the worker refuses on the warning and refers the person online. */
export const refuseAtDeskAction = formAction(hall, refuseSchema, async ({ ctx, input }) => {
  await refuseAtDesk(ctx, { ticketId: input.ticketId, code: input.code, ownerIin: input.ownerIin });
  redirect(`/${input.locale}/front-office/residence/desk/${input.ticketId}?refused=${input.code}`);
});

/** p.10 step 4 at the CON: the applicant's claim when the dwelling is at Astana's norm. */
export const astanaClaimAction = formAction(hall, claimSchema, async ({ ctx, input }) => {
  const claim = (
    input.relation === 'half_sibling'
      ? { relation: 'half_sibling', sharedParent: input.sharedParent! }
      : input.relation === 'grandparent' || input.relation === 'grandchild'
        ? { relation: input.relation, side: input.side! }
        : { relation: input.relation }
  ) as AstanaClaim;
  await setAstanaClaim(ctx, { id: input.id, version: input.version, claim });
  redirect(appPage(input.locale, input.id, 'astana'));
});

export const arrivalFormAction = formAction(hall, arrivalSchema, async ({ ctx, input }) => {
  const { id, version, locale, ...form } = input;
  await saveArrivalForm(ctx, { id, version, form });
  redirect(appPage(locale, id, 'arrival'));
});

/** p.7: the worker's EDS → GBD FL records the address. */
export const signAndRegisterAction = formAction(hall, signSchema, async ({ ctx, input }) => {
  await signAndRegister(ctx, input);
  redirect(appPage(input.locale, input.id, 'registered'));
});
