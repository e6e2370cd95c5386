'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { areaRoles, type Area } from '@/lib/auth/access';
import { authorizeAction } from '@/lib/auth/guards';
import { config } from '@/lib/config';
import { sealQuery } from './sealed-query';

// The staff searches that take an IIN: the page each one returns to, and the area whose roles may search there.
const SEARCHES = {
  reception: { area: 'reception', path: '/reception' },
  registrationPoint: { area: 'registration-point', path: '/registration-point' },
  certificates: { area: 'admin', path: '/admin/certificates' },
  users: { area: 'admin', path: '/admin/users' },
} as const satisfies Record<string, { area: Area; path: string }>;

const schema = z.object({
  search: z.enum(Object.keys(SEARCHES) as [keyof typeof SEARCHES, ...(keyof typeof SEARCHES)[]]),
  locale: z.enum(['kk', 'ru']),
  q: z.string().trim().max(64),
});

/**
 * A staff search posted, not put in the address (issue 14: IINs never travel in URLs): the query comes back to the
 * page as an opaque, expiring token (`?s=`), so the page keeps a GET address without the IIN in it.
 */
export async function sealedSearchAction(form: FormData) {
  const input = schema.safeParse(Object.fromEntries(form));
  if (!input.success) return;
  const target = SEARCHES[input.data.search];
  await authorizeAction(...areaRoles[target.area]);
  const base = `/${input.data.locale}${target.path}`;
  const secret = config().AUTH_SECRET;
  if (!input.data.q || !secret) redirect(base);
  redirect(`${base}?s=${sealQuery(input.data.q, secret)}`);
}
