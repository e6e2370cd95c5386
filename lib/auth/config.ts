import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { isDemoMode } from '@/lib/config';
import { verifyEdsSignIn } from './eds-sign-in';
import { endSessionOfToken, startSession } from './sign-in';

declare module 'next-auth' {
  interface User {
    sid?: string;
  }
  interface Session {
    sid?: string;
  }
}

const secure = process.env.NODE_ENV === 'production' && process.env.QYZMET_INSECURE_COOKIES !== '1';
const cookie = (name: string, httpOnly = true) => ({
  // __Host- pins the cookie to this host and path /, and requires Secure (production).
  name: secure ? `__Host-qyzmet.${name}` : `qyzmet.${name}`,
  options: { httpOnly, sameSite: 'lax' as const, path: '/', secure },
});

export { isDemoMode };

/** Carries the reason an EDS sign-in was refused to the sign-in action, which shows it in the person's language. */
export class EdsSignInError extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

const config: NextAuthConfig = {
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  // The token only names a server-side session (auth_sessions); lib/auth/session.ts checks it on every request.
  session: { strategy: 'jwt', maxAge: 12 * 3600 },
  useSecureCookies: secure,
  cookies: { sessionToken: cookie('session'), csrfToken: cookie('csrf'), callbackUrl: cookie('callback') },
  pages: { signIn: '/kk/sign-in' },
  providers: [
    Credentials({
      id: 'demo',
      name: 'Demo persona',
      credentials: { userId: {}, ip: {} },
      async authorize(raw) {
        if (!isDemoMode()) return null;
        const input = z.object({ userId: z.uuid(), ip: z.string().max(64).optional() }).safeParse(raw);
        if (!input.success) return null;
        const started = await startSession(input.data.userId, 'demo', input.data.ip || null);
        // startSession opens none for a disabled account: say so (issue 14), as EDS sign-in does.
        if (!started) throw new EdsSignInError('eds_account_disabled');
        return { id: started.userId, sid: started.sessionId };
      },
    }),
    Credentials({
      id: 'eds',
      name: 'EDS',
      credentials: { nonce: {}, cms: {}, ip: {} },
      async authorize(raw) {
        const input = z
          .object({ nonce: z.string().min(16).max(100), cms: z.string().min(16).max(200_000), ip: z.string().max(64).optional() })
          .safeParse(raw);
        if (!input.success) throw new EdsSignInError('eds_bad_signature');
        const verified = await verifyEdsSignIn(input.data);
        if ('problem' in verified) throw new EdsSignInError(verified.problem);
        const started = await startSession(verified.userId, 'eds', input.data.ip || null, { certificate: verified.serial });
        return started ? { id: started.userId, sid: started.sessionId } : null;
      },
    }),
  ],
  events: {
    // Auth.js's own sign-out route (/api/auth/signout) ends the database session too, not only the cookie.
    async signOut(message) {
      if ('token' in message) await endSessionOfToken(message.token);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);
