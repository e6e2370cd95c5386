import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/calendar/deadline';
import { localDate } from '@/lib/calendar/local';
import { identifySchema, ownerSchema, tickedOf, typedMachineSchema } from '@/lib/machinery/intake-schemas';

const base = { id: '0b6b2c3e-8a51-4d5e-9c1a-2f3e4d5c6b7a', version: '3', locale: 'kk' };
const codes = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('ownerSchema', () => {
  it('in person needs nothing more; a typed phone is normalised', () => {
    const r = ownerSchema.safeParse({ ...base, mode: 'self', phone: '8 701 123 45 67' });
    expect(r.success && r.data.phone).toBe('+77011234567');
    expect(ownerSchema.safeParse({ ...base, mode: 'self', phone: '' }).success).toBe(true);
  });
  it("a representative needs the owner's valid IIN and a power of attorney valid today", () => {
    const r = ownerSchema.safeParse({
      ...base,
      mode: 'representative',
      ownerKind: 'person',
      ownerIin: '123',
      powerOfAttorneyNumber: '',
      powerOfAttorneyValidUntil: addDays(localDate(), -1),
    });
    expect(codes(r)).toEqual({
      ownerIin: 'iin_invalid',
      powerOfAttorneyNumber: 'required',
      powerOfAttorneyValidUntil: 'machinery_poa_expired',
    });
    const ok = ownerSchema.safeParse({
      ...base,
      mode: 'representative',
      ownerKind: 'person',
      ownerIin: '660509323914',
      powerOfAttorneyNumber: 'POA-1',
      powerOfAttorneyValidUntil: localDate(),
    });
    expect(ok.success).toBe(true);
  });
  it('an organisation needs a valid BIN; a representative must say whose', () => {
    expect(codes(ownerSchema.safeParse({ ...base, mode: 'organisation_head', ownerBin: '111' }))).toEqual({ ownerBin: 'bin_invalid' });
    expect(
      codes(ownerSchema.safeParse({ ...base, mode: 'representative', powerOfAttorneyNumber: 'P', powerOfAttorneyValidUntil: localDate() })),
    ).toEqual({
      ownerKind: 'machinery_owner_kind_required',
    });
  });
});

describe('typedMachineSchema', () => {
  it('takes a registration machine with a sensible year and serial', () => {
    const ok = typedMachineSchema.safeParse({
      kind: 'tractor',
      make: 'Кировец',
      model: 'К-742М',
      year: '2025',
      serialNumber: 'K742M-25-0007731',
    });
    expect(ok.success && ok.data.year).toBe(2025);
    const bad = typedMachineSchema.safeParse({
      kind: 'boat',
      make: '',
      model: 'x',
      year: String(Number(localDate().slice(0, 4)) + 1),
      serialNumber: 'a b',
    });
    expect(codes(bad)).toEqual({
      kind: 'machinery_kind_required',
      make: 'required',
      year: 'machinery_year_invalid',
      serialNumber: 'machinery_serial_invalid',
    });
  });
});

describe('identifySchema and tickedOf', () => {
  it('a document number is letters and digits', () => {
    expect(identifySchema.safeParse({ ...base, documentNumber: 'N 1234567' }).success).toBe(true);
    expect(codes(identifySchema.safeParse({ ...base, documentNumber: 'N-12;' }))).toEqual({
      documentNumber: 'machinery_document_number_invalid',
    });
  });
  it('the ticks are the tick_<code> fields that are on', () => {
    expect(tickedOf({ id: 'x', tick_identity_document: 'on', tick_plates: 'on', tick_x: 'off', other: 'on' })).toEqual([
      'identity_document',
      'plates',
    ]);
  });
});
