import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { RegistrySystem } from '@/db/schema/registry-ops';
import { pilotSettings } from '@/db/schema/reference';
import { DomainError } from '@/lib/errors';
import { hasBeenFailingFor } from '@/lib/registries';
import { isRegistryUnavailable } from '@/lib/registries/errors';

/**
 * Point 12 of order 002: a technical failure for more than 10 minutes of the portal, the mobile apps, BMG or the
 * biometric identification (Digital-ID) sends the citizen to a CON. GBD FL is not in the order's list: its outage
 * stays "try again later" (docs/decisions.md).
 */
export const outageSystems: readonly RegistrySystem[] = ['bmg', 'digital_id'];

/** The pilot's threshold in minutes (pilot setting `outageMinutes`, 10 in the order). */
export async function outageMinutes(db: Db): Promise<number> {
  const [settings] = await db.select({ params: pilotSettings.params }).from(pilotSettings).where(eq(pilotSettings.pilot, 'id_card'));
  return Number(settings?.params.outageMinutes ?? 10);
}

/**
 * Rethrows a failed call: as "go to a CON" (the same message at every step) when it is one of point 12's systems and
 * it has been failing longer than the threshold; otherwise unchanged, which the UI shows as "try again".
 */
export async function outageError(db: Db, e: unknown, minutes?: number): Promise<never> {
  if (isRegistryUnavailable(e) && outageSystems.includes(e.system)) {
    if (await hasBeenFailingFor(db, e.system, minutes ?? (await outageMinutes(db))))
      throw new DomainError('id_card_outage_go_to_con', { system: e.system });
  }
  throw e;
}
