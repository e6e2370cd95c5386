'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db';
import { formAction } from '@/lib/form-action';
import { setUserDisabled } from './users-service';

const schema = z.object({ userId: z.uuid('invalid_value'), disabled: z.enum(['1', '0']).transform((v) => v === '1') });

/** Disables (ending all their sessions) or enables an account; the page asks for confirmation before disabling. */
export const setUserDisabledAction = formAction(['admin'], schema, async ({ actor, grant, input }) => {
  const result = await setUserDisabled(db, actor, grant, input);
  revalidatePath('/[locale]/admin/users', 'page');
  return { ok: true, message: input.disabled ? 'userDisabled' : 'userEnabled', data: result };
});
