import type { DbOrTx } from '@/db/client';
import { onDutyPaid as idCardDutyPaid } from '@/lib/id-card/citizen-service';
import { onFeesPaid as vehicleFeesPaid } from '@/lib/vehicle-registration/buyer-service';

/**
 * What a paid payment moves on, by the purpose key's first part (`vehicle:<id>:fees`). Runs in the callback's
 * transaction, so the payment and the application's step commit together or not at all.
 */
const handlers: Record<string, (tx: DbOrTx, applicationId: string, paymentId: string) => Promise<void>> = {
  vehicle: vehicleFeesPaid,
  id_card: idCardDutyPaid,
};

export async function onPaymentPaid(tx: DbOrTx, payment: { id: string; purposeKey: string; applicationId: string | null }) {
  const handler = handlers[payment.purposeKey.split(':')[0] ?? ''];
  if (handler && payment.applicationId) await handler(tx, payment.applicationId, payment.id);
}
