'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { isDemoMode } from '@/lib/config';
import { completeGatewayInvoice } from '@/lib/gateway/complete';
import { publicOrigin } from '@/lib/http/origin';
import { logError } from '@/lib/log';
import { paymentSecret } from '@/lib/payments/secret';
import { paymentOutcomeSchema } from '@/lib/registries/payments/port';
import { callbackBody, CALLBACK_SIGNATURE_HEADER, signCallback } from '@/lib/registries/payments/signature';

const schema = z.object({ invoiceId: z.string().min(1).max(64), outcome: paymentOutcomeSchema });

/**
 * The simulated gateway's "Pay" / "Decline" buttons. This stands in for the bank's page, so it has no portal
 * session (anyone holding the invoice link may pay it, as with a real gateway); it completes the invoice, posts
 * the signed callback to the portal over HTTP as the real gateway would, and sends the payer back.
 */
export async function completeGatewayPaymentAction(form: FormData) {
  const input = schema.safeParse(Object.fromEntries(form));
  if (!input.success || !isDemoMode()) return;
  const completed = await completeGatewayInvoice(input.data.invoiceId, input.data.outcome);
  if (!completed) return;
  const origin = await publicOrigin();
  const body = callbackBody(completed.payload);
  try {
    await fetch(`${origin}/api/payments/callback`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', [CALLBACK_SIGNATURE_HEADER]: signCallback(body, paymentSecret()) },
    });
  } catch (e) {
    // The gateway retries callbacks in real life; here the payer still returns and sees "pending".
    logError('gateway_callback_failed', e);
  }
  redirect(completed.returnUrl);
}
