import type { DbOrTx } from '@/db/client';
import type { Pilot } from '@/db/schema/reference';
import { pilotRegistry } from '@/lib/pilots';

/**
 * What a paid payment moves on, by the purpose key's first part, the pilot (`vehicle:<id>:fees`), as the pilot
 * registered it (lib/pilots). Runs in the callback's transaction, so the payment and the application's step
 * commit together or not at all. Whether it moved the application; false = it no longer waits for this money
 * (the callback refunds).
 */
export async function onPaymentPaid(
  tx: DbOrTx,
  payment: { id: string; purposeKey: string; applicationId: string | null },
): Promise<boolean> {
  const pilot = payment.purposeKey.split(':')[0] ?? '';
  const onPaid = Object.hasOwn(pilotRegistry, pilot) ? pilotRegistry[pilot as Pilot].onPaid : undefined;
  if (!onPaid || !payment.applicationId) return true; // a purpose without an application step (nothing to move)
  return onPaid(tx, payment.applicationId, payment.id);
}
