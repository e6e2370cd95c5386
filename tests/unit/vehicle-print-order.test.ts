// Order 000 p.6: what the SRTS print order carries, and what the portal does with the printing house's answer.
import { describe, expect, it } from 'vitest';
import { printOutcome, srtsPrintOrder, type PrintableApplication } from '@/lib/vehicle-registration/print-order';

const name = { surname: 'Сейтов', givenName: 'Ерлан', patronymic: null };
const app: PrintableApplication = {
  vin: 'KMHJ381A5TU201001',
  vehicle: {
    make: 'Hyundai',
    model: 'Tucson',
    year: 2025,
    category: 'M1',
    colourKk: 'ақ',
    colourRu: 'белый',
    engine: 'G4NA',
    bodyNumber: 'B1',
    massKg: 1600,
  },
  buyerIin: '900101300126',
  buyerNameKk: name,
  buyerNameRu: name,
  plateNumber: '123 ABC 01',
  srtsNumber: 'SR-2026-000001',
};

describe('srtsPrintOrder', () => {
  it('carries the vehicle (with its VIN), the owner, the plate and the SRTS number', () => {
    expect(srtsPrintOrder(app)).toEqual({
      srtsNumber: 'SR-2026-000001',
      plate: '123 ABC 01',
      vehicle: { vin: 'KMHJ381A5TU201001', ...app.vehicle },
      owner: { iin: '900101300126', nameKk: name, nameRu: name },
    });
  });

  it('is not placed while any of them is missing', () => {
    for (const k of ['vehicle', 'buyerIin', 'plateNumber', 'srtsNumber'] as const) expect(srtsPrintOrder({ ...app, [k]: null })).toBeNull();
    expect(srtsPrintOrder({ ...app, buyerNameKk: null, buyerNameRu: null })).toBeNull();
    expect(srtsPrintOrder({ ...app, buyerNameKk: null })?.owner.nameKk).toEqual(name);
  });
});

describe('printOutcome', () => {
  it('only a printed SRTS makes the application ready; accepted and in production are still printing', () => {
    expect(printOutcome('ready')).toBe('printed');
    expect(printOutcome('accepted')).toBe('printing');
    expect(printOutcome('in_production')).toBe('printing');
    expect(printOutcome('refused')).toBe('refused');
  });
});
