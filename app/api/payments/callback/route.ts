import { NextResponse, type NextRequest } from 'next/server';
import { config } from '@/lib/config';
import { receivePaymentCallback } from '@/lib/gateway/callback';
import { BodyTooLargeError, readTextCapped } from '@/lib/http/body';
import { clientIpFrom } from '@/lib/http/client-ip';
import { kickOutbox } from '@/lib/jobs';
import { checkFailureLimit, countFailure } from '@/lib/rate-limit';
import { CALLBACK_SIGNATURE_HEADER } from '@/lib/registries/payments/signature';

/** A callback is a few hundred bytes: a larger one is refused before it is read. */
const MAX_BODY = 10_000;

/**
 * The gateway's server-to-server callback. Authenticated by its HMAC signature, not by a session. A sender whose
 * callbacks keep being rejected is refused with 429 before its next body is read or audited (the real gateway
 * retries; a lost callback is caught by the reconciliation job).
 */
export async function POST(request: NextRequest) {
  const ip = clientIpFrom(request.headers.get('x-forwarded-for'), config().QYZMET_TRUSTED_PROXY_HOPS);
  const limited = await checkFailureLimit('payment_callback_reject', { ip });
  if (!limited.ok)
    return NextResponse.json({ error: 'rate_limited' }, { status: 429, headers: { 'Retry-After': String(limited.retryAfterSeconds) } });
  let raw: string;
  try {
    raw = await readTextCapped(request, MAX_BODY);
  } catch (e) {
    if (e instanceof BodyTooLargeError) {
      await countFailure('payment_callback_reject', { ip });
      return NextResponse.json({ error: 'too_large' }, { status: 413 });
    }
    throw e;
  }
  const result = await receivePaymentCallback(raw, request.headers.get(CALLBACK_SIGNATURE_HEADER) ?? '', ip);
  if (result.outcome === 'applied') await kickOutbox();
  if (result.status >= 400) await countFailure('payment_callback_reject', { ip });
  return NextResponse.json({ outcome: result.outcome }, { status: result.status });
}
