import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { paymentCallbacks, payments } from '@/db/schema/payments';
import { isUuid } from '@/lib/applications/scope';
import { audit } from '@/lib/audit';
import { notify } from '@/lib/outbox';
import { onPaymentPaid } from './on-paid';
import { refundPayment, type Payment } from './purpose';
import { nextReceiptNumber } from './receipt';
import { callbackPayloadSchema, type CallbackPayload } from '@/lib/registries/payments/port';
import { verifyCallback } from '@/lib/registries/payments/signature';

export type CallbackResult = { status: 200 | 400 | 401; outcome: 'applied' | 'duplicate' | 'rejected' | 'unknown_payment' | 'malformed' };

/**
 * The gateway's signed callback (SPEC §2.4). Verified over the raw body before parsing; the event id is
 * recorded once, so the same callback twice is one payment. A bad signature, or an invoice that is not the
 * payment's, is rejected and audited. `paid` after `declined` is applied (banks do confirm late).
 */
export async function handlePaymentCallback(
  db: Db,
  rawBody: string,
  signature: string,
  secret: string,
  ip: string | null,
): Promise<CallbackResult> {
  if (!verifyCallback(rawBody, signature, secret)) {
    await db.transaction((tx) => audit(tx, null, null, { action: 'payment.callback_rejected', data: { reason: 'bad_signature' }, ip }));
    return { status: 401, outcome: 'rejected' };
  }
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(rawBody);
  } catch {
    return { status: 400, outcome: 'malformed' };
  }
  const parsed = callbackPayloadSchema.safeParse(parsedJson);
  if (!parsed.success) return { status: 400, outcome: 'malformed' };
  return applyGatewayOutcome(db, parsed.data, 'callback');
}

/**
 * What the gateway says happened to an invoice, from its verified callback or, when the callback was lost, from
 * reconciliation asking the gateway (lib/payments/reconcile.ts): one code path, so both are idempotent the same
 * way (the event id is recorded once) and audited the same way.
 */
export async function applyGatewayOutcome(db: Db, p: CallbackPayload, via: 'callback' | 'reconciliation'): Promise<CallbackResult> {
  return db.transaction(async (tx) => {
    const [payment] = isUuid(p.merchantRef) ? await tx.select().from(payments).where(eq(payments.id, p.merchantRef)).for('update') : [];
    // The invoice must be the one this payment last opened: a stale or foreign invoice id changes nothing.
    const reason = !payment
      ? 'no_payment'
      : payment.amountTiyn !== p.amountTiyn
        ? 'amount'
        : payment.gatewayInvoiceId !== p.invoiceId
          ? 'invoice'
          : null;
    if (!payment || reason) {
      await audit(tx, null, null, {
        action: 'payment.callback_unknown',
        applicationId: payment?.applicationId ?? null,
        data: { invoice: p.invoiceId, reason },
      });
      return { status: 400, outcome: 'unknown_payment' } as const;
    }
    const [fresh] = await tx
      .insert(paymentCallbacks)
      .values({ eventId: p.eventId, paymentId: payment.id, outcome: p.outcome })
      .onConflictDoNothing()
      .returning();
    if (!fresh) return { status: 200, outcome: 'duplicate' } as const;
    if (p.outcome !== 'paid') {
      // A decline (by the bank, the payer's cancel, an expired invoice) counts only while the payment is open: it
      // never undoes money already taken. Which one it was stays in payment_callbacks.outcome, for the payer's words.
      const [changed] = await tx
        .update(payments)
        .set({ status: 'declined' })
        .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending')))
        .returning();
      if (!changed) return { status: 200, outcome: 'duplicate' } as const;
      await audit(tx, null, null, {
        action: 'payment.declined',
        applicationId: payment.applicationId,
        subjectIin: null,
        data: { payment: payment.id, invoice: p.invoiceId, outcome: p.outcome },
      });
      if (via === 'reconciliation') await auditReconciled(tx, payment, p);
      return { status: 200, outcome: 'applied' } as const;
    }
    if (payment.status === 'paid' || payment.status === 'refunded') return { status: 200, outcome: 'duplicate' } as const;
    await settlePaid(tx, payment, new Date(p.at), p.invoiceId);
    if (via === 'reconciliation') await auditReconciled(tx, payment, p);
    return { status: 200, outcome: 'applied' } as const;
  });
}

/** The callback never came: the outcome was learnt by asking the gateway. */
async function auditReconciled(tx: DbOrTx, payment: Payment, p: CallbackPayload) {
  await audit(tx, null, null, {
    action: 'payment.reconciled',
    applicationId: payment.applicationId,
    data: { payment: payment.id, invoice: p.invoiceId, outcome: p.outcome },
  });
}

/**
 * Money arrived for a payment that may be pending, declined (the bank's decline came first) or superseded (the
 * payer paid an old tab at an old fee). Money is never kept silently: paid at a superseded fee, paid twice for a
 * purpose, or paid after the application stopped waiting for it (cancelled, declined, refused, expired), it
 * becomes a refund record.
 */
async function settlePaid(tx: DbOrTx, payment: Payment, at: Date, invoice: string) {
  // Money arrived: the payer's receipt gets its number now, once (the row is locked; a repeated callback stops earlier).
  const receiptNumber = payment.receiptNumber ?? (await nextReceiptNumber(tx, at));
  if (payment.status === 'superseded') {
    // an old tab's invoice at a fee no longer due: the new invoice stands
    await tx.update(payments).set({ paidAt: at, receiptNumber }).where(eq(payments.id, payment.id));
    await refundPayment(tx, payment, 'payment_superseded');
    await audit(tx, null, null, {
      action: 'payment.refunded',
      applicationId: payment.applicationId,
      subjectIin: null,
      data: { payment: payment.id, invoice, reason: 'payment_superseded' },
    });
    return;
  }
  const [other] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.purposeKey, payment.purposeKey), inArray(payments.status, ['pending', 'paid']), ne(payments.id, payment.id)))
    .for('update');
  if (other?.status === 'paid') {
    await tx.update(payments).set({ paidAt: at, receiptNumber }).where(eq(payments.id, payment.id));
    await refundPayment(tx, payment, 'paid_twice');
    await audit(tx, null, null, {
      action: 'payment.paid_twice',
      applicationId: payment.applicationId,
      subjectIin: null,
      data: { payment: payment.id, invoice },
    });
    return;
  }
  if (other) await tx.update(payments).set({ status: 'superseded' }).where(eq(payments.id, other.id)); // its invoice is no longer needed
  await tx.update(payments).set({ status: 'paid', paidAt: at, receiptNumber }).where(eq(payments.id, payment.id));
  await audit(tx, null, null, {
    action: 'payment.paid',
    applicationId: payment.applicationId,
    subjectIin: null,
    data: { payment: payment.id, invoice },
  });
  // Issue 15: the payer knows the application by its human number (VR-2026-000123), never by a payment id.
  const [app] = payment.applicationId
    ? await tx.select({ number: applications.number }).from(applications).where(eq(applications.id, payment.applicationId))
    : [];
  await notify(tx, `payment:${payment.id}:paid`, {
    recipientIin: payment.payerIin,
    applicationId: payment.applicationId ?? undefined,
    kind: app ? 'payment_received' : 'payment_received_plain',
    sms: true,
    params: app ? { amountTiyn: payment.amountTiyn, number: app.number } : { amountTiyn: payment.amountTiyn },
  });
  if (!(await onPaymentPaid(tx, payment))) {
    await refundPayment(tx, payment, 'paid_after_close');
    await audit(tx, null, null, {
      action: 'payment.refunded',
      applicationId: payment.applicationId,
      subjectIin: null,
      data: { payment: payment.id, reason: 'paid_after_close' },
    });
  }
}
