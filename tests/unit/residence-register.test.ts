// The one GBD FL payload of a residence registration (lib/residence/register.ts), online and at a CON alike.
import { describe, expect, it } from 'vitest';
import { addressRegistrationOf } from '@/lib/residence/register';

const flat = {
  regionCode: '09',
  addressKk: 'Қарағанды қ., Әлиханов к-сі, 12, 30-пәтер',
  addressRu: 'г. Караганда, ул. Алиханова, 12, кв. 30',
  cadastralNumber: '09-142-015-012:30',
};

describe('addressRegistrationOf', () => {
  it('permanent: the address in both languages with its cadastral number (GBD FL moves the person)', () => {
    expect(addressRegistrationOf({ iin: '961123371035', kind: 'permanent' }, flat, null)).toEqual({
      kind: 'permanent',
      iin: '961123371035',
      address: flat,
    });
  });
  it('temporary: the dwelling and the period from–until', () => {
    expect(addressRegistrationOf({ iin: '961123371035', kind: 'temporary' }, flat, { from: '2026-03-10', until: '2026-06-09' })).toEqual({
      kind: 'temporary',
      iin: '961123371035',
      cadastralNumber: flat.cadastralNumber,
      fromDate: '2026-03-10',
      toDate: '2026-06-09',
    });
  });
  it('temporary without a period is an error, never an open-ended stay', () => {
    expect(() => addressRegistrationOf({ iin: '961123371035', kind: 'temporary' }, flat, null)).toThrow(
      expect.objectContaining({ code: 'residence_stay_required' }),
    );
  });
});
