// Lost callbacks (issue 14): a payment still pending some minutes after its invoice was opened is asked about at the
// gateway, and what the gateway says is applied through the callback's own code path (applyGatewayOutcome), so a
// payment whose callback was lost becomes paid exactly once, and a callback arriving later is a duplicate.
import { and, asc, eq, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { payments } from '@/db/schema/payments';
import { logError } from '@/lib/log';
import type { Registries } from '@/lib/registries';
import { applyGatewayOutcome } from './callback';

/** How many payments one run asks about: the next run (a minute later) takes the rest. */
const BATCH = 100;

export type ReconcileResult = { asked: number; applied: number; open: number; failed: number };

export async function reconcilePendingPayments(
  db: Db,
  registries: Pick<Registries, 'payments'>,
  options: { olderThanMinutes: number; now?: Date },
): Promise<ReconcileResult> {
  const before = new Date((options.now ?? new Date()).getTime() - options.olderThanMinutes * 60_000);
  const pending = await db
    .select({ id: payments.id, invoiceId: payments.gatewayInvoiceId })
    .from(payments)
    .where(and(eq(payments.status, 'pending'), isNotNull(payments.gatewayInvoiceId), lt(payments.createdAt, before)))
    .orderBy(asc(payments.createdAt))
    .limit(BATCH);
  const result: ReconcileResult = { asked: 0, applied: 0, open: 0, failed: 0 };
  for (const p of pending) {
    result.asked++;
    try {
      const status = await registries.payments.status(p.invoiceId!);
      if (!status || status.state === 'open') {
        result.open++;
        continue;
      }
      // The gateway's answer names the invoice and the payment: applied only if they are this payment's.
      const applied = await applyGatewayOutcome(db, status.payload, 'reconciliation');
      if (applied.outcome === 'applied') result.applied++;
    } catch (e) {
      // The gateway not answering is logged by the registry layer; the next run asks again.
      result.failed++;
      logError('payment_reconcile_failed', e, { payment: p.id });
    }
  }
  return result;
}
