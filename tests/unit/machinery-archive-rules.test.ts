import { describe, expect, it } from 'vitest';
import { handsOver, mayCollect, normalizeDocumentSerial, normalizePlateSerial } from '@/lib/machinery/issuance-rules';
import { hasSigned, nextActStatus, type ActSide, type TransferActStatus } from '@/lib/machinery/transfer-act';
import { transferActStatuses } from '@/db/schema/machinery';

describe('nextActStatus (p.17: both parties sign, in either order)', () => {
  it('draft → signed by that side → completed by the other', () => {
    expect(nextActStatus('draft', 'akimat')).toBe('signed_by_akimat');
    expect(nextActStatus('draft', 'con_head')).toBe('signed_by_con');
    expect(nextActStatus('signed_by_akimat', 'con_head')).toBe('completed');
    expect(nextActStatus('signed_by_con', 'akimat')).toBe('completed');
  });
  it('a side never signs twice, and nothing follows completion', () => {
    expect(() => nextActStatus('signed_by_akimat', 'akimat')).toThrow('transfer_act_already_signed');
    expect(() => nextActStatus('signed_by_con', 'con_head')).toThrow('transfer_act_already_signed');
    expect(() => nextActStatus('completed', 'akimat')).toThrow();
    expect(() => nextActStatus('completed', 'con_head')).toThrow();
  });
  it('covers every state of the schema; hasSigned agrees with it', () => {
    const sides: ActSide[] = ['akimat', 'con_head'];
    for (const s of transferActStatuses as readonly TransferActStatus[])
      for (const side of sides) {
        let legal = true;
        try {
          nextActStatus(s, side);
        } catch {
          legal = false;
        }
        expect(legal, `${s} ${side}`).toBe(!hasSigned(s, side));
      }
    expect(hasSigned('draft', 'akimat')).toBe(false);
    expect(hasSigned('completed', 'con_head')).toBe(true);
  });
});

describe('mayCollect (p.11)', () => {
  const app = { ownerKind: 'person' as const, ownerIin: '111', representativeIin: '222', powerOfAttorneyValidUntil: '2026-12-02' };
  it('the owner, or the recorded representative until the last day of the power of attorney', () => {
    expect(mayCollect(app, '111', '2027-01-01')).toEqual({ ok: true, as: 'owner' });
    expect(mayCollect(app, '222', '2026-12-02')).toEqual({ ok: true, as: 'representative' });
    expect(mayCollect(app, '222', '2026-12-03')).toEqual({ ok: false, code: 'poa_expired' });
    expect(mayCollect(app, '333', '2026-12-01')).toEqual({ ok: false, code: 'not_entitled' });
  });
  it('an organisation collects only through its representative; no representative means nobody else', () => {
    const org = { ownerKind: 'organisation' as const, ownerIin: null, representativeIin: '222', powerOfAttorneyValidUntil: '2026-12-31' };
    expect(mayCollect(org, '222', '2026-12-02').ok).toBe(true);
    expect(mayCollect({ ...app, representativeIin: null, powerOfAttorneyValidUntil: null }, '222', '2026-01-01')).toEqual({
      ok: false,
      code: 'not_entitled',
    });
  });
});

describe('serials', () => {
  it('document: two letters and seven digits, any case and spacing', () => {
    expect(normalizeDocumentSerial('kz1234567')).toBe('KZ 1234567');
    expect(normalizeDocumentSerial(' KZ  1234567 ')).toBe('KZ 1234567');
    expect(normalizeDocumentSerial('KZ 123456')).toBeNull();
    expect(normalizeDocumentSerial('1234567')).toBeNull();
  });
  it('plate blank: 6–10 digits', () => {
    expect(normalizePlateSerial('000 123 456')).toBe('000123456');
    expect(normalizePlateSerial('12345')).toBeNull();
    expect(normalizePlateSerial('12345678901')).toBeNull();
    expect(normalizePlateSerial('12A456')).toBeNull();
  });
  it('what each action hands over', () => {
    expect(handsOver('registration')).toEqual({ document: true, plate: true });
    expect(handsOver('duplicate_plate')).toEqual({ document: false, plate: true });
    expect(handsOver('deregistration')).toEqual({ document: true, plate: false });
    expect(handsOver('duplicate_document')).toEqual({ document: true, plate: false });
  });
});
