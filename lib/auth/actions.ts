'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { routing } from '@/i18n/routing';
import { isDemoMode, signIn, signOut } from './config';
import { getActor } from './session';
import { endSession } from './sign-in';

const localeSchema = z.enum(routing.locales);

async function clientIp() {
  const h = await headers();
  const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() ?? h.get('x-real-ip') ?? null;
  return ip && /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : null;
}

/** Demo persona sign-in (DEMO_MODE=1 only). Lands on /start, which sends each role to its work area. */
export async function demoSignInAction(form: FormData) {
  const input = z.object({ userId: z.uuid(), locale: localeSchema }).safeParse(Object.fromEntries(form));
  if (!input.success || !isDemoMode()) return;
  await signIn('demo', { userId: input.data.userId, ip: (await clientIp()) ?? '', redirectTo: `/${input.data.locale}/start` });
}

/** Ends the session in the database first, so a copied cookie stops working, then clears the cookie. */
export async function signOutAction(form: FormData) {
  const locale = localeSchema.catch('kk').parse(form.get('locale'));
  const actor = await getActor();
  if (actor) await endSession(actor.sessionId, actor.userId, 'signed_out');
  await signOut({ redirectTo: `/${locale}/sign-in?signedOut=1` });
}
