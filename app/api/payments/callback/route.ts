import { NextResponse, type NextRequest } from 'next/server';
import { receivePaymentCallback } from '@/lib/gateway/callback';
import { kickOutbox } from '@/lib/jobs';
import { CALLBACK_SIGNATURE_HEADER } from '@/lib/registries/payments/signature';

/** The payment gateway's server-to-server callback. Authenticated by its HMAC signature, not by a session. */
export async function POST(request: NextRequest) {
  const raw = await request.text();
  if (raw.length > 10_000) return NextResponse.json({ error: 'too_large' }, { status: 413 });
  const ip = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null;
  const result = await receivePaymentCallback(
    raw,
    request.headers.get(CALLBACK_SIGNATURE_HEADER) ?? '',
    ip && /^[0-9a-fA-F:.]+$/.test(ip) ? ip : null,
  );
  if (result.outcome === 'applied') await kickOutbox();
  return NextResponse.json({ outcome: result.outcome }, { status: result.status });
}
