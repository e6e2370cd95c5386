import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { payments, refunds, type FeeLine } from '@/db/schema/payments';
import { fees, mrpValues } from '@/db/schema/reference';
import { localYear } from '@/lib/calendar/local';
import { DomainError } from '@/lib/errors';
import { cachedReference } from '@/lib/reference/cache';
import type { Registries } from '@/lib/registries';
import { priceFees, totalTiyn } from './fees';

// One API for every pilot's fee, keyed by purpose (`vehicle:<id>:fees`, `id_card:<id>:duty`): the bill shown,
// the invoice opened, the paid payment found, the refund made. The partial unique index
// payments_one_active_per_purpose keeps one pending or paid payment per purpose; this module relies on it.

export type Payment = typeof payments.$inferSelect;

/** The fees of a purpose priced at the MRP of a (local) year, with each fee's names for display; null without that MRP. */
export async function billFor(db: DbOrTx, feeCodes: readonly string[], year = localYear()) {
  // The fee table and the MRP are cached per process until reference data changes (lib/reference/cache.ts).
  const [all, [mrp]] = await Promise.all([
    cachedReference(db, 'fees', () => db.select().from(fees)),
    cachedReference(db, `mrp:${year}`, () => db.select().from(mrpValues).where(eq(mrpValues.year, year))),
  ]);
  if (!mrp) return null;
  const lines = priceFees(all, feeCodes, mrp.valueTenge).map((l) => ({ ...l, fee: all.find((f) => f.code === l.code)! }));
  return { lines, totalTiyn: totalTiyn(lines), mrpTenge: mrp.valueTenge, year };
}

const ACTIVE = ['pending', 'paid'] as const;

/** The payment that holds the money of a purpose, if any. */
export async function paidPaymentOf(db: DbOrTx, purposeKey: string): Promise<Payment | null> {
  const [paid] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.purposeKey, purposeKey), eq(payments.status, 'paid')));
  return paid ?? null;
}

export type PayForPurpose = {
  payerIin: string;
  applicationId?: string | null;
  purposeKey: string;
  feeCodes: readonly string[];
  /** The MRP year; the local (Almaty) year by default. */
  year?: number;
  descriptionKk: string;
  descriptionRu: string;
  /** Where the gateway sends the payer back, with ?payment=<id> appended. */
  returnPath: string;
};

const sameFee = (p: Payment, lines: readonly FeeLine[]) =>
  p.amountTiyn === totalTiyn(lines) && JSON.stringify(p.lines) === JSON.stringify(lines);

/**
 * The one pending payment of a purpose at today's fee, locked for this transaction. Insert … on conflict: of two
 * parallel clicks one inserts and the other waits for it, then finds it. A pending payment at another amount
 * (the plate type changed, a new MRP year) is superseded and a new one made; a paid purpose is refused.
 */
async function openPayment(tx: DbOrTx, input: PayForPurpose, lines: FeeLine[]): Promise<Payment> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [created] = await tx
      .insert(payments)
      .values({
        applicationId: input.applicationId ?? null,
        payerIin: input.payerIin,
        lines,
        amountTiyn: totalTiyn(lines),
        purposeKey: input.purposeKey,
      })
      .onConflictDoNothing({ target: payments.purposeKey, where: sql`status in ('pending', 'paid')` })
      .returning();
    if (created) return created;
    const [active] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.purposeKey, input.purposeKey), inArray(payments.status, ACTIVE)))
      .for('update');
    if (!active) continue; // declined or superseded between the two statements: insert again
    if (active.status === 'paid') throw new DomainError('already_paid');
    if (sameFee(active, lines)) return active;
    await tx
      .update(payments)
      .set({ status: 'superseded' })
      .where(and(eq(payments.id, active.id), eq(payments.status, 'pending')));
  }
  throw new DomainError('application_changed');
}

/**
 * Opens (or reopens) the invoice of a purpose: a double click lands on the same gateway page, never a second
 * payment. The invoice is asked for while the payment row is locked, so two clicks cannot each store another
 * invoice id; an invoice the payer already paid (its callback on the way) is never replaced.
 */
export async function payForPurpose(db: Db, registries: Registries, input: PayForPurpose) {
  const year = input.year ?? localYear();
  const bill = await billFor(db, input.feeCodes, year);
  if (!bill) throw new DomainError('fee_table_incomplete', { year });
  const lines = bill.lines.map(({ code, mrpMilli, amountTiyn }) => ({ code, mrpMilli, amountTiyn }));
  return db.transaction(async (tx) => {
    const payment = await openPayment(tx, input, lines);
    if (payment.gatewayInvoiceId && (await registries.payments.getInvoice(payment.gatewayInvoiceId))?.status === 'paid') {
      throw new DomainError('already_paid');
    }
    const sep = input.returnPath.includes('?') ? '&' : '?';
    const invoice = await registries.payments.createInvoice({
      merchantRef: payment.id,
      amountTiyn: payment.amountTiyn,
      descriptionKk: input.descriptionKk,
      descriptionRu: input.descriptionRu,
      returnUrl: `${input.returnPath}${sep}payment=${payment.id}`,
    });
    if (payment.gatewayInvoiceId !== invoice.invoiceId) {
      await tx.update(payments).set({ gatewayInvoiceId: invoice.invoiceId }).where(eq(payments.id, payment.id));
    }
    return { paymentId: payment.id, payUrl: invoice.payUrl };
  });
}

/**
 * Gives a payment's money back: a refund record the payment system settles (once per payment), and the payment
 * `refunded`, so the purpose may be paid again. Returns the refunded payment, or null when none was paid.
 */
export async function refundPayment(tx: DbOrTx, payment: Pick<Payment, 'id' | 'amountTiyn'>, reason: string) {
  await tx.insert(refunds).values({ paymentId: payment.id, amountTiyn: payment.amountTiyn, reason }).onConflictDoNothing();
  const [row] = await tx.update(payments).set({ status: 'refunded' }).where(eq(payments.id, payment.id)).returning();
  return row ?? null;
}

/** Refunds the paid payment of a purpose (an application closed without its service after the fee was paid). */
export async function refundPurpose(tx: DbOrTx, purposeKey: string, reason: string): Promise<Payment | null> {
  const [paid] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.purposeKey, purposeKey), eq(payments.status, 'paid')))
    .for('update');
  return paid ? refundPayment(tx, paid, reason) : null;
}
