'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/form-action';
import { issue } from './issuance-service';

const optional = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => v || undefined);

const issueSchema = z.object({
  id: z.uuid('invalid_value'),
  version: z.coerce.number().int().positive(),
  locale: z.enum(['kk', 'ru']),
  documentNumber: z.string().trim().min(1, 'required').max(20, 'invalid_value'),
  // The serials' formats are the action's (a duplicate plate has no document): the service checks them.
  documentSerial: optional,
  plateSerial: optional,
  sampleBase64: z.string().max(2_000_000).optional(),
});

/** p.11: identify the one at the desk, hand over the document and plates, record their serials. */
export const issueMachineryAction = formAction(['con_issuance'], issueSchema, async ({ ctx, input }) => {
  await issue(ctx, input);
  redirect(`/${input.locale}/issuance/machinery/${input.id}?issued=1`);
});
