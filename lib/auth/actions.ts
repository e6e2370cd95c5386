'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { routing } from '@/i18n/routing';
import { CredentialsSignin } from 'next-auth';
import { db } from '@/db';
import type { ActionResult } from '@/lib/action-result';
import { config } from '@/lib/config';
import { clientIpFrom } from '@/lib/http/client-ip';
import { issueChallenge } from '@/lib/signatures/challenge';
import { isDemoMode, signIn, signOut } from './config';
import { getActor } from './session';
import { endSession } from './sign-in';

const localeSchema = z.enum(routing.locales);

/** The client's IP as the trusted proxies report it (lib/http/client-ip.ts), never a header the client wrote. */
async function clientIp() {
  return clientIpFrom((await headers()).get('x-forwarded-for'), config().QYZMET_TRUSTED_PROXY_HOPS);
}

/** Demo persona sign-in (DEMO_MODE=1 only). Lands on /start, which sends each role to its work area. */
export async function demoSignInAction(form: FormData) {
  const input = z.object({ userId: z.uuid(), locale: localeSchema }).safeParse(Object.fromEntries(form));
  if (!input.success || !isDemoMode()) return;
  try {
    await signIn('demo', { userId: input.data.userId, ip: (await clientIp()) ?? '', redirectTo: `/${input.data.locale}/start` });
  } catch (e) {
    // A disabled account (issue 14): back to sign-in with the reason; the success redirect travels as an exception.
    if (e instanceof CredentialsSignin) redirect(`/${input.data.locale}/sign-in?refused=disabled`);
    throw e;
  }
}

/** Ends the session in the database first, so a copied cookie stops working, then clears the cookie. */
export async function signOutAction(form: FormData) {
  const locale = localeSchema.catch('kk').parse(form.get('locale'));
  const actor = await getActor();
  if (actor) await endSession(actor.sessionId, actor.userId, 'signed_out');
  await signOut({ redirectTo: `/${locale}/sign-in?signedOut=1` });
}

/** A one-time challenge for EDS sign-in (public: signing in is what it is for). */
export async function requestChallengeAction(): Promise<{ nonce: string; expiresAt: string }> {
  const c = await issueChallenge(db);
  return { nonce: c.nonce, expiresAt: c.expiresAt.toISOString() };
}

const edsSchema = z.object({ nonce: z.string().min(16).max(100), cms: z.string().min(16).max(200_000), locale: localeSchema });

/** EDS sign-in: the browser signed the challenge with the authentication key; the provider verifies it. */
export async function edsSignInAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const input = edsSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, code: 'eds_bad_signature' };
  try {
    await signIn('eds', {
      nonce: input.data.nonce,
      cms: input.data.cms,
      ip: (await clientIp()) ?? '',
      redirectTo: `/${input.data.locale}/start`,
    });
    return { ok: true };
  } catch (e) {
    if (e instanceof CredentialsSignin) return { ok: false, code: e.code };
    throw e; // the success redirect travels as an exception
  }
}
