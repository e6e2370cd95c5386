import { z } from 'zod';

// The gateway sends the payer back here: a portal path or an http(s) URL, never `//host` or `javascript:`.
const returnUrlSchema = z.string().refine((u) => (u.startsWith('/') && !u.startsWith('//')) || /^https?:\/\//.test(u), {
  message: 'returnUrl must be a path or an http(s) URL',
});

export const invoiceRequestSchema = z.object({
  /** The portal's payment id: the callback carries it back so the portal knows what was paid. */
  merchantRef: z.string().min(1),
  amountTiyn: z.number().int().positive(),
  descriptionKk: z.string().min(1),
  descriptionRu: z.string().min(1),
  returnUrl: returnUrlSchema,
});
export type InvoiceRequest = z.infer<typeof invoiceRequestSchema>;

export const invoiceSchema = invoiceRequestSchema.extend({
  invoiceId: z.string(),
  status: z.enum(['open', 'paid', 'declined', 'cancelled', 'expired']),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

/**
 * How an invoice ended: paid; `declined` by the bank; `cancelled` by the payer on the gateway's page; `expired` (the
 * invoice's time ran out). The portal treats the three failures alike (the payment is declined, pay again) but tells
 * the payer which one it was (issue 15).
 */
export const paymentOutcomeSchema = z.enum(['paid', 'declined', 'cancelled', 'expired']);
export type PaymentOutcome = z.infer<typeof paymentOutcomeSchema>;

/** The signed message the gateway posts to the portal (SPEC §2.4); parse the verified body with this. */
export const callbackPayloadSchema = z.object({
  /** One per invoice completion: the portal's callback handler dedupes on it. */
  eventId: z.string(),
  invoiceId: z.string(),
  merchantRef: z.string(),
  outcome: paymentOutcomeSchema,
  amountTiyn: z.number().int(),
  at: z.iso.datetime(),
});
export type CallbackPayload = z.infer<typeof callbackPayloadSchema>;

/** The payment gateway: invoice → hosted payment page → signed callback. */
export interface PaymentGateway {
  /** An open invoice for the same merchantRef and amount is reused, so a retried request pays once. */
  createInvoice(request: InvoiceRequest): Promise<{ invoiceId: string; payUrl: string }>;
  getInvoice(invoiceId: string): Promise<Invoice | null>;
  /**
   * What the payer did on the hosted page. Returns the callback to deliver; an invoice already
   * completed keeps its first outcome and returns the same callback again. null = no such invoice.
   */
  complete(invoiceId: string, outcome: PaymentOutcome): Promise<CallbackPayload | null>;
  /**
   * The invoice's state as the gateway knows it, for reconciliation when a callback was lost: still open, or
   * completed with the same payload its callback carried (same event id, so a late callback is a duplicate).
   * null = no such invoice.
   */
  status(invoiceId: string): Promise<InvoiceStatus | null>;
}

export type InvoiceStatus = { state: 'open' } | { state: 'completed'; payload: CallbackPayload };
