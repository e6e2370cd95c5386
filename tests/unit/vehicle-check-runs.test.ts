// The registry runs of order 000 over fake ports: p.1 at step 3 (made in Kazakhstan), and the buyer's own
// "cannot be provided" codes of steps 11–13 (never the dealer's step-7 "check the buyer's IIN").
import { describe, expect, it } from 'vitest';
import type { Registries } from '@/lib/registries';
import type { VehiclePassport } from '@/lib/registries/vehicle-passports/port';
import { buyerRecheckCodes, checkFines, checkVehicle, recheckForBuyer } from '@/lib/vehicle-registration/check-runs';

const DOMESTIC = '190240055171';
const passport = (p: Partial<VehiclePassport> = {}): VehiclePassport => ({
  vin: 'KMHJ381A5TU201001',
  make: 'Hyundai',
  model: 'Tucson',
  year: 2026,
  category: 'M1',
  colourKk: 'Ақ',
  colourRu: 'Белый',
  engine: 'G4NL',
  bodyNumber: 'B',
  massKg: 2155,
  manufacturerBin: DOMESTIC,
  status: 'active',
  ...p,
});

/** Only the ports these runs ask; each answers "yes" unless told otherwise. */
function fakes(o: { passport?: VehiclePassport | null; person?: { deceased: boolean } | null; contract?: boolean; fines?: number } = {}) {
  return {
    vehiclePassports: { findByVin: async () => (o.passport === undefined ? passport() : o.passport) },
    customs: { findPayment: async () => ({ paid: true, declarationNumber: 'D-1' }) },
    recycling: { findFee: async () => ({ paid: true }) },
    gbdFl: { findPerson: async () => (o.person === undefined ? { deceased: false } : o.person) },
    contracts: { findSaleContract: async () => (o.contract === false ? null : { number: 'C-1', signedOn: '2026-01-01', priceTiyn: 1 }) },
    erap: {
      unpaidFines: async () =>
        Array.from({ length: o.fines ?? 0 }, (_, i) => ({
          id: String(i),
          amountTiyn: 100,
          articleKk: 'а',
          articleRu: 'а',
          issuedOn: '2026-01-01',
        })),
    },
  } as unknown as Registries;
}
const q = { bin: '080340012345', iin: '900101300126', vin: 'KMHJ381A5TU201001' };

describe('step 3 with p.1', () => {
  it('a domestic e-passport passes; an imported one (no BIN, or a BIN not on the list) stops at step 3', async () => {
    expect((await checkVehicle(fakes(), q.vin, [DOMESTIC])).ok).toBe(true);
    for (const manufacturerBin of [null, '080340012345']) {
      const run = await checkVehicle(fakes({ passport: passport({ manufacturerBin }) }), q.vin, [DOMESTIC]);
      expect(run).toMatchObject({ ok: false, code: 'vehicle_not_domestic' });
      expect(run.lines.at(-1)).toMatchObject({ step: 3, ok: false, code: 'vehicle_not_domestic' });
    }
  });
  it('no e-passport is still its own refusal, before p.1', async () => {
    expect(await checkVehicle(fakes({ passport: null }), q.vin, [DOMESTIC])).toMatchObject({ ok: false, code: 'vehicle_no_passport' });
  });
});

describe('steps 11–13 for the buyer', () => {
  it('each failure has the buyer’s own code, at its own step', async () => {
    const cases = [
      [fakes({ person: null }), 11, buyerRecheckCodes.person],
      [fakes({ person: { deceased: true } }), 11, buyerRecheckCodes.person],
      [fakes({ passport: null }), 12, buyerRecheckCodes.passport],
      [fakes({ passport: passport({ status: 'cancelled' }) }), 12, buyerRecheckCodes.passport],
      [fakes({ contract: false }), 13, buyerRecheckCodes.contract],
    ] as const;
    for (const [reg, step, code] of cases) {
      const run = await recheckForBuyer(reg, q);
      expect(run).toMatchObject({ ok: false, code });
      expect(run.lines.at(-1)).toMatchObject({ step, ok: false, code });
      expect(code).not.toBe('vehicle_buyer_not_found');
    }
  });
  it('all three pass: steps 11, 12, 13 in order, and step 14 is not part of it', async () => {
    const run = await recheckForBuyer(fakes({ fines: 2 }), q);
    expect(run.ok).toBe(true);
    expect(run.lines.map((l) => l.step)).toEqual([11, 12, 13]);
  });
});

describe('step 14', () => {
  it('no fines passes; one fine is enough to stop, with the list', async () => {
    expect((await checkFines(fakes({ fines: 0 }), q.iin)).ok).toBe(true);
    const one = await checkFines(fakes({ fines: 1 }), q.iin);
    expect(one).toMatchObject({ ok: false, code: 'vehicle_unpaid_fines' });
    expect(one.ok ? null : (one.params?.fines as unknown[])).toHaveLength(1);
  });
});
