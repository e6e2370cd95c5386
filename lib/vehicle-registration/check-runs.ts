// The registry checks of order 000, steps 1–8 (with p.1 at step 3) and 11–14, over the ports (services pass real or fake ones); the
// pure rules they apply are in rules.ts.
// Each check yields a line for the timeline (step, system, outcome) and, on failure, the order's message code.
import type { ContractSnapshot, VehicleSnapshot } from '@/db/schema/vehicle';
import { checkRun, type CheckRun } from '@/lib/applications/check-run';
import type { Registries } from '@/lib/registries';
import type { Business } from '@/lib/registries/business/port';
import type { Fine } from '@/lib/registries/erap/port';
import type { Person } from '@/lib/registries/gbd-fl/port';
import { madeInKazakhstan, okedAllowsVehicleSales, passportAllowsRegistration, vehicleSnapshot } from './rules';

/** Step 1: the dealer's organisation from the business registry, and its right to sell vehicles. */
export async function checkSeller(reg: Registries, bin: string, allowedOkeds: readonly string[]): Promise<CheckRun<Business>> {
  const run = checkRun();
  const business = await reg.business.findByBin(bin);
  if (!business || !okedAllowsVehicleSales(business.okeds, allowedOkeds)) return run.stop(1, 'business', 'vehicle_oked_not_allowed');
  run.pass(1, 'business', 'vehicle_oked_allowed');
  return run.done(business);
}

/**
 * Steps 3–5: e-passport (and from it p.1, made in Kazakhstan), customs payments, recycling fee. Stops at the first
 * "no". `domesticBins`: the domestic manufacturers (reference table `domestic_manufacturers`).
 */
export async function checkVehicle(
  reg: Registries,
  vin: string,
  domesticBins: readonly string[],
): Promise<CheckRun<{ vehicle: VehicleSnapshot; customsDeclaration: string | null }>> {
  const run = checkRun();
  const passport = await reg.vehiclePassports.findByVin(vin);
  if (!passportAllowsRegistration(passport)) return run.stop(3, 'vehicle_passports', 'vehicle_no_passport');
  run.pass(3, 'vehicle_passports', 'vehicle_passport_found');
  if (!madeInKazakhstan(passport, domesticBins)) return run.stop(3, 'vehicle_passports', 'vehicle_not_domestic');
  run.pass(3, 'vehicle_passports', 'vehicle_domestic');
  const customs = await reg.customs.findPayment(vin);
  if (!customs?.paid) return run.stop(4, 'customs', 'vehicle_no_customs');
  run.pass(4, 'customs', 'vehicle_customs_paid');
  const recycling = await reg.recycling.findFee(vin);
  if (!recycling?.paid) return run.stop(5, 'recycling', 'vehicle_no_recycling');
  run.pass(5, 'recycling', 'vehicle_recycling_paid');
  return run.done({ vehicle: vehicleSnapshot(passport), customsDeclaration: customs.declarationNumber });
}

/** Steps 7–8 (and 11, 13 for the buyer): the buyer in GBD FL, and the signed sale contract. */
export async function checkBuyerAndContract(
  reg: Registries,
  q: { bin: string; iin: string; vin: string },
  steps = { person: 7, contract: 8 },
): Promise<CheckRun<{ person: Person; contract: ContractSnapshot }>> {
  const run = checkRun();
  const person = await reg.gbdFl.findPerson(q.iin);
  if (!person || person.deceased) return run.stop(steps.person, 'gbd_fl', 'vehicle_buyer_not_found');
  run.pass(steps.person, 'gbd_fl', 'vehicle_buyer_found');
  const contract = await reg.contracts.findSaleContract({ sellerBin: q.bin, buyerIin: q.iin, vin: q.vin });
  if (!contract) return run.stop(steps.contract, 'contracts', 'vehicle_no_contract');
  run.pass(steps.contract, 'contracts', 'vehicle_contract_found');
  return run.done({ person, contract: { number: contract.number, signedOn: contract.signedOn, priceTiyn: contract.priceTiyn } });
}

/** Step 14: unpaid administrative fines stop the application; the person is shown each one. */
export async function checkFines(reg: Registries, iin: string): Promise<CheckRun<null>> {
  const run = checkRun();
  const fines: Fine[] = await reg.erap.unpaidFines(iin);
  if (fines.length) return run.stop(14, 'erap', 'vehicle_unpaid_fines', { fines });
  run.pass(14, 'erap', 'vehicle_no_fines');
  return run.done(null);
}

/**
 * The buyer's own "cannot be provided" of steps 11–13 (order 000 p.4 11–13). The dealer's codes of steps 3, 7, 8
 * speak to the dealer ("check the buyer's IIN"); these speak to the buyer, whose application they close.
 */
export const buyerRecheckCodes = {
  person: 'vehicle_recheck_person_missing',
  passport: 'vehicle_recheck_no_passport',
  contract: 'vehicle_recheck_no_contract',
} as const;

/** Steps 11–13, when the buyer accepts: GBD FL, the e-passport and the contract again (each may have changed since the dealer's checks). */
export async function recheckForBuyer(reg: Registries, q: { bin: string; iin: string; vin: string }): Promise<CheckRun<null>> {
  const run = checkRun();
  const person = await reg.gbdFl.findPerson(q.iin);
  if (!person || person.deceased) return run.stop(11, 'gbd_fl', buyerRecheckCodes.person);
  run.pass(11, 'gbd_fl', 'vehicle_buyer_found');
  if (!passportAllowsRegistration(await reg.vehiclePassports.findByVin(q.vin)))
    return run.stop(12, 'vehicle_passports', buyerRecheckCodes.passport);
  run.pass(12, 'vehicle_passports', 'vehicle_passport_found');
  if (!(await reg.contracts.findSaleContract({ sellerBin: q.bin, buyerIin: q.iin, vin: q.vin })))
    return run.stop(13, 'contracts', buyerRecheckCodes.contract);
  run.pass(13, 'contracts', 'vehicle_contract_found');
  return run.done(null);
}
