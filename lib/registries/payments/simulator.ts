import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { gatewayInvoices } from '@/db/schema/registry';
import {
  invoiceRequestSchema,
  paymentOutcomeSchema,
  type CallbackPayload,
  type Invoice,
  type InvoiceRequest,
  type InvoiceStatus,
  type PaymentGateway,
  type PaymentOutcome,
} from './port';

type Row = typeof gatewayInvoices.$inferSelect;

const payUrl = (invoiceId: string) => `/gateway/pay/${invoiceId}`;
const toInvoice = ({ id, ...rest }: Row): Invoice => ({ invoiceId: id, ...rest });

function callbackOf(row: Row): CallbackPayload | null {
  if (row.status === 'open' || !row.completedAt) return null;
  return {
    eventId: `evt_${row.id}`, // one completion per invoice, so redelivery carries the same event id
    invoiceId: row.id,
    merchantRef: row.merchantRef,
    outcome: row.status,
    amountTiyn: row.amountTiyn,
    at: row.completedAt.toISOString(),
  };
}

export class PaymentGatewaySimulator implements PaymentGateway {
  constructor(private readonly db: DbOrTx) {}

  async createInvoice(request: InvoiceRequest): Promise<{ invoiceId: string; payUrl: string }> {
    const req = invoiceRequestSchema.parse(request);
    const [open] = await this.db
      .select({ id: gatewayInvoices.id })
      .from(gatewayInvoices)
      .where(
        and(
          eq(gatewayInvoices.merchantRef, req.merchantRef),
          eq(gatewayInvoices.amountTiyn, req.amountTiyn),
          eq(gatewayInvoices.status, 'open'),
        ),
      )
      .limit(1);
    const invoiceId = open?.id ?? randomUUID();
    if (!open) await this.db.insert(gatewayInvoices).values({ id: invoiceId, ...req });
    return { invoiceId, payUrl: payUrl(invoiceId) };
  }

  async getInvoice(invoiceId: string): Promise<Invoice | null> {
    const [row] = await this.db.select().from(gatewayInvoices).where(eq(gatewayInvoices.id, invoiceId));
    return row ? toInvoice(row) : null;
  }

  async complete(invoiceId: string, outcome: PaymentOutcome): Promise<CallbackPayload | null> {
    const status = paymentOutcomeSchema.parse(outcome);
    // Compare-and-set on `open`: paying twice on the hosted page completes the invoice once.
    const [done] = await this.db
      .update(gatewayInvoices)
      .set({ status, completedAt: new Date() })
      .where(and(eq(gatewayInvoices.id, invoiceId), eq(gatewayInvoices.status, 'open')))
      .returning();
    if (done) return callbackOf(done);
    const [row] = await this.db.select().from(gatewayInvoices).where(eq(gatewayInvoices.id, invoiceId));
    return row ? callbackOf(row) : null;
  }

  async status(invoiceId: string): Promise<InvoiceStatus | null> {
    const [row] = await this.db.select().from(gatewayInvoices).where(eq(gatewayInvoices.id, invoiceId));
    if (!row) return null;
    const payload = callbackOf(row);
    return payload ? { state: 'completed', payload } : { state: 'open' };
  }
}
