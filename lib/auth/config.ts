import NextAuth, { type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { startDemoSession } from './sign-in';

declare module 'next-auth' {
  interface User { sid?: string }
  interface Session { sid?: string }
}

const secure = process.env.NODE_ENV === 'production' && process.env.QYZMET_INSECURE_COOKIES !== '1';
const cookie = (name: string, httpOnly = true) => ({
  // __Host- pins the cookie to this host and path /, and requires Secure (production).
  name: secure ? `__Host-qyzmet.${name}` : `qyzmet.${name}`,
  options: { httpOnly, sameSite: 'lax' as const, path: '/', secure },
});

export const isDemoMode = () => process.env.DEMO_MODE === '1';

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
        const started = await startDemoSession(input.data.userId, input.data.ip ?? null);
        return started ? { id: started.userId, sid: started.sessionId } : null;
      },
    }),
  ],
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
