import type { DbOrTx } from '@/db/client';
import { onDutyPaid as idCardDutyPaid } from '@/lib/id-card/citizen-service';
import { onFeesPaid as vehicleFeesPaid } from '@/lib/vehicle-registration/buyer-service';

/**
 * What a paid payment moves on, by the purpose key's first part (`vehicle:<id>:fees`). Runs in the callback's
 * transaction, so the payment and the application's step commit together or not at all.
 */
const handlers: Record<string, (tx: DbOrTx, applicationId: string, paymentId: string) => Promise<boolean>> = {
  vehicle: vehicleFeesPaid,
  id_card: idCardDutyPaid,
};

/** Whether the payment moved its application on; false = it no longer waits for this money (the callback refunds). */
export async function onPaymentPaid(tx: DbOrTx, payment: { id: string; purposeKey: string; applicationId: string | null }): Promise<boolean> {
  const handler = handlers[payment.purposeKey.split(':')[0] ?? ''];
  if (!handler || !payment.applicationId) return true; // a purpose without an application step (nothing to move)
  return handler(tx, payment.applicationId, payment.id);
}
