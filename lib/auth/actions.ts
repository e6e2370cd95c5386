'use server';

import { eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { routing } from '@/i18n/routing';
import { CredentialsSignin } from 'next-auth';
import { db } from '@/db';
import type { ActionResult } from '@/lib/action-result';
import { users } from '@/db/schema/people';
import { rateLimit, requestIp, waitParams } from '@/lib/rate-limit';
import { issueChallenge } from '@/lib/signatures/challenge';
import { isDemoMode, signIn, signOut } from './config';
import { getActor } from './session';
import { endSession } from './sign-in';
import { nextPathSchema } from './next-path';

const localeSchema = z.enum(routing.locales);
/** Where to land after sign-in: the chosen service (a safe path, lib/auth/next-path.ts) or each role's own area. */
const nextSchema = nextPathSchema.optional().catch(undefined);
const landing = (locale: string, next: string | undefined) => `/${locale}${next ?? '/start'}`;

/**
 * Demo persona sign-in (DEMO_MODE=1 only). Lands on the service the person chose (`next`), else on /start, which
 * sends each role to its work area.
 */
export async function demoSignInAction(form: FormData) {
  const input = z.object({ userId: z.uuid(), locale: localeSchema, next: nextSchema }).safeParse(Object.fromEntries(form));
  if (!input.success || !isDemoMode()) return;
  const ip = await requestIp();
  const [user] = await db.select({ iin: users.iin }).from(users).where(eq(users.id, input.data.userId));
  const limited = await rateLimit('sign_in', { ip, iin: user?.iin });
  // The picker is a plain form: the page says how long to wait (?limited=seconds).
  const again = input.data.next ? `&next=${encodeURIComponent(input.data.next)}` : '';
  if (!limited.ok) redirect(`/${input.data.locale}/sign-in?limited=${limited.retryAfterSeconds}${again}`);
  try {
    await signIn('demo', { userId: input.data.userId, ip: ip ?? '', redirectTo: landing(input.data.locale, input.data.next) });
  } catch (e) {
    // A disabled account (issue 14): back to sign-in with the reason; the success redirect travels as an exception.
    if (e instanceof CredentialsSignin) redirect(`/${input.data.locale}/sign-in?refused=disabled${again}`);
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

/** A one-time challenge for EDS sign-in (public: signing in is what it is for), limited per IP. */
export async function requestChallengeAction(): Promise<
  { ok: true; nonce: string; expiresAt: string } | { ok: false; code: 'rate_limited'; params: ReturnType<typeof waitParams> }
> {
  const limited = await rateLimit('eds_challenge', { ip: await requestIp() });
  if (!limited.ok) return { ok: false, code: 'rate_limited', params: waitParams(limited.retryAfterSeconds) };
  const c = await issueChallenge(db);
  return { ok: true, nonce: c.nonce, expiresAt: c.expiresAt.toISOString() };
}

const edsSchema = z.object({
  nonce: z.string().min(16).max(100),
  cms: z.string().min(16).max(200_000),
  locale: localeSchema,
  next: nextSchema,
});

/** EDS sign-in: the browser signed the challenge with the authentication key; the provider verifies it. */
export async function edsSignInAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const input = edsSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, code: 'eds_bad_signature' };
  const ip = await requestIp();
  // Per IP here; per IIN once the certificate names the person (lib/auth/eds-sign-in.ts).
  const limited = await rateLimit('sign_in', { ip });
  if (!limited.ok) return { ok: false, code: 'rate_limited', params: waitParams(limited.retryAfterSeconds) };
  try {
    await signIn('eds', {
      nonce: input.data.nonce,
      cms: input.data.cms,
      ip: ip ?? '',
      redirectTo: landing(input.data.locale, input.data.next),
    });
    return { ok: true };
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      const wait = /^rate_limited:(\d+)$/.exec(e.code);
      return wait ? { ok: false, code: 'rate_limited', params: waitParams(Number(wait[1])) } : { ok: false, code: e.code };
    }
    throw e; // the success redirect travels as an exception
  }
}
