import 'server-only';
import { db } from '@/db';
import type { DbOrTx } from '@/db/client';
import { isDemoMode } from '@/lib/config';
import { getRegistries } from '@/lib/registries';
import type { PaymentOutcome } from '@/lib/registries/payments/port';

/**
 * The simulated gateway pays or declines an invoice: the signed callback's payload and where the payer
 * returns, or null when the invoice is unknown or was already completed. The simulator exists only in demo mode:
 * outside it nothing is completed (and the page is a 404), so no citizen can mark a fee as paid.
 */
export async function completeGatewayInvoice(invoiceId: string, outcome: PaymentOutcome, database: DbOrTx = db) {
  if (!isDemoMode()) return null;
  const registries = getRegistries(database);
  const invoice = await registries.payments.getInvoice(invoiceId);
  if (!invoice) return null;
  const payload = await registries.payments.complete(invoiceId, outcome);
  return payload ? { payload, returnUrl: invoice.returnUrl } : null;
}
