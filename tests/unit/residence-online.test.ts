// Pure rules of the citizen's online residence registration (order 003, SPEC §6): the address cascade, the owners
// who are asked and when they changed, a minor or incapable owner (CON only), the temporary period, the certificate.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { splitAddress } from '@/lib/registries/cadastre/address';
import type { AddressEntry } from '@/lib/registries/cadastre/port';
import { arrivalDefaults, lockedFields, withStateFacts, type ArrivalForm } from '@/lib/residence/arrival-form';
import { applicationNumberOf, certificateNumberOf, certificateState, renderCertificatePdf } from '@/lib/residence/certificate';
import { officialWords } from '@/lib/pdf/official';
import { pdfText } from '@/tests/support/pdf-text';
import { addYear, isStale, lastStayDay, nextStep, stayAtSigning, stayProblem } from '@/lib/residence/citizen-service-rules';
import {
  cascade,
  normaliseCadastralNumber,
  ownerBlock,
  ownersChanged,
  ownersToAsk,
  sharePercent,
  type OwnerFacts,
} from '@/lib/residence/dwelling';

describe('splitAddress: the seed’s address lines as register levels', () => {
  it('a flat in a city of republican significance: the district is the locality', () => {
    expect(
      splitAddress(
        'Астана қ., Есіл ауданы, Қабанбай батыр даңғылы, 48, 112-пәтер',
        'г. Астана, район Есиль, пр. Кабанбай батыра, д. 48, кв. 112',
      ),
    ).toEqual({
      locality: { kk: 'Есіл ауданы', ru: 'район Есиль' },
      street: { kk: 'Қабанбай батыр даңғылы', ru: 'пр. Кабанбай батыра' },
      house: '48',
      flat: '112',
    });
  });

  it('a house in a village: the region is dropped, district and village stay; no flat', () => {
    expect(
      splitAddress(
        'Қостанай облысы, Қостанай ауданы, Затобол кенті, Ленин көшесі, 12',
        'Костанайская область, Костанайский район, пос. Затобольск, ул. Ленина, д. 12',
      ),
    ).toEqual({
      locality: { kk: 'Қостанай ауданы, Затобол кенті', ru: 'Костанайский район, пос. Затобольск' },
      street: { kk: 'Ленин көшесі', ru: 'ул. Ленина' },
      house: '12',
      flat: null,
    });
  });

  it('a line of another shape is not guessed at', () => {
    expect(splitAddress('Алматы', 'Алматы')).toBeNull();
    expect(splitAddress('Астана қ., Көше, 5', 'г. Астана, ул. Улица, 5')).toBeNull(); // no "д."
    expect(splitAddress('Астана қ., Көше, 5, 3-пәтер', 'г. Астана, ул. Улица, д. 5')).toBeNull(); // flat in one language only
    expect(splitAddress('Астана қ., Көше, 5', 'г. Астана, ул. Улица, д. 6')).toBeNull(); // houses differ
  });
});

const entry = (cad: string, locality: string, street: string, house: string, flat: string | null): AddressEntry => ({
  cadastralNumber: cad,
  regionCode: '09',
  kind: flat ? 'flat' : 'house',
  locality: { kk: `${locality} kk`, ru: locality },
  street: { kk: `${street} kk`, ru: street },
  house,
  flat,
});

describe('cascade: region → locality → street → house → flat', () => {
  const entries = [
    entry('A:1', 'г. Караганда', 'ул. Гоголя', '5', '1'),
    entry('A:2', 'г. Караганда', 'ул. Гоголя', '5', '2'),
    entry('B', 'г. Караганда', 'ул. Гоголя', '7', null),
    entry('C:9', 'г. Караганда', 'пр. Бухар-Жырау', '64', '9'),
    entry('D', 'г. Темиртау', 'пр. Республики', '1', null),
  ];

  it('each level lists its distinct options under what was chosen, in both languages', () => {
    expect(cascade(entries, { regionCode: '09' })).toMatchObject({
      level: 'locality',
      done: null,
      options: [
        { value: 'г. Караганда', kk: 'г. Караганда kk' },
        { value: 'г. Темиртау', kk: 'г. Темиртау kk' },
      ],
    });
    expect(cascade(entries, { regionCode: '09', locality: 'г. Караганда' }).options.map((o) => o.value)).toEqual([
      'ул. Гоголя',
      'пр. Бухар-Жырау',
    ]);
  });

  it('a house with no flats is itself the dwelling; a block of flats goes on to its flats', () => {
    const houses = cascade(entries, { regionCode: '09', locality: 'г. Караганда', street: 'ул. Гоголя' });
    expect(houses.level).toBe('house');
    expect(houses.options).toEqual([
      { value: '5', kk: '5', ru: '5', cadastralNumber: null },
      { value: '7', kk: '7', ru: '7', cadastralNumber: 'B' },
    ]);
    expect(cascade(entries, { regionCode: '09', locality: 'г. Караганда', street: 'ул. Гоголя', house: '7' })).toEqual({
      level: 'house',
      options: [],
      done: 'B',
    });
    const flats = cascade(entries, { regionCode: '09', locality: 'г. Караганда', street: 'ул. Гоголя', house: '5' });
    expect(flats).toMatchObject({ level: 'flat', done: null });
    expect(flats.options.map((o) => o.cadastralNumber)).toEqual(['A:1', 'A:2']);
  });

  it('an unknown level gives nothing to choose', () => {
    expect(cascade(entries, { regionCode: '09', locality: 'нет такого' }).options).toEqual([]);
  });
});

const owner = (iin: string, over: Partial<OwnerFacts> = {}): OwnerFacts => ({
  iin,
  shareMilli: 500,
  birthDate: '1980-01-01',
  capable: true,
  deceased: false,
  incapableInEsobes: false,
  ...over,
});

describe('owners', () => {
  it('a minor or an incapable owner (GBD FL or E-Sobes) makes it CON-only; one who died or is unknown cannot consent', () => {
    const today = '2026-03-10';
    expect(ownerBlock([owner('a'), owner('b')], today)).toBeNull();
    expect(ownerBlock([owner('a'), owner('b', { birthDate: '2012-03-08' })], today)).toEqual({ iin: 'b', reason: 'minor' });
    expect(ownerBlock([owner('a', { capable: false })], today)).toEqual({ iin: 'a', reason: 'incapable' });
    expect(ownerBlock([owner('a', { incapableInEsobes: true })], today)).toEqual({ iin: 'a', reason: 'incapable' });
    expect(ownerBlock([owner('a', { deceased: true })], today)).toEqual({ iin: 'a', reason: 'deceased' });
    expect(ownerBlock([owner('a', { birthDate: null })], today)).toEqual({ iin: 'a', reason: 'unknown' });
  });

  it('every owner but the applicant is asked; the sole owner asks nobody', () => {
    expect(ownersToAsk([{ iin: 'me', shareMilli: 1000 }], 'me')).toEqual([]);
    expect(ownersToAsk([{ iin: 'a', shareMilli: 1000 }], 'me')).toEqual([{ iin: 'a', shareMilli: 1000 }]);
    expect(
      ownersToAsk(
        [
          { iin: 'a', shareMilli: 250 },
          { iin: 'me', shareMilli: 500 },
          { iin: 'b', shareMilli: 250 },
        ],
        'me',
      ).map((o) => o.iin),
    ).toEqual(['a', 'b']);
  });

  it('at signing the other owners must be exactly those asked, with the same shares', () => {
    const asked = [
      { iin: 'a', shareMilli: 500 },
      { iin: 'b', shareMilli: 500 },
    ];
    expect(ownersChanged(asked, asked, 'me')).toBe(false);
    expect(ownersChanged([...asked].reverse(), asked, 'me')).toBe(false);
    expect(ownersChanged([{ iin: 'a', shareMilli: 1000 }], asked, 'me')).toBe(true); // b sold to a
    expect(ownersChanged([...asked, { iin: 'c', shareMilli: 0 }], asked, 'me')).toBe(true); // a new owner
    expect(
      ownersChanged(
        [
          { iin: 'a', shareMilli: 500 },
          { iin: 'c', shareMilli: 500 },
        ],
        asked,
        'me',
      ),
    ).toBe(true);
    // The applicant alone, nobody asked: the applicant's own share is no one else's business…
    expect(ownersChanged([{ iin: 'me', shareMilli: 1000 }], [], 'me')).toBe(false);
    // …but someone else taking a share is.
    expect(
      ownersChanged(
        [
          { iin: 'me', shareMilli: 500 },
          { iin: 'x', shareMilli: 500 },
        ],
        [],
        'me',
      ),
    ).toBe(true);
  });

  it('shares as percentages', () => {
    expect(sharePercent(1000)).toBe('100');
    expect(sharePercent(500)).toBe('50');
    expect(sharePercent(333)).toBe('33,3');
    expect(normaliseCadastralNumber(' 09-142 -061-064:15 ')).toBe('09-142-061-064:15');
  });
});

describe('the temporary period: from today or within 30 days, at most a year', () => {
  const today = '2026-03-10';
  it('start day boundaries', () => {
    expect(stayProblem('2026-03-09', '2026-06-01', today)).toEqual({ field: 'stayFrom', code: 'residence_stay_from_past' });
    expect(stayProblem('2026-03-10', '2026-06-01', today)).toBeNull();
    expect(stayProblem('2026-04-09', '2026-06-01', today)).toBeNull(); // today + 30
    expect(stayProblem('2026-04-10', '2026-06-01', today)).toEqual({ field: 'stayFrom', code: 'residence_stay_from_too_far' });
  });

  it('end day boundaries: one day at least, one year counted inclusively at most', () => {
    expect(stayProblem('2026-03-10', '2026-03-09', today)).toEqual({ field: 'stayUntil', code: 'residence_stay_until_before_from' });
    expect(stayProblem('2026-03-10', '2026-03-10', today)).toBeNull();
    expect(stayProblem('2026-03-10', '2027-03-09', today)).toBeNull();
    expect(stayProblem('2026-03-10', '2027-03-10', today)).toEqual({ field: 'stayUntil', code: 'residence_stay_too_long' });
  });

  it('a year after 29 February is 1 March, so its last day is 28 February', () => {
    expect(addYear('2028-02-29')).toBe('2029-03-01');
    expect(lastStayDay('2028-02-29')).toBe('2029-02-28');
    expect(lastStayDay('2027-03-01')).toBe('2028-02-29');
  });

  it('at signing a start day gone by becomes today; an ended stay cannot be registered', () => {
    expect(stayAtSigning('2026-03-01', '2026-09-01', '2026-03-10')).toEqual({ from: '2026-03-10', until: '2026-09-01' });
    expect(stayAtSigning('2026-03-20', '2026-09-01', '2026-03-10')).toEqual({ from: '2026-03-20', until: '2026-09-01' });
    expect(stayAtSigning('2026-03-01', '2026-03-10', '2026-03-10')).toEqual({ from: '2026-03-10', until: '2026-03-10' });
    expect(stayAtSigning('2026-03-01', '2026-03-09', '2026-03-10')).toBeNull();
  });
});

describe('the step an application is at', () => {
  const draft = { status: 'draft' as const, cadastralNumber: null, regionCode: null, astanaPassed: false, formSaved: false };
  it('draft: dwelling → (Astana) → form → finish', () => {
    expect(nextStep(draft)).toBe('dwelling');
    expect(nextStep({ ...draft, cadastralNumber: 'x', regionCode: '09' })).toBe('form');
    expect(nextStep({ ...draft, cadastralNumber: 'x', regionCode: '01' })).toBe('astana');
    expect(nextStep({ ...draft, cadastralNumber: 'x', regionCode: '01', astanaPassed: true })).toBe('form');
    expect(nextStep({ ...draft, cadastralNumber: 'x', regionCode: '09', formSaved: true })).toBe('finish');
    // Astana not passed: a saved form does not let it on.
    expect(nextStep({ ...draft, cadastralNumber: 'x', regionCode: '01', formSaved: true })).toBe('astana');
  });
  it('after the draft', () => {
    expect(nextStep({ ...draft, status: 'awaiting_owner_consent' })).toBe('consent');
    expect(nextStep({ ...draft, status: 'ready_to_sign' })).toBe('sign');
    expect(nextStep({ ...draft, status: 'registered' })).toBe('done');
    for (const status of ['withdrawn', 'expired', 'refused', 'declined_by_owner'] as const)
      expect(nextStep({ ...draft, status })).toBe('closed');
  });
  it('stale after draftTtlDays full days untouched', () => {
    const at = new Date('2026-03-10T10:00:00Z');
    expect(isStale(at, new Date('2026-04-09T09:59:59Z'), 30)).toBe(false);
    expect(isStale(at, new Date('2026-04-09T10:00:00Z'), 30)).toBe(true);
  });
});

describe('the arrival form: the state’s facts over the fields the person does not own', () => {
  const typed: ArrivalForm = {
    previousAddress: 'typed by hand',
    previousRegionCode: '05',
    movingReason: 'work',
    education: 'higher',
    occupation: 'employed',
    maritalStatus: 'never_married',
    nationality: '  ',
  };
  const known = { permanentAddress: { text: 'г. Караганда, ул. Гоголя, д. 5', regionCode: '09' }, marriedInZags: true };
  it('GBD FL’s permanent address and ZAGS’s marriage win over what the browser sent', () => {
    expect(withStateFacts(typed, known)).toEqual({
      ...typed,
      previousAddress: known.permanentAddress.text,
      previousRegionCode: '09',
      maritalStatus: 'married',
      nationality: null,
    });
    expect(lockedFields(known)).toEqual(['previousAddress', 'previousRegionCode', 'maritalStatus']);
  });
  it('someone with no registration types the previous address; without a ZAGS marriage the status is theirs', () => {
    const none = { permanentAddress: null, marriedInZags: false };
    expect(withStateFacts(typed, none)).toEqual({ ...typed, nationality: null });
    expect(lockedFields(none)).toEqual([]);
    expect(arrivalDefaults(null, known)).toEqual({
      previousAddress: known.permanentAddress.text,
      previousRegionCode: '09',
      maritalStatus: 'married',
    });
    expect(arrivalDefaults(typed, known)).toBe(typed);
  });
});

describe('the address certificate', () => {
  it('is numbered after its application, and back', () => {
    expect(certificateNumberOf('RR-2026-000123')).toBe('RRC-2026-000123');
    expect(applicationNumberOf('RRC-2026-000123')).toBe('RR-2026-000123');
    expect(applicationNumberOf('VR-2026-000123')).toBeNull();
  });

  it('a temporary one ends after its last day; a permanent one when GBD FL has the person elsewhere', () => {
    const temp = { kind: 'temporary' as const, stayUntil: '2026-09-01', cadastralNumber: 'X' };
    expect(certificateState(temp, '2026-09-01', null)).toBe('active');
    expect(certificateState(temp, '2026-09-02', null)).toBe('ended');
    const perm = { kind: 'permanent' as const, stayUntil: null, cadastralNumber: 'X' };
    expect(certificateState(perm, '2030-01-01', 'X')).toBe('active');
    expect(certificateState(perm, '2026-01-01', 'Y')).toBe('ended');
  });

  it('prints as a one-page PDF in either language', async () => {
    for (const locale of ['kk', 'ru'] as const) {
      const pdf = await renderCertificatePdf(
        {
          certificateNumber: 'RRC-2026-000001',
          applicationNumber: 'RR-2026-000001',
          kind: 'temporary',
          holder: { name: 'Әбдірахманов Нұрлан Серікұлы', iin: '961123371035', birthDate: '1996-11-23' },
          address: 'Қарағанды облысы, Қарағанды қ., Әлиханов көшесі, 12, 30-пәтер',
          cadastralNumber: '09-142-015-012:30',
          registeredOn: '2026-03-10',
          period: { from: '2026-03-10', until: '2027-03-09' },
          state: 'active',
          printedOn: '2026-03-10',
          verify: { url: 'https://qyzmet.example/kk/verify?number=RR-2026-000001&code=ABCDEFGHJK', code: 'ABCDEFGHJK' },
        },
        locale,
      );
      const doc = await PDFDocument.load(pdf);
      expect(doc.getPageCount()).toBe(1);
      expect(doc.getTitle()).toBe(`${locale === 'kk' ? 'Адрестік анықтама' : 'Адресная справка'} № RRC-2026-000001`);
      // the shared document builder (lib/pdf/official.ts): the portal, the number, the holder, the verification code
      const [text] = await pdfText(pdf);
      expect(text).toContain(officialWords[locale].portal);
      expect(text).toContain('RRC-2026-000001');
      expect(text).toContain('Әбдірахманов Нұрлан Серікұлы');
      expect(text).toContain(`${officialWords[locale].code}: ABCDEFGHJK`);
    }
  });
});
