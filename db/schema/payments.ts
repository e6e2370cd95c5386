import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';

export type FeeLine = { code: string; mrpMilli: number; amountTiyn: number };

export const paymentStatuses = ['pending', 'paid', 'declined', 'refunded', 'superseded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** An invoice sent to the payment gateway; amounts in tiyn (1/100 ₸). */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').references(() => applications.id),
    payerIin: text('payer_iin').notNull(),
    lines: jsonb('lines').$type<FeeLine[]>().notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
    /** `superseded`: a pending invoice replaced by one at the current fee (plate type changed, new MRP year). */
    status: text('status', { enum: paymentStatuses }).notNull().default('pending'),
    /** The application and purpose this invoice is for: at most one pending or paid payment each (the index below). */
    purposeKey: text('purpose_key').notNull(),
    gatewayInvoiceId: text('gateway_invoice_id').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** The receipt's human number (RCP-2026-000123), given once when the money arrives (lib/payments/receipt.ts). */
    receiptNumber: text('receipt_number').unique(),
  },
  (t) => [
    index().on(t.applicationId),
    index().on(t.payerIin, t.createdAt),
    index().on(t.purposeKey),
    // Two parallel "Pay" clicks insert … on conflict against this index, so the database, not a read before the
    // write, decides that there is one open or paid payment per purpose (lib/payments/purpose.ts).
    uniqueIndex('payments_one_active_per_purpose')
      .on(t.purposeKey)
      .where(sql`${t.status} in ('pending', 'paid')`),
    // The reconciliation job's scan: pending payments, oldest first (lib/payments/reconcile.ts).
    index('payments_pending_created')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Gateway callbacks as received: the event id is unique, so the same callback twice is one payment. */
export const paymentCallbacks = pgTable('payment_callbacks', {
  eventId: text('event_id').primaryKey(),
  paymentId: uuid('payment_id').references(() => payments.id),
  outcome: text('outcome').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

export const refunds = pgTable('refunds', {
  id: uuid('id').primaryKey().defaultRandom(),
  paymentId: uuid('payment_id')
    .notNull()
    .references(() => payments.id)
    .unique(),
  amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  status: text('status', { enum: ['pending', 'done'] })
    .notNull()
    .default('pending'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
