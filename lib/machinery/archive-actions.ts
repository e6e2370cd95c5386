'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/form-action';
import { formAct, signAsAkimat, signAsConHead } from './archive-service';

const locale = z.enum(['kk', 'ru']);
const formSchema = z.object({ locale, serviceCentreId: z.coerce.number().int().positive('invalid_value') });
const signSchema = z.object({
  locale,
  actId: z.uuid('invalid_value'),
  version: z.coerce.number().int().positive(),
  cms: z.string().min(1, 'signature_malformed').max(200_000, 'signature_malformed'),
});

/** p.17: the akimat forms the act of one CON's due documents. */
export const formTransferActAction = formAction(['akimat_reviewer'], formSchema, async ({ ctx, input }) => {
  const act = await formAct(ctx, input);
  redirect(`/${input.locale}/akimat/archive/${act.id}?formed=1`);
});

/** p.17: the akimat's EDS over the act. */
export const signActAsAkimatAction = formAction(['akimat_reviewer'], signSchema, async ({ ctx, input }) => {
  await signAsAkimat(ctx, input);
  redirect(`/${input.locale}/akimat/archive/${input.actId}?signed=1`);
});

/** p.17: the head of the front office's EDS over the same act. */
export const signActAsConHeadAction = formAction(['con_head'], signSchema, async ({ ctx, input }) => {
  await signAsConHead(ctx, input);
  redirect(`/${input.locale}/con-head/acts/${input.actId}?signed=1`);
});
