import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { machineryActionFees } from '@/db/schema/machinery';
import { fees, plateTypes, regions, type Pilot } from '@/db/schema/reference';
import { toLocalDate } from '@/lib/calendar/deadline';
import { dutyFeeCodes } from '@/lib/id-card/citizen-service';
import { billFor } from '@/lib/payments/purpose';
import { allPilotSettings, pilotOpen } from '@/lib/reference/queries';
import { vehicleFeeCodes } from '@/lib/vehicle-registration/plates';
import { startTargetOf } from './start-targets';

export type { Pilot };

/**
 * The fee codes a citizen of each pilot pays, from the reference data (issue 15: the start page shows the cost in ₸):
 * vehicles — registration, SRTS and the plate of a person's standard plate type (order 000 step 17); machinery —
 * first registration (the action fee table, orders 001/004 p.6 (3)); the ID card — the state duty (order 002 step
 * 15); residence — none (order 003 sets no fee).
 */
async function feeCodesOf(pilot: Pilot): Promise<string[]> {
  if (pilot === 'vehicle') {
    const [plate] = await db
      .select({ feeCode: plateTypes.feeCode })
      .from(plateTypes)
      .where(and(eq(plateTypes.forLegalEntity, false), eq(plateTypes.offeredOnline, true)))
      .orderBy(asc(plateTypes.code))
      .limit(1);
    return vehicleFeeCodes(plate?.feeCode);
  }
  if (pilot === 'machinery') {
    // Cheapest first: registration, then the document, then the plate.
    const rows = await db
      .select({ code: machineryActionFees.feeCode })
      .from(machineryActionFees)
      .innerJoin(fees, eq(fees.code, machineryActionFees.feeCode))
      .where(eq(machineryActionFees.action, 'registration'))
      .orderBy(asc(fees.mrpMilli), asc(fees.code));
    return rows.map((r) => r.code);
  }
  if (pilot === 'id_card') return [...dutyFeeCodes];
  return [];
}

/** What a public start page states from data: open or not, until when, where, what it costs, the pilot's numbers. */
export async function serviceStartFacts(pilot: Pilot) {
  const setting = (await allPilotSettings()).get(pilot);
  const codes = setting?.regionCodes ?? [];
  const [all, pilotRegions, bill] = await Promise.all([
    db.select({ code: regions.code }).from(regions),
    codes.length
      ? db
          .select({ code: regions.code, nameKk: regions.nameKk, nameRu: regions.nameRu })
          .from(regions)
          .where(inArray(regions.code, codes))
          .orderBy(asc(regions.code))
      : Promise.resolve([]),
    billFor(db, await feeCodesOf(pilot)),
  ]);
  return {
    open: pilotOpen(setting, toLocalDate(new Date())),
    endsOn: setting?.endsOn ?? null,
    params: setting?.params ?? {},
    /** null: every region of the country takes part. */
    regions: pilotRegions.length >= all.length ? null : pilotRegions,
    bill,
    target: startTargetOf(pilot),
  };
}
