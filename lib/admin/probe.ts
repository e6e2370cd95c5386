import type { RegistrySystem } from '@/db/schema/registry-ops';
import type { Registries } from '@/lib/registries';

// Harmless read-only look-ups with identifiers that belong to nobody: a health probe must not touch real data.
const NOBODY_IIN = '000000000000';
const NO_VIN = '00000000000000000';

/** One cheap call per external system, as the admin's "check" button and monitoring would make it. */
export const probes: Record<RegistrySystem, (r: Registries) => Promise<unknown>> = {
  business: (r) => r.business.findByBin('000000000000'),
  vehicle_passports: (r) => r.vehiclePassports.findByVin(NO_VIN),
  customs: (r) => r.customs.findPayment(NO_VIN),
  recycling: (r) => r.recycling.findFee(NO_VIN),
  contracts: (r) => r.contracts.findSaleContract({ sellerBin: '000000000000', buyerIin: NOBODY_IIN, vin: NO_VIN }),
  gbd_fl: (r) => r.gbdFl.findPerson(NOBODY_IIN),
  bmg: (r) => r.bmg.findPhone(NOBODY_IIN),
  erap: (r) => r.erap.unpaidFines(NOBODY_IIN),
  digital_id: (r) => r.digitalId.liveness(NOBODY_IIN, { bytes: new Uint8Array(0), mimeType: 'image/jpeg' }),
  consent: (r) => r.consent.status('0'),
  zags: (r) => r.zags.parentsOf(NOBODY_IIN),
  ais_sik: (r) => r.aisSik.socialStatuses(NOBODY_IIN),
  esobes: (r) => r.esobes.guardianship(NOBODY_IIN),
  cadastre: (r) => r.cadastre.findProperty('0'),
  education: (r) => r.education.studentRecords(NOBODY_IIN),
  payments: (r) => r.payments.getInvoice('probe'),
  sms: (r) => r.sms.status('probe'),
  production: (r) => r.production.status('probe'),
};
