import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { payments } from '@/db/schema/payments';
import { fees, mrpValues } from '@/db/schema/reference';
import { DomainError } from '@/lib/errors';
import type { Registries } from '@/lib/registries';
import { priceFees, totalTiyn } from './fees';

export type StartPayment = {
  payerIin: string;
  applicationId?: string | null;
  /** What is being paid, e.g. `vehicle:<id>:fees`: one open or paid payment per purpose. */
  purposeKey: string;
  feeCodes: string[];
  year: number;
  descriptionKk: string;
  descriptionRu: string;
  /** Where the gateway sends the payer back, with ?payment=<id> appended. */
  returnPath: string;
};

/**
 * Opens (or reopens) the payment for a purpose. Paying twice is impossible: a paid purpose is refused, and a
 * pending one reuses its invoice, so a double click lands on the same gateway page.
 */
export async function startPayment(db: Db, registries: Registries, input: StartPayment) {
  const existing = await db.select().from(payments)
    .where(and(eq(payments.purposeKey, input.purposeKey), inArray(payments.status, ['pending', 'paid'])));
  if (existing.some((p) => p.status === 'paid')) throw new DomainError('already_paid');
  let payment = existing.find((p) => p.status === 'pending');
  if (!payment) {
    const [mrp] = await db.select().from(mrpValues).where(eq(mrpValues.year, input.year));
    if (!mrp) throw new DomainError('fee_table_incomplete', { year: input.year });
    const lines = priceFees(await db.select().from(fees), input.feeCodes, mrp.valueTenge);
    [payment] = await db.insert(payments).values({
      applicationId: input.applicationId ?? null, payerIin: input.payerIin, lines, amountTiyn: totalTiyn(lines), purposeKey: input.purposeKey,
    }).returning();
  }
  if (!payment) throw new Error('payment not created');
  const sep = input.returnPath.includes('?') ? '&' : '?';
  const invoice = await registries.payments.createInvoice({
    merchantRef: payment.id, amountTiyn: payment.amountTiyn, descriptionKk: input.descriptionKk, descriptionRu: input.descriptionRu,
    returnUrl: `${input.returnPath}${sep}payment=${payment.id}`,
  });
  if (payment.gatewayInvoiceId !== invoice.invoiceId) {
    await db.update(payments).set({ gatewayInvoiceId: invoice.invoiceId }).where(eq(payments.id, payment.id));
  }
  return { paymentId: payment.id, payUrl: invoice.payUrl };
}
