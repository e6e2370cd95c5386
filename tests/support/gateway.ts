// Paying an invoice the way a person and the bank do: the gateway page's button, then its signed callback.
import type { Db } from '@/db/client';
import { handlePaymentCallback } from '@/lib/payments/callback';
import { getRegistries } from '@/lib/registries';
import { callbackBody, signCallback } from '@/lib/registries/payments/signature';

export const TEST_GATEWAY_SECRET = 'test-gateway-secret-0123456789';

export async function payThroughGateway(db: Db, payUrl: string, outcome: 'paid' | 'declined' = 'paid') {
  const payload = (await getRegistries(db).payments.complete(payUrl.split('/').pop()!, outcome))!;
  const body = callbackBody(payload);
  return handlePaymentCallback(db, body, signCallback(body, TEST_GATEWAY_SECRET), TEST_GATEWAY_SECRET, null);
}
