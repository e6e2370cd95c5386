'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/form-action';
import { submitClaim } from './astana-step';
import { astanaRelations, claimOf, parentRoles } from './astana-step-rules';

const optionalParent = z.enum(parentRoles).optional().catch(undefined);

const claimSchema = z.object({
  id: z.uuid('invalid_value'),
  locale: z.enum(['kk', 'ru']),
  relation: z.enum(astanaRelations, { message: 'residence_astana_relation_required' }),
  sharedParent: optionalParent,
  grandparentSide: optionalParent,
  grandchildSide: optionalParent,
});

/**
 * p.10 (4)–(7): the applicant's claim, checked in ZAGS or NOBD/EPVO. Confirmed → the arrival form (the citizen
 * wizard's page); not confirmed → the decision page, which says why.
 */
export const submitAstanaClaimAction = formAction(['citizen'], claimSchema, async ({ ctx, input }) => {
  const parsed = claimOf(input);
  if ('fieldErrors' in parsed) {
    const typed = {
      relation: input.relation,
      sharedParent: input.sharedParent,
      grandparentSide: input.grandparentSide,
      grandchildSide: input.grandchildSide,
    };
    const values = Object.fromEntries(Object.entries(typed).filter((e) => typeof e[1] === 'string')) as Record<string, string>;
    return { ok: false, code: 'invalid', fieldErrors: parsed.fieldErrors, values };
  }
  const { refused } = await submitClaim(ctx, { id: input.id, claim: parsed.claim });
  redirect(`/${input.locale}/cabinet/residence/${input.id}/${refused ? 'decision' : 'form'}`);
});
