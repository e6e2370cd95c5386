import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/signatures/canonical';
import {
  akimatForAddress,
  intakeDocument,
  machineryTicketCode,
  powerOfAttorneyValid,
  submitBlockers,
  type IntakeDocumentInput,
  type IntakeState,
} from '@/lib/machinery/intake-steps';
import type { ChecklistItem } from '@/lib/machinery/rules';

describe('machineryTicketCode', () => {
  it('is M- and three digits', () => {
    expect(machineryTicketCode(1)).toBe('M-001');
    expect(machineryTicketCode(42)).toBe('M-042');
    expect(machineryTicketCode(1234)).toBe('M-1234');
  });
});

describe('powerOfAttorneyValid', () => {
  it('holds on its last day and not after', () => {
    expect(powerOfAttorneyValid('2026-12-02', '2026-12-02')).toBe(true);
    expect(powerOfAttorneyValid('2027-01-01', '2026-12-02')).toBe(true);
    expect(powerOfAttorneyValid('2026-12-01', '2026-12-02')).toBe(false);
  });
});

describe('akimatForAddress', () => {
  const districts = [
    { id: 1006, regionCode: '10', nameKk: 'Федоров ауданы', nameRu: 'Федоровский район' },
    { id: 1001, regionCode: '10', nameKk: 'Қостанай қаласы', nameRu: 'город Костанай' },
    { id: 207, regionCode: '02', nameKk: 'Түрксіб ауданы', nameRu: 'Турксибский район' },
  ];
  const akimats = [
    { id: 1000, regionCode: '10', districtId: null },
    { id: 1006, regionCode: '10', districtId: 1006 },
    { id: 200, regionCode: '02', districtId: null },
  ];
  it("is the district's akimat when the address names the district", () => {
    const place = { regionCode: '10', addressKk: '', addressRu: 'Костанайская область, Федоровский район, с. Федоровка, ул. Ленина, д. 3' };
    expect(akimatForAddress(place, districts, akimats)).toBe(1006);
    const kk = { regionCode: '10', addressKk: 'Қостанай облысы, Федоров ауданы, Федоров а.', addressRu: '' };
    expect(akimatForAddress(kk, districts, akimats)).toBe(1006);
  });
  it("falls back to the region's akimat (a district without its own, an organisation with only a region)", () => {
    expect(
      akimatForAddress({ regionCode: '02', addressKk: '', addressRu: 'г. Алматы, Турксибский район, ул. Х' }, districts, akimats),
    ).toBe(200);
    expect(akimatForAddress({ regionCode: '10', addressKk: '', addressRu: '' }, districts, akimats)).toBe(1000);
  });
  it('does not take a district of another region, and is null where the region has no akimat', () => {
    expect(akimatForAddress({ regionCode: '02', addressKk: '', addressRu: 'Федоровский район' }, districts, akimats)).toBe(200);
    expect(akimatForAddress({ regionCode: '09', addressKk: '', addressRu: 'Караганда' }, districts, akimats)).toBeNull();
  });
});

describe('submitBlockers', () => {
  const items: ChecklistItem[] = [
    { code: 'identity_document', required: true, appliesTo: 'all' },
    { code: 'power_of_attorney', required: true, appliesTo: 'representative' },
    { code: 'customs_document', required: false, appliesTo: 'all' },
  ];
  const ready: IntakeState = {
    action: 'registration',
    identifiedIin: '660509323914',
    biometrics: { passed: true, sampleSha256: 'a'.repeat(64), checkedAt: '2026-12-02T05:00:00Z' },
    ownerKind: 'person',
    representativeIin: null,
    serialNumber: 'S-1',
    checklistTicks: ['identity_document'],
    feeCheck: { status: 'paid', requiredTiyn: 100, paidTiyn: 100, checkedAt: '2026-12-02T05:00:00Z' },
    scannedItems: ['identity_document'],
  };
  it('is empty when every step is done', () => {
    expect(submitBlockers(ready, items)).toEqual([]);
  });
  it('names each step not done, in order', () => {
    expect(
      submitBlockers({ ...ready, identifiedIin: null, biometrics: null, ownerKind: null, serialNumber: null, feeCheck: null }, items),
    ).toEqual(['identity', 'biometrics', 'owner', 'machine', 'checklist', 'fees']);
    expect(submitBlockers({ ...ready, feeCheck: { ...ready.feeCheck!, status: 'partial' } }, items)).toEqual(['fees']);
  });
  it("needs the representative's items for a representative, and a scan of every ticked item", () => {
    expect(submitBlockers({ ...ready, representativeIin: '800115315178' }, items)).toEqual(['checklist']);
    expect(submitBlockers({ ...ready, checklistTicks: ['identity_document', 'customs_document'] }, items)).toEqual(['scans']);
    expect(submitBlockers({ ...ready, scannedItems: [] }, items)).toEqual(['scans']);
  });
});

describe('intakeDocument', () => {
  const input: IntakeDocumentInput = {
    number: 'AM-2026-000001',
    action: 'registration',
    serviceCentreId: 1001,
    operatorIin: '920630350618',
    identified: { iin: '660509323914', documentNumber: 'N1', biometricSampleSha256: 'b'.repeat(64) },
    owner: { kind: 'person', iin: '660509323914', bin: null },
    representative: null,
    phone: '+77011234567',
    machine: {
      kind: 'tractor',
      make: 'K',
      model: 'M',
      year: 2025,
      serialNumber: 'S',
      engineNumber: null,
      bodyNumber: null,
      registerId: null,
    },
    checklist: ['identity_document'],
    fees: { requiredTiyn: 100, paidTiyn: 100 },
    scans: [
      { itemCode: 'machine_passport', sha256: 'c'.repeat(64) },
      { itemCode: 'identity_document', sha256: 'd'.repeat(64) },
    ],
  };
  it("carries each scan's hash, in an order that does not depend on the uploads", () => {
    const a = intakeDocument(input);
    const b = intakeDocument({ ...input, scans: [...input.scans].reverse() });
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(a.scans).toEqual([
      { itemCode: 'identity_document', sha256: 'd'.repeat(64) },
      { itemCode: 'machine_passport', sha256: 'c'.repeat(64) },
    ]);
    expect(a).toMatchObject({ kind: 'qyzmet.machinery.intake', number: 'AM-2026-000001', operator: '920630350618' });
  });
  it('changes when a scan changes', () => {
    const other = intakeDocument({ ...input, scans: [{ itemCode: 'identity_document', sha256: 'e'.repeat(64) }] });
    expect(canonicalJson(other)).not.toBe(canonicalJson(intakeDocument(input)));
  });
});
