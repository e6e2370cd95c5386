import { NextResponse, type NextRequest } from 'next/server';
import { config } from '@/lib/config';
import { receivePaymentCallback } from '@/lib/gateway/callback';
import { BodyTooLargeError, readTextCapped } from '@/lib/http/body';
import { clientIpFrom } from '@/lib/http/client-ip';
import { kickOutbox } from '@/lib/jobs';
import { CALLBACK_SIGNATURE_HEADER } from '@/lib/registries/payments/signature';

/** A callback is a few hundred bytes: a larger one is refused before it is read. */
const MAX_BODY = 10_000;

/** The payment gateway's server-to-server callback. Authenticated by its HMAC signature, not by a session. */
export async function POST(request: NextRequest) {
  let raw: string;
  try {
    raw = await readTextCapped(request, MAX_BODY);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return NextResponse.json({ error: 'too_large' }, { status: 413 });
    throw e;
  }
  const ip = clientIpFrom(request.headers.get('x-forwarded-for'), config().QYZMET_TRUSTED_PROXY_HOPS);
  const result = await receivePaymentCallback(raw, request.headers.get(CALLBACK_SIGNATURE_HEADER) ?? '', ip);
  if (result.outcome === 'applied') await kickOutbox();
  return NextResponse.json({ outcome: result.outcome }, { status: result.status });
}
