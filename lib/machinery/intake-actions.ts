'use server';

import { redirect } from 'next/navigation';
import { DomainError } from '@/lib/errors';
import { formAction } from '@/lib/form-action';
import { needsRegisteredMachine } from './rules';
import {
  callNextTicket,
  checkFees,
  checklist,
  chooseAction,
  identify,
  issueTicket,
  loadMachineryApplication,
  refuseIncomplete,
  removeScan,
  setMachine,
  setOwner,
  signAndSubmit,
} from './intake-service';
import {
  actionSchema,
  checklistSchema,
  identifySchema,
  localeSchema,
  machineSchema,
  ownerSchema,
  removeScanSchema,
  signSchema,
  tickedOf,
  typedMachineSchema,
  versionedSchema,
} from './intake-schemas';

// The front office's server actions (orders 001/004, p.5–9): `con_operator` only; formAction authenticates,
// authorizes the role and validates, the service checks the CON scope, the version and the state, in one
// transaction with its audit row. Each step returns to the wizard at its own section.

const roles = ['con_operator'] as const;
const page = (locale: string, id: string, saved: string) => `/${locale}/front-office/${id}?saved=${saved}#${saved}`;

/** p.5: "call next" → the new intake's wizard. */
export const callNextAction = formAction(roles, localeSchema, async ({ ctx, input }) => {
  const { applicationId } = await callNextTicket(ctx);
  redirect(`/${input.locale}/front-office/${applicationId}`);
});

/** p.5: a ticket for someone without one (a CON without a reception desk). */
export const issueTicketAction = formAction(['con_operator', 'con_reception'], localeSchema, async ({ ctx }) => {
  const ticket = await issueTicket(ctx);
  return { ok: true, data: { code: ticket.code } };
});

export const chooseActionAction = formAction(roles, actionSchema, async ({ ctx, input }) => {
  await chooseAction(ctx, input);
  redirect(page(input.locale, input.id, 'action'));
});

/** p.6 (1), p.7. */
export const identifyAction = formAction(roles, identifySchema, async ({ ctx, input }) => {
  const sample = input.sample ? new Uint8Array(Buffer.from(input.sample, 'base64')) : undefined;
  await identify(ctx, { ...input, sample });
  redirect(page(input.locale, input.id, 'identity'));
});

export const setOwnerAction = formAction(roles, ownerSchema, async ({ ctx, input }) => {
  const base = { id: input.id, version: input.version, phone: input.phone ?? null };
  if (input.mode === 'self') await setOwner(ctx, { ...base, mode: 'self' });
  else if (input.mode === 'organisation_head') await setOwner(ctx, { ...base, mode: 'organisation_head', ownerBin: input.ownerBin! });
  else
    await setOwner(ctx, {
      ...base,
      mode: 'representative',
      owner: input.ownerKind === 'person' ? { kind: 'person', iin: input.ownerIin! } : { kind: 'organisation', bin: input.ownerBin! },
      powerOfAttorneyNumber: input.powerOfAttorneyNumber!,
      powerOfAttorneyValidUntil: input.powerOfAttorneyValidUntil!,
    });
  redirect(page(input.locale, input.id, 'owner'));
});

export const setMachineAction = formAction(roles, machineSchema, async ({ ctx, input }) => {
  const app = await loadMachineryApplication(ctx.db, input.id);
  if (app && needsRegisteredMachine(app.m.action)) {
    if (!input.lookup) return { ok: false, code: 'invalid', fieldErrors: { lookup: ['required'] }, values: strings(input) };
    await setMachine(ctx, { id: input.id, version: input.version, lookup: input.lookup });
  } else {
    const typed = typedMachineSchema.safeParse(input);
    if (!typed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of typed.error.issues)
        (fieldErrors[issue.path.join('.')] ??= []).push(/^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid_value');
      return { ok: false, code: 'invalid', fieldErrors, values: strings(input) };
    }
    await setMachine(ctx, { id: input.id, version: input.version, typed: typed.data });
  }
  redirect(page(input.locale, input.id, 'machine'));
});

function strings(input: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** p.6 (2). */
export const checklistAction = formAction(roles, checklistSchema, async ({ ctx, input }) => {
  await checklist(ctx, { id: input.id, version: input.version, ticked: tickedOf(input) });
  redirect(page(input.locale, input.id, 'checklist'));
});

/** p.8. */
export const refuseIncompleteAction = formAction(roles, versionedSchema, async ({ ctx, input }) => {
  await refuseIncomplete(ctx, input);
  redirect(page(input.locale, input.id, 'refused'));
});

/** p.6 (3). */
export const checkFeesAction = formAction(roles, versionedSchema, async ({ ctx, input }) => {
  await checkFees(ctx, input);
  redirect(page(input.locale, input.id, 'fees'));
});

export const removeScanAction = formAction(roles, removeScanSchema, async ({ ctx, input }) => {
  await removeScan(ctx, input);
  redirect(page(input.locale, input.id, 'scans'));
});

/** p.6 (5), p.9. */
export const signAndSubmitAction = formAction(roles, signSchema, async ({ ctx, input }) => {
  const app = await signAndSubmit(ctx, input);
  if (app.status !== 'under_review') throw new DomainError('illegal_transition');
  redirect(page(input.locale, input.id, 'submitted'));
});
