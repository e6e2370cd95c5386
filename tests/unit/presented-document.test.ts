// The desks' identity rule (order 000 p.9–10, order 002 p.19): the document presented must be the expected person's
// current document in GBD FL; anyone else's is a representative (no proxy), anything else an old or wrong document.
import { describe, expect, it } from 'vitest';
import { matchPresentedDocument, normalizeDocumentNumber } from '@/lib/identity/presented-document';
import type { Person } from '@/lib/registries/gbd-fl/port';

const person = (iin: string, number: string): Person => ({
  iin,
  names: {
    kk: { surname: 'С', givenName: 'Е', patronymic: null },
    ru: { surname: 'С', givenName: 'Е', patronymic: null },
    lat: { surname: 'S', givenName: 'E' },
  },
  birthDate: '1990-01-01',
  sex: 'male',
  citizenship: 'KZ',
  capable: true,
  deceased: false,
  permanentAddress: null,
  document: { type: number.startsWith('N') ? 'passport' : 'id_card', number, issuedOn: '2020-01-01', expiresOn: '2030-01-01' },
  photoSeed: 1,
  birthCountry: 'KZ',
});

const buyer = person('900101300126', '012345678');
const stranger = person('870525312840', 'N87654321');

describe('matchPresentedDocument', () => {
  it('passes on the expected person’s current document, however it was typed or scanned', () => {
    expect(matchPresentedDocument(buyer, null, '012345678')).toEqual({ ok: true, person: buyer });
    expect(matchPresentedDocument(buyer, null, ' 0123 45678 ')).toMatchObject({ ok: true });
    expect(matchPresentedDocument(person('900101300126', 'N11112222'), null, 'n1111 2222')).toMatchObject({ ok: true });
  });

  it('someone else’s document is a representative: not in person, naming whose it is', () => {
    expect(matchPresentedDocument(buyer, stranger, 'N87654321')).toEqual({ ok: false, code: 'not_in_person', holderIin: stranger.iin });
  });

  it('an old, replaced or mistyped number (GBD FL finds nobody by it) is not the current document', () => {
    expect(matchPresentedDocument(buyer, null, '012345679')).toEqual({ ok: false, code: 'document_not_current', holderIin: null });
    expect(matchPresentedDocument(buyer, null, '01234567')).toMatchObject({ code: 'document_not_current' });
    expect(matchPresentedDocument(buyer, null, '')).toMatchObject({ code: 'document_not_current' });
  });

  it('an application whose person GBD FL no longer has never passes', () => {
    expect(matchPresentedDocument(null, null, '012345678')).toMatchObject({ ok: false, code: 'document_not_current' });
    expect(matchPresentedDocument(null, stranger, 'N87654321')).toMatchObject({ ok: false, code: 'not_in_person' });
  });

  it('normalizes spaces and letter case only', () => {
    expect(normalizeDocumentNumber(' n 1234 5678 ')).toBe('N12345678');
    expect(normalizeDocumentNumber('0-1')).toBe('0-1');
  });
});
