import type { DbOrTx } from '@/db/client';
import type { RegistrySystem } from '@/db/schema/registry-ops';
import { AisSikSimulator } from './ais-sik/simulator';
import { BmgSimulator } from './bmg/simulator';
import { BusinessSimulator } from './business/simulator';
import { CadastreSimulator } from './cadastre/simulator';
import { withFaultsAndLog, type AsyncPort, type CallContext } from './call';
import { ConsentSimulator } from './consent/simulator';
import { ContractsSimulator } from './contracts/simulator';
import { CustomsSimulator } from './customs/simulator';
import { DigitalIdSimulator } from './digital-id/simulator';
import { EducationSimulator } from './education/simulator';
import { RegistriesNotConfiguredError } from './errors';
import { ErapSimulator } from './erap/simulator';
import { ESobesSimulator } from './esobes/simulator';
import { FeePaymentsSimulator } from './fee-payments/simulator';
import { GbdFlSimulator } from './gbd-fl/simulator';
import { PaymentGatewaySimulator } from './payments/simulator';
import { ProductionSimulator } from './production/simulator';
import { RecyclingSimulator } from './recycling/simulator';
import { SmsSimulator } from './sms/simulator';
import { VehiclePassportsSimulator } from './vehicle-passports/simulator';
import { ZagsSimulator } from './zags/simulator';
import type { AdministrativeFines } from './erap/port';
import type { BusinessRegistry } from './business/port';
import type { Cadastre } from './cadastre/port';
import type { ConsentService } from './consent/port';
import type { CustomsPayments } from './customs/port';
import type { DigitalId } from './digital-id/port';
import type { DocumentProduction } from './production/port';
import type { Education } from './education/port';
import type { FeePayments } from './fee-payments/port';
import type { MobileCitizens } from './bmg/port';
import type { PaymentGateway } from './payments/port';
import type { PopulationRegistry } from './gbd-fl/port';
import type { RecyclingFees } from './recycling/port';
import type { SaleContracts } from './contracts/port';
import type { SmsGateway } from './sms/port';
import type { SocialProtection } from './esobes/port';
import type { SocialStatuses } from './ais-sik/port';
import type { VehiclePassports } from './vehicle-passports/port';
import type { Zags } from './zags/port';

/** Fails to compile if a port has a method that is not async: the fault wrapper would make it so. */
type AllAsync<T extends { [K in keyof T]: AsyncPort<T[K]> }> = T;

/** Every external system the portal talks to (SPEC §2.1). Services take this as a parameter. */
export type Registries = AllAsync<{
  business: BusinessRegistry;
  vehiclePassports: VehiclePassports;
  customs: CustomsPayments;
  recycling: RecyclingFees;
  contracts: SaleContracts;
  gbdFl: PopulationRegistry;
  bmg: MobileCitizens;
  erap: AdministrativeFines;
  digitalId: DigitalId;
  consent: ConsentService;
  zags: Zags;
  aisSik: SocialStatuses;
  esobes: SocialProtection;
  cadastre: Cadastre;
  education: Education;
  payments: PaymentGateway;
  feePayments: FeePayments;
  sms: SmsGateway;
  production: DocumentProduction;
}>;

/** Which registry_faults / registry_calls system each port is. */
export const registrySystemOf = {
  business: 'business',
  vehiclePassports: 'vehicle_passports',
  customs: 'customs',
  recycling: 'recycling',
  contracts: 'contracts',
  gbdFl: 'gbd_fl',
  bmg: 'bmg',
  erap: 'erap',
  digitalId: 'digital_id',
  consent: 'consent',
  zags: 'zags',
  aisSik: 'ais_sik',
  esobes: 'esobes',
  cadastre: 'cadastre',
  education: 'education',
  payments: 'payments',
  // The payment registry of fees paid at banks (machinery p.6 (3)) is the payments system for faults and the call
  // log: a new system would need a schema enum value and admin names; an admin's payments outage covers both.
  feePayments: 'payments',
  sms: 'sms',
  production: 'production',
} as const satisfies Record<keyof Registries, RegistrySystem>;

function simulators(db: DbOrTx): Registries {
  return {
    business: new BusinessSimulator(db),
    vehiclePassports: new VehiclePassportsSimulator(db),
    customs: new CustomsSimulator(db),
    recycling: new RecyclingSimulator(db),
    contracts: new ContractsSimulator(db),
    gbdFl: new GbdFlSimulator(db),
    bmg: new BmgSimulator(db),
    erap: new ErapSimulator(db),
    digitalId: new DigitalIdSimulator(db),
    consent: new ConsentSimulator(db),
    zags: new ZagsSimulator(db),
    aisSik: new AisSikSimulator(db),
    esobes: new ESobesSimulator(db),
    cadastre: new CadastreSimulator(db),
    education: new EducationSimulator(db),
    payments: new PaymentGatewaySimulator(db),
    feePayments: new FeePaymentsSimulator(db),
    sms: new SmsSimulator(db),
    production: new ProductionSimulator(db),
  };
}

/** Wraps every port of a set (real, simulated or a test's fakes) with the fault layer and the call log. */
export function withFaults(ports: Registries, ctx: CallContext): Registries {
  // The proxy keeps each port's shape, and AllAsync checked the methods, so the cast back is sound.
  const keys = Object.keys(registrySystemOf) as (keyof Registries)[];
  return Object.fromEntries(keys.map((k) => [k, withFaultsAndLog(ctx, registrySystemOf[k], ports[k] as AsyncPort<object>)])) as Registries;
}

export type RegistriesOptions = Omit<CallContext, 'db'>;

/**
 * The ports for one use case. `REGISTRIES=simulator` (the default) reads the `registry` schema through
 * `db`; any other value throws until real adapters exist. Cheap to call: build one per request or per
 * application so the call log carries its applicationId.
 */
export function getRegistries(db: DbOrTx, options: RegistriesOptions = {}): Registries {
  const implementation = process.env.REGISTRIES?.trim() || 'simulator';
  if (implementation !== 'simulator') throw new RegistriesNotConfiguredError(implementation);
  return withFaults(simulators(db), { db, ...options });
}

export type { CallContext, CallOutcome } from './call';
export { callRegistry, invalidateFaultCache, withFaultsAndLog } from './call';
export { RegistriesNotConfiguredError, RegistryTimeoutError, RegistryUnavailableError, isRegistryUnavailable } from './errors';
export { clearFaults, getFaults, hasBeenFailingFor, setFault, type FaultInput, type SystemFault } from './faults';
