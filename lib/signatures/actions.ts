'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { db } from '@/db';
import { areaRoles } from '@/lib/auth/access';
import { formAction } from '@/lib/form-action';
import { edsCheckSchema } from './eds-check';
import { signEdsCheck, signerName } from './eds-check-service';

/** "Check my EDS": anyone signed in signs a statement with their signing key and sees the verification report. */
export const signEdsCheckAction = formAction(areaRoles.signature, edsCheckSchema, async ({ actor, grant, input }) => {
  const t = await getTranslations({ locale: input.locale, namespace: 'Eds' });
  const row = await signEdsCheck(db, actor, grant, { ...input, statement: t('checkStatement', { name: signerName(actor) }) });
  redirect(`/${input.locale}/signature/${row.id}`);
});
