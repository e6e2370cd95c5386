// Pure rules of the vehicle pilot: OKED, e-passport status, plate types and shapes, the fee lines of step 17.
import { describe, expect, it } from 'vitest';
import { priceFees, totalTiyn } from '@/lib/payments/fees';
import { madeInKazakhstan, okedAllowsVehicleSales, passportAllowsRegistration } from '@/lib/vehicle-registration/rules';
import { plateShape, plateTypeOffered, vehicleFeeCodes } from '@/lib/vehicle-registration/plates';

describe('step 1: OKED', () => {
  const allowed = ['45.11', '45.19', '45.40'];
  it('any one allowed code is enough; codes are compared exactly (45.1 is not 45.11)', () => {
    expect(okedAllowsVehicleSales(['47.11', '45.19'], allowed)).toBe(true);
    expect(okedAllowsVehicleSales([' 45.11 '], allowed)).toBe(true);
    expect(okedAllowsVehicleSales(['45.1', '45.111', '29.10'], allowed)).toBe(false);
    expect(okedAllowsVehicleSales([], allowed)).toBe(false);
  });
});

describe('steps 3 and 12: e-passport', () => {
  const passport = {
    vin: 'X',
    make: 'Hyundai',
    model: 'Tucson',
    year: 2026,
    category: 'M1',
    colourKk: 'ақ',
    colourRu: 'белый',
    engine: 'E',
    bodyNumber: 'B',
    massKg: 2000,
    manufacturerBin: null,
  };
  it('only an active e-passport allows registration; none at all does not', () => {
    expect(passportAllowsRegistration({ ...passport, status: 'active' })).toBe(true);
    expect(passportAllowsRegistration({ ...passport, status: 'registered' })).toBe(false);
    expect(passportAllowsRegistration({ ...passport, status: 'cancelled' })).toBe(false);
    expect(passportAllowsRegistration(null)).toBe(false);
  });
});

describe('p.1, checked at step 3: made in Kazakhstan', () => {
  const domestic = ['190240055171', '021140066235'];
  it('the e-passport names a domestic manufacturer by its BIN', () => {
    expect(madeInKazakhstan({ manufacturerBin: '190240055171' }, domestic)).toBe(true);
    expect(madeInKazakhstan({ manufacturerBin: ' 021140066235 ' }, domestic)).toBe(true);
  });
  it('an imported vehicle (no BIN), an unknown or a near-miss BIN, or an empty list is not made here', () => {
    expect(madeInKazakhstan({ manufacturerBin: null }, domestic)).toBe(false);
    expect(madeInKazakhstan({ manufacturerBin: '' }, domestic)).toBe(false);
    expect(madeInKazakhstan({ manufacturerBin: '190240055172' }, domestic)).toBe(false);
    expect(madeInKazakhstan({ manufacturerBin: '19024005517' }, domestic)).toBe(false);
    expect(madeInKazakhstan({ manufacturerBin: '190240055171' }, [])).toBe(false);
  });
});

describe('plates (order 000 point 2, SPEC §8)', () => {
  it('a person is offered only online person types; never high-demand or stored ones', () => {
    expect(plateTypeOffered({ offeredOnline: true, forLegalEntity: false }, 'person')).toBe(true);
    expect(plateTypeOffered({ offeredOnline: false, forLegalEntity: false }, 'person')).toBe(false);
    expect(plateTypeOffered({ offeredOnline: true, forLegalEntity: true }, 'person')).toBe(false);
    expect(plateTypeOffered({ offeredOnline: true, forLegalEntity: true }, 'legal')).toBe(true);
    expect(plateTypeOffered({ offeredOnline: false, forLegalEntity: true }, 'legal')).toBe(false);
  });
  it('tells a person’s plate from a legal entity’s, and rejects anything else', () => {
    expect(plateShape('123 ABC 01')).toBe('person');
    expect(plateShape('123 AB 02')).toBe('legal');
    expect(plateShape('12 ABC 01')).toBeNull();
    expect(plateShape('123 abc 01')).toBeNull();
    expect(plateShape('123 ABCD 01')).toBeNull();
    expect(plateShape('123 ABC 1')).toBeNull();
  });
});

describe('step 17: fees', () => {
  const fees = [
    { code: 'vehicle.registration', mrpMilli: 250 },
    { code: 'vehicle.srts', mrpMilli: 1250 },
    { code: 'vehicle.plates', mrpMilli: 2800 },
  ];
  it('registration and SRTS always, the plate type’s own fee when it has one', () => {
    expect(vehicleFeeCodes('vehicle.plates')).toEqual(['vehicle.registration', 'vehicle.srts', 'vehicle.plates']);
    expect(vehicleFeeCodes(null)).toEqual(['vehicle.registration', 'vehicle.srts']);
  });
  it('prices 0.25 + 1.25 + 2.8 MRP at the 2026 MRP (4 325 ₸), each line rounded half up to whole tenge', () => {
    const lines = priceFees(fees, vehicleFeeCodes('vehicle.plates'), 4325);
    // 1 081.25 → 1 081; 5 406.25 → 5 406; 12 110 → 12 110
    expect(lines.map((l) => l.amountTiyn)).toEqual([108_100, 540_600, 1_211_000]);
    expect(totalTiyn(lines)).toBe(1_859_700);
    expect(priceFees(fees, vehicleFeeCodes('vehicle.plates'), 3932).map((l) => l.amountTiyn)).toEqual([98_300, 491_500, 1_101_000]);
  });
  it('an unknown fee code is an error, not a zero', () => {
    expect(() => priceFees(fees, ['vehicle.unknown'], 4325)).toThrow();
  });
});
