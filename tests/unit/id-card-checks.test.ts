// Steps 2–7 of order 002 over fake ports: the order of the checks, and the rule that only RK citizens are served.
import { describe, expect, it } from 'vitest';
import { checkEligibility } from '@/lib/id-card/check-runs';
import type { Registries } from '@/lib/registries';
import type { Person } from '@/lib/registries/gbd-fl/port';

const person: Person = {
  iin: '900101300126',
  names: {
    kk: { surname: 'А', givenName: 'Б', patronymic: null },
    ru: { surname: 'А', givenName: 'Б', patronymic: null },
    lat: { surname: 'A', givenName: 'B' },
  },
  birthDate: '1990-01-01',
  sex: 'male',
  citizenship: 'KZ',
  birthCountry: 'KZ',
  capable: true,
  deceased: false,
  permanentAddress: { regionCode: '01', addressKk: 'к', addressRu: 'у', cadastralNumber: null },
  document: { type: 'id_card', number: '012345678', issuedOn: '2016-12-20', expiresOn: '2026-12-20' },
  photoSeed: 1,
};

const PHONE = '+77010000000';
const sample = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 7]), mimeType: 'image/jpeg' };
const livenessSeen: unknown[][] = [];
type Opts = { live?: boolean; changes?: number; consent?: 'requested' | 'granted' | 'refused' | null; consentIin?: string };

function fake(over: Partial<Person> = {}, opts: Opts = {}): Registries {
  const status = opts.consent === undefined ? 'granted' : opts.consent;
  return {
    consent: {
      status: async (id: string) =>
        status && id === 'c1'
          ? { id, iin: opts.consentIin ?? person.iin, purpose: 'id_card_renewal', status, requestedAt: new Date(), answeredAt: null }
          : null,
    },
    gbdFl: { findPerson: async () => ({ ...person, ...over }) },
    bmg: { findPhone: async () => PHONE, verifyPhone: async (iin: string, phone: string) => iin === person.iin && phone === PHONE },
    digitalId: {
      liveness: async (...args: unknown[]) => {
        livenessSeen.push(args);
        return { passed: opts.live ?? true };
      },
    },
    esobes: { guardianship: async () => null },
    zags: {
      changesSince: async () =>
        Array.from({ length: opts.changes ?? 0 }, () => ({ kind: 'name' as const, changedOn: '2020-01-01', details: {} })),
    },
  } as unknown as Registries;
}

const applicant = { iin: person.iin, consentId: 'c1', phone: PHONE };

describe('checkEligibility', () => {
  it('passes an eligible citizen with every step in order', async () => {
    const r = await checkEligibility(fake(), applicant, '2026-12-01', sample);
    expect(r.ok).toBe(true);
    expect(r.lines.map((l) => l.step)).toEqual([1, 2, 2, 3, 4, 5, 6, 7]);
  });
  it('step 3 gives Digital-ID the captured sample itself, not a digest', async () => {
    livenessSeen.length = 0;
    await checkEligibility(fake(), applicant, '2026-12-01', sample);
    expect(livenessSeen).toEqual([[person.iin, sample]]);
  });
  it.each([
    [{ citizenship: 'RU' }, {}, 'id_card_not_citizen'],
    [{ capable: false }, {}, 'id_card_incapable'],
    [{ permanentAddress: null }, {}, 'id_card_no_registration'],
    [{ document: { ...person.document, type: 'passport' as const } }, {}, 'id_card_no_card'],
    [{}, { live: false }, 'id_card_liveness_failed'],
    [{}, { changes: 1 }, 'id_card_civil_change'],
    [{ document: { ...person.document, expiresOn: '2027-01-01' } }, {}, 'id_card_too_early'],
    [{ document: { ...person.document, expiresOn: '2026-11-20' } }, {}, 'id_card_too_late'],
    [{}, { consent: 'refused' }, 'id_card_consent_refused'],
    [{}, { consent: 'requested' }, 'id_card_consent_unanswered'],
    [{}, { consent: null }, 'id_card_consent_unanswered'],
    [{}, { consentIin: '880315300511' }, 'id_card_consent_unanswered'],
  ] as const)('%o %o → %s', async (over, opts, reason) => {
    const r = await checkEligibility(fake(over as Partial<Person>, opts), applicant, '2026-12-01', sample);
    expect(r).toMatchObject({ ok: false, code: reason });
    expect(r.lines.at(-1)).toMatchObject({ ok: false, code: reason });
  });
  it("step 1 is the consent service's answer: a refusal stops before any registry is asked", async () => {
    const r = await checkEligibility(fake({}, { consent: 'refused' }), applicant, '2026-12-01', sample);
    expect(r.lines).toEqual([{ step: 1, system: 'consent', ok: false, code: 'id_card_consent_refused' }]);
  });
  it('step 2: BMG must hold the phone the citizen entered for this IIN', async () => {
    const r = await checkEligibility(fake(), { ...applicant, phone: '+77019999999' }, '2026-12-01', sample);
    expect(r).toMatchObject({ ok: false, code: 'id_card_phone_mismatch' });
    expect(r.lines.map((l) => [l.step, l.system, l.ok])).toEqual([
      [1, 'consent', true],
      [2, 'gbd_fl', true],
      [2, 'bmg', false],
    ]);
    const ok = await checkEligibility(fake(), applicant, '2026-12-01', sample);
    expect(ok).toMatchObject({ ok: true, value: { phone: PHONE } });
  });
  it('the window edges: 30 days before and 10 days after are still open', async () => {
    for (const expiresOn of ['2026-12-31', '2026-11-21']) {
      expect((await checkEligibility(fake({ document: { ...person.document, expiresOn } }), applicant, '2026-12-01', sample)).ok).toBe(
        true,
      );
    }
  });
});
