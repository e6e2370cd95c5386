import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { idCardApplications } from '@/db/schema/id-card';
import { vehicleApplications } from '@/db/schema/vehicle';

/**
 * The mobile number an application names for this recipient, for SMS when BMG has none: the vehicle buyer's
 * (order 000 step 16: "no registered number → the buyer enters one") and the ID-card applicant's contact phone
 * (order 002 step 8). Only that application's own person: nobody else's SMS goes to a number they typed.
 */
export async function applicationPhoneOf(db: DbOrTx, applicationId: string, recipientIin: string): Promise<string | null> {
  const [vehicle] = await db
    .select({ phone: vehicleApplications.phone })
    .from(vehicleApplications)
    .where(and(eq(vehicleApplications.applicationId, applicationId), eq(vehicleApplications.buyerIin, recipientIin)));
  if (vehicle?.phone) return vehicle.phone;
  const [card] = await db
    .select({ phone: idCardApplications.phone })
    .from(idCardApplications)
    .where(and(eq(idCardApplications.applicationId, applicationId), eq(idCardApplications.iin, recipientIin)));
  return card?.phone ?? null;
}
