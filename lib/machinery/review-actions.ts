'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/form-action';
import { approve, refuse } from './review-service';

const locale = z.enum(['kk', 'ru']);
const id = z.uuid('invalid_value');
const version = z.coerce.number().int().positive();
const cms = z.string().min(16, 'signature_malformed').max(200_000, 'signature_malformed');
/** Formats are the service's to judge (p.12, lib/machinery/review-rules.ts); here only their size. */
const typed = z.string().trim().max(40, 'invalid_value').optional().default('');

const approveSchema = z.object({ id, version, locale, cms, passportNumber: typed, passportIssuedOn: typed, plate: typed });
const refuseSchema = z.object({
  id,
  version,
  locale,
  cms,
  reasonCode: z.string().trim().min(1, 'machinery_reason_invalid').max(60, 'machinery_reason_invalid'),
  comment: z.string().trim().min(10, 'machinery_comment_required').max(1000, 'machinery_comment_required'),
});

const page = (l: string, i: string) => `/${l}/akimat/${i}`;

/** p.10 (4), p.12: approve with the reviewer's EDS, the technical passport and the plate. */
export const approveMachineryAction = formAction(['akimat_reviewer'], approveSchema, async ({ ctx, input }) => {
  await approve(ctx, {
    id: input.id,
    version: input.version,
    cms: input.cms,
    technicalPassport:
      input.passportNumber || input.passportIssuedOn ? { number: input.passportNumber, issuedOn: input.passportIssuedOn } : null,
    plate: input.plate || null,
  });
  redirect(`${page(input.locale, input.id)}?decided=approved`);
});

/** p.13: the motivated refusal with a reason and a comment, signed. */
export const refuseMachineryAction = formAction(['akimat_reviewer'], refuseSchema, async ({ ctx, input }) => {
  await refuse(ctx, input);
  redirect(`${page(input.locale, input.id)}?decided=refused`);
});
