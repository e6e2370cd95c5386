import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from './i18n/routing';

const intl = createMiddleware(routing);

/** The Content-Security-Policy: scripts only with this request's nonce (Next adds it to its own scripts). */
function contentSecurityPolicy(nonce: string) {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    // NCALayer, the desktop signing app, listens on the loopback WebSocket (signatures issue).
    `connect-src 'self' wss://127.0.0.1:13579`,
    `frame-ancestors 'none'`,
    `form-action 'self'`,
    `base-uri 'self'`,
    `object-src 'none'`,
  ].join('; ');
}

export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  // One id per request, for the audit rows it writes (issue 14). Always ours: a client's X-Request-Id is replaced.
  const requestId = crypto.randomUUID();
  headers.set('x-request-id', requestId);
  headers.set('content-security-policy', csp);
  // The page asked for, so that a page that needs sign-in can send the person back to it (issue 15). Always ours.
  headers.set('x-pathname', request.nextUrl.pathname);
  const isApi = request.nextUrl.pathname.startsWith('/api/');
  const response = isApi
    ? NextResponse.next({ request: { headers } })
    : intl(new NextRequest(request.url, { headers, method: request.method }));
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Request-Id', requestId);
  return response;
}

export const config = {
  // Everything but static files and Next internals.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|svg|ico|txt|css|js|map)$).*)'],
};
