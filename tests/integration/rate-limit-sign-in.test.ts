// Rate limits on the sign-in actions (issue 14): the demo picker's N+1st sign-in of one person goes back to the
// sign-in page with the wait; EDS sign-in's per-IP refusal and the per-IIN refusal from the provider both reach the
// person as Errors.rate_limited with the wait.
import { CredentialsSignin } from 'next-auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';

let forwardedFor = '198.51.100.60';
const signIn = vi.fn<(...args: unknown[]) => Promise<void>>(async () => {});
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': forwardedFor }) }));
vi.mock('@/lib/auth/config', () => ({ isDemoMode: () => true, signIn, signOut: async () => {} }));

let database: Awaited<ReturnType<typeof freshDatabase>>;
const env = { ...process.env };

beforeAll(async () => {
  database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.QYZMET_TRUSTED_PROXY_HOPS = '1';
});
afterAll(async () => {
  process.env = env;
  await database.drop();
});

const redirectOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (e) {
    return String((e as { digest?: string }).digest ?? e);
  }
};

describe('sign-in actions', () => {
  it('demo persona: the N+1st sign-in of one person is sent back to /sign-in with the wait, and not signed in', async () => {
    process.env.QYZMET_RATE_LIMITS = 'sign_in.iin=2/600';
    const { demoSignInAction } = await import('@/lib/auth/actions');
    const person = await makeUser(database.db, 'citizen');
    const form = () => {
      const f = new FormData();
      f.set('userId', person.userId);
      f.set('locale', 'ru');
      return f;
    };
    signIn.mockClear();
    // Different addresses: the per-person bucket refuses, not the per-IP one.
    for (const ip of ['198.51.100.61', '198.51.100.62']) {
      forwardedFor = ip;
      await demoSignInAction(form());
    }
    expect(signIn).toHaveBeenCalledTimes(2);
    forwardedFor = '198.51.100.63';
    expect(await redirectOf(demoSignInAction(form()))).toMatch(/\/ru\/sign-in\?limited=\d+/);
    expect(signIn).toHaveBeenCalledTimes(2);
  });

  it('EDS: the N+1st attempt from one IP, and the per-person refusal from the provider, are Errors.rate_limited', async () => {
    process.env.QYZMET_RATE_LIMITS = 'sign_in.ip=1/600';
    const { edsSignInAction } = await import('@/lib/auth/actions');
    const form = new FormData();
    for (const [k, v] of Object.entries({ nonce: 'n'.repeat(32), cms: 'c'.repeat(32), locale: 'kk' })) form.set(k, v);
    forwardedFor = '198.51.100.70';
    const perPerson = Object.assign(new CredentialsSignin('rate_limited:90'), { code: 'rate_limited:90' });
    signIn.mockImplementationOnce(async () => {
      throw perPerson;
    });
    expect(await edsSignInAction({ ok: true }, form)).toEqual({ ok: false, code: 'rate_limited', params: { unit: 'second', wait: 90 } });
    expect(await edsSignInAction({ ok: true }, form)).toEqual({ ok: false, code: 'rate_limited', params: { unit: 'minute', wait: 10 } });
  });
});
