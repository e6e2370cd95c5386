// The registry checks of order 000, steps 1–8 and 11–14, over the ports (services pass real or fake ones).
// Each check yields a line for the timeline (step, system, outcome) and, on failure, the order's message code.
import type { RegistrySystem } from '@/db/schema/registry-ops';
import type { ContractSnapshot, VehicleSnapshot } from '@/db/schema/vehicle';
import type { Registries } from '@/lib/registries';
import type { Business } from '@/lib/registries/business/port';
import type { Fine } from '@/lib/registries/erap/port';
import type { Person } from '@/lib/registries/gbd-fl/port';
import type { VehiclePassport } from '@/lib/registries/vehicle-passports/port';

export type CheckLine = { step: number; system: RegistrySystem; ok: boolean; code: string };

/** The outcome of a run of checks: the lines so far, and either the facts found or the message that stops it. */
export type CheckRun<T> = { lines: CheckLine[] } & ({ ok: true; value: T } | { ok: false; code: string; params?: Record<string, unknown> });

/** Pure, step 1: the organisation may sell vehicles when one of its OKED codes is on the allow-list. */
export function okedAllowsVehicleSales(okeds: readonly string[], allowed: readonly string[]): boolean {
  return okeds.some((o) => allowed.includes(o.trim()));
}

/** Pure, steps 3 and 12: an e-passport that is not active (cancelled, already registered…) does not count. */
export function passportAllowsRegistration(p: VehiclePassport | null): p is VehiclePassport {
  return !!p && p.status === 'active';
}

export function vehicleSnapshot(p: VehiclePassport): VehicleSnapshot {
  return { make: p.make, model: p.model, year: p.year, category: p.category, colourKk: p.colourKk, colourRu: p.colourRu, engine: p.engine, bodyNumber: p.bodyNumber, massKg: p.massKg };
}

const line = (step: number, system: RegistrySystem, ok: boolean, code: string): CheckLine => ({ step, system, ok, code });

/** Step 1: the dealer's organisation from the business registry, and its right to sell vehicles. */
export async function checkSeller(reg: Registries, bin: string, allowedOkeds: readonly string[]): Promise<CheckRun<Business>> {
  const business = await reg.business.findByBin(bin);
  if (!business || !okedAllowsVehicleSales(business.okeds, allowedOkeds)) {
    return { lines: [line(1, 'business', false, 'vehicle_oked_not_allowed')], ok: false, code: 'vehicle_oked_not_allowed' };
  }
  return { lines: [line(1, 'business', true, 'vehicle_oked_allowed')], ok: true, value: business };
}

/** Steps 3–5: e-passport, customs payments, recycling fee. Stops at the first "no". */
export async function checkVehicle(reg: Registries, vin: string): Promise<CheckRun<{ vehicle: VehicleSnapshot; customsDeclaration: string | null }>> {
  const lines: CheckLine[] = [];
  const passport = await reg.vehiclePassports.findByVin(vin);
  if (!passportAllowsRegistration(passport)) return { lines: [...lines, line(3, 'vehicle_passports', false, 'vehicle_no_passport')], ok: false, code: 'vehicle_no_passport' };
  lines.push(line(3, 'vehicle_passports', true, 'vehicle_passport_found'));
  const customs = await reg.customs.findPayment(vin);
  if (!customs?.paid) return { lines: [...lines, line(4, 'customs', false, 'vehicle_no_customs')], ok: false, code: 'vehicle_no_customs' };
  lines.push(line(4, 'customs', true, 'vehicle_customs_paid'));
  const recycling = await reg.recycling.findFee(vin);
  if (!recycling?.paid) return { lines: [...lines, line(5, 'recycling', false, 'vehicle_no_recycling')], ok: false, code: 'vehicle_no_recycling' };
  lines.push(line(5, 'recycling', true, 'vehicle_recycling_paid'));
  return { lines, ok: true, value: { vehicle: vehicleSnapshot(passport), customsDeclaration: customs.declarationNumber } };
}

/** Steps 7–8 (and 11, 13 for the buyer): the buyer in GBD FL, and the signed sale contract. */
export async function checkBuyerAndContract(reg: Registries, q: { bin: string; iin: string; vin: string }, steps = { person: 7, contract: 8 }): Promise<CheckRun<{ person: Person; contract: ContractSnapshot }>> {
  const person = await reg.gbdFl.findPerson(q.iin);
  if (!person || person.deceased) return { lines: [line(steps.person, 'gbd_fl', false, 'vehicle_buyer_not_found')], ok: false, code: 'vehicle_buyer_not_found' };
  const lines = [line(steps.person, 'gbd_fl', true, 'vehicle_buyer_found')];
  const contract = await reg.contracts.findSaleContract({ sellerBin: q.bin, buyerIin: q.iin, vin: q.vin });
  if (!contract) return { lines: [...lines, line(steps.contract, 'contracts', false, 'vehicle_no_contract')], ok: false, code: 'vehicle_no_contract' };
  lines.push(line(steps.contract, 'contracts', true, 'vehicle_contract_found'));
  return { lines, ok: true, value: { person, contract: { number: contract.number, signedOn: contract.signedOn, priceTiyn: contract.priceTiyn } } };
}

/** Step 14: unpaid administrative fines stop the application; the person is shown each one. */
export async function checkFines(reg: Registries, iin: string): Promise<CheckRun<null>> {
  const fines: Fine[] = await reg.erap.unpaidFines(iin);
  if (fines.length) return { lines: [line(14, 'erap', false, 'vehicle_unpaid_fines')], ok: false, code: 'vehicle_unpaid_fines', params: { fines } };
  return { lines: [line(14, 'erap', true, 'vehicle_no_fines')], ok: true, value: null };
}

/**
 * Steps 11–14, when the buyer accepts: GBD FL, the e-passport and the contract again (each may have changed since
 * the dealer's checks), then ERAP fines. Stops at the first "no".
 */
export async function recheckForBuyer(reg: Registries, q: { bin: string; iin: string; vin: string }): Promise<CheckRun<null>> {
  const lines: CheckLine[] = [];
  const stop = (step: number, system: RegistrySystem, code: string, params?: Record<string, unknown>): CheckRun<null> =>
    ({ lines: [...lines, line(step, system, false, code)], ok: false, code, ...(params ? { params } : {}) });
  const person = await reg.gbdFl.findPerson(q.iin);
  if (!person || person.deceased) return stop(11, 'gbd_fl', 'vehicle_buyer_not_found');
  lines.push(line(11, 'gbd_fl', true, 'vehicle_buyer_found'));
  if (!passportAllowsRegistration(await reg.vehiclePassports.findByVin(q.vin))) return stop(12, 'vehicle_passports', 'vehicle_no_passport');
  lines.push(line(12, 'vehicle_passports', true, 'vehicle_passport_found'));
  if (!(await reg.contracts.findSaleContract({ sellerBin: q.bin, buyerIin: q.iin, vin: q.vin }))) return stop(13, 'contracts', 'vehicle_no_contract');
  lines.push(line(13, 'contracts', true, 'vehicle_contract_found'));
  const fines = await checkFines(reg, q.iin);
  return fines.ok ? { lines: [...lines, ...fines.lines], ok: true, value: null } : { ...fines, lines: [...lines, ...fines.lines] };
}
