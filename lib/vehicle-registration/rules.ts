// The pure rules of order 000's registry checks (steps 1, 3 and 12, p.1): unit-tested without a database; the runs
// that ask the registries and apply them are in check-runs.ts.
import type { VehicleSnapshot } from '@/db/schema/vehicle';
import type { VehiclePassport } from '@/lib/registries/vehicle-passports/port';

/** Pure, step 1: the organisation may sell vehicles when one of its OKED codes is on the allow-list. */
export function okedAllowsVehicleSales(okeds: readonly string[], allowed: readonly string[]): boolean {
  return okeds.some((o) => allowed.includes(o.trim()));
}

/** Pure, steps 3 and 12: an e-passport that is not active (cancelled, already registered…) does not count. */
export function passportAllowsRegistration(p: VehiclePassport | null): p is VehiclePassport {
  return !!p && p.status === 'active';
}

/**
 * Pure, order 000 p.1 (checked at step 3): the pilot registers only vehicles made in Kazakhstan. Made here means
 * the e-passport names its manufacturer by a BIN (only a Kazakh legal entity has one; an imported vehicle's
 * passport names a foreign maker) and that BIN is on the list of domestic manufacturers (docs/decisions.md).
 */
export function madeInKazakhstan(p: Pick<VehiclePassport, 'manufacturerBin'>, domesticBins: readonly string[]): boolean {
  const bin = p.manufacturerBin?.trim();
  return !!bin && domesticBins.includes(bin);
}

export function vehicleSnapshot(p: VehiclePassport): VehicleSnapshot {
  return {
    make: p.make,
    model: p.model,
    year: p.year,
    category: p.category,
    colourKk: p.colourKk,
    colourRu: p.colourRu,
    engine: p.engine,
    bodyNumber: p.bodyNumber,
    massKg: p.massKg,
  };
}
