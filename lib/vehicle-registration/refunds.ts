import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { payments, refunds } from '@/db/schema/payments';

/** The payment purpose of step 17: one paid payment per application. */
export const feesPurpose = (applicationId: string) => `vehicle:${applicationId}:fees`;

/**
 * An application that closes without registration after the buyer paid gives the money back: the refund is a
 * record the payment system settles (once per payment). Returns whether there was anything to refund.
 */
export async function refundPaidFees(tx: DbOrTx, applicationId: string, reason: string): Promise<boolean> {
  const [paid] = await tx.select().from(payments).where(and(eq(payments.purposeKey, feesPurpose(applicationId)), eq(payments.status, 'paid')));
  if (!paid) return false;
  await tx.insert(refunds).values({ paymentId: paid.id, amountTiyn: paid.amountTiyn, reason }).onConflictDoNothing();
  return true;
}
