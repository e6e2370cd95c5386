import type { DbOrTx } from '@/db/client';
import { refundPurpose } from '@/lib/payments/purpose';

/** The payment purpose of step 17: one paid payment per application. */
export const feesPurpose = (applicationId: string) => `vehicle:${applicationId}:fees`;

/**
 * An application that closes without registration after the buyer paid gives the money back: the refund is a
 * record the payment system settles (once per payment). Returns whether there was anything to refund.
 */
export async function refundPaidFees(tx: DbOrTx, applicationId: string, reason: string): Promise<boolean> {
  return !!(await refundPurpose(tx, feesPurpose(applicationId), reason));
}
