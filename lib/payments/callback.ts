import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { paymentCallbacks, payments } from '@/db/schema/payments';
import { audit } from '@/lib/audit';
import { notify } from '@/lib/outbox';
import { onPaymentPaid } from './on-paid';
import { callbackPayloadSchema } from '@/lib/registries/payments/port';
import { verifyCallback } from '@/lib/registries/payments/signature';

export type CallbackResult = { status: 200 | 400 | 401; outcome: 'applied' | 'duplicate' | 'rejected' | 'unknown_payment' | 'malformed' };

/**
 * The gateway's signed callback (SPEC §2.4). Verified over the raw body before parsing; the event id is
 * recorded once, so the same callback twice is one payment. A bad signature is rejected and audited.
 */
export async function handlePaymentCallback(db: Db, rawBody: string, signature: string, secret: string, ip: string | null): Promise<CallbackResult> {
  if (!verifyCallback(rawBody, signature, secret)) {
    await db.transaction((tx) => audit(tx, null, null, { action: 'payment.callback_rejected', data: { reason: 'bad_signature' }, ip }));
    return { status: 401, outcome: 'rejected' };
  }
  let parsedJson: unknown;
  try { parsedJson = JSON.parse(rawBody); } catch { return { status: 400, outcome: 'malformed' }; }
  const parsed = callbackPayloadSchema.safeParse(parsedJson);
  if (!parsed.success) return { status: 400, outcome: 'malformed' };
  const p = parsed.data;
  return db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.id, p.merchantRef)).for('update');
    if (!payment || payment.amountTiyn !== p.amountTiyn) {
      await audit(tx, null, null, { action: 'payment.callback_unknown', data: { invoice: p.invoiceId } });
      return { status: 400, outcome: 'unknown_payment' } as const;
    }
    const [fresh] = await tx.insert(paymentCallbacks).values({ eventId: p.eventId, paymentId: payment.id, outcome: p.outcome })
      .onConflictDoNothing().returning();
    if (!fresh) return { status: 200, outcome: 'duplicate' } as const;
    const next = p.outcome === 'paid' ? 'paid' : 'declined';
    const [changed] = await tx.update(payments)
      .set({ status: next, paidAt: next === 'paid' ? new Date(p.at) : null })
      .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending'))).returning();
    if (!changed) return { status: 200, outcome: 'duplicate' } as const;
    await audit(tx, null, null, { action: `payment.${next}`, applicationId: payment.applicationId, subjectIin: null, data: { payment: payment.id, invoice: p.invoiceId } });
    if (next === 'paid') {
      await onPaymentPaid(tx, payment);
      await notify(tx, `payment:${payment.id}:paid`, {
        recipientIin: payment.payerIin, applicationId: payment.applicationId ?? undefined, kind: 'payment_received', sms: true,
        params: { amountTiyn: payment.amountTiyn, number: payment.id.slice(0, 8).toUpperCase() },
      });
    }
    return { status: 200, outcome: 'applied' } as const;
  });
}
