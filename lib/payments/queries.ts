import 'server-only';
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { paymentCallbacks, payments, refunds } from '@/db/schema/payments';
import { fees } from '@/db/schema/reference';

/** The payer's payments with their refunds, newest first (one query). */
export async function paymentsOf(iin: string, limit = 50) {
  return db
    .select({
      id: payments.id,
      amountTiyn: payments.amountTiyn,
      status: payments.status,
      lines: payments.lines,
      createdAt: payments.createdAt,
      paidAt: payments.paidAt,
      receiptNumber: payments.receiptNumber,
      refundStatus: refunds.status,
      refundReason: refunds.reason,
      /** How a declined payment ended (the gateway's outcome: declined, cancelled, expired), for the payer's words. */
      failedOutcome: sql<string | null>`(select ${paymentCallbacks.outcome} from ${paymentCallbacks}
        where ${paymentCallbacks.paymentId} = ${payments.id} and ${paymentCallbacks.outcome} <> 'paid'
        order by ${paymentCallbacks.receivedAt} desc limit 1)`,
    })
    .from(payments)
    .leftJoin(refunds, eq(refunds.paymentId, payments.id))
    .where(eq(payments.payerIin, iin))
    .orderBy(desc(payments.createdAt))
    .limit(limit);
}

/** Every fee's name in both languages (reference data): a payment line is never shown as its code. */
export async function feeNames() {
  const rows = await db.select({ code: fees.code, nameKk: fees.nameKk, nameRu: fees.nameRu }).from(fees);
  return new Map(rows.map((r) => [r.code, r]));
}

/** The payer's receipts for one application (paid payments have a receipt number), oldest first. */
export async function receiptsOf(applicationId: string, payerIin: string) {
  return db
    .select({ id: payments.id, receiptNumber: payments.receiptNumber, paidAt: payments.paidAt, amountTiyn: payments.amountTiyn })
    .from(payments)
    .where(and(eq(payments.applicationId, applicationId), eq(payments.payerIin, payerIin), isNotNull(payments.receiptNumber)))
    .orderBy(asc(payments.paidAt));
}

/** One of the payer's own payments (the one the gateway sent them back with), or null: its status and how it failed. */
export async function returnedPaymentOf(iin: string, paymentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(paymentId)) return null;
  const [row] = await db
    .select({
      id: payments.id,
      status: payments.status,
      failedOutcome: sql<string | null>`(select ${paymentCallbacks.outcome} from ${paymentCallbacks}
        where ${paymentCallbacks.paymentId} = ${payments.id} and ${paymentCallbacks.outcome} <> 'paid'
        order by ${paymentCallbacks.receivedAt} desc limit 1)`,
    })
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.payerIin, iin)));
  return row ?? null;
}
