import 'server-only';
import { db } from '@/db';
import { getRegistries } from '@/lib/registries';

/**
 * The simulated gateway pays or declines an invoice: the signed callback's payload and where the payer
 * returns, or null when the invoice is unknown or was already completed.
 */
export async function completeGatewayInvoice(invoiceId: string, outcome: 'paid' | 'declined') {
  const registries = getRegistries(db);
  const invoice = await registries.payments.getInvoice(invoiceId);
  if (!invoice) return null;
  const payload = await registries.payments.complete(invoiceId, outcome);
  return payload ? { payload, returnUrl: invoice.returnUrl } : null;
}
