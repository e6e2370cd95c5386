// Pure rules of the CON path (order 003, p.3–8; the age rule: residence-person.test.ts): who the operating hall serves,
// where reception sends the visitor, who may represent the owner, ticket and certificate numbers, the stay period.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { egovServiceUrl, renderConReferralPdf } from '@/lib/residence/con-pdf';
import {
  conDocument,
  ownerIncapacity,
  receptionOutcome,
  representativeBasis,
  residenceTicketCode,
  signBlockers,
  stayPeriodProblem,
} from '@/lib/residence/con-rules';
import { formSchema, refuseSchema } from '@/lib/residence/con-schemas';
import type { ConIntake } from '@/lib/residence/con-types';

describe('ownerIncapacity (p.4, p.6)', () => {
  const today = '2026-03-08';
  it('a minor by the birth date, whatever E-Sobes says', () => {
    expect(ownerIncapacity({ birthDate: '2012-03-08', capable: true }, null, today)).toBe('minor');
    expect(ownerIncapacity({ birthDate: '2012-03-08', capable: true }, { incapable: true }, today)).toBe('minor');
  });
  it('an adult declared incapable in E-Sobes, or marked so in GBD FL', () => {
    expect(ownerIncapacity({ birthDate: '1968-03-30', capable: true }, { incapable: true }, today)).toBe('incapable');
    expect(ownerIncapacity({ birthDate: '1968-03-30', capable: false }, null, today)).toBe('incapable');
  });
  it('an adult with no E-Sobes record, or one that does not say incapable, can act (→ online)', () => {
    expect(ownerIncapacity({ birthDate: '2008-03-08', capable: true }, null, today)).toBeNull();
    expect(ownerIncapacity({ birthDate: '1990-01-01', capable: true }, { incapable: false }, today)).toBeNull();
  });
});

describe('receptionOutcome (p.4 / p.5)', () => {
  it('one minor or incapable co-owner is enough for the operating hall', () => {
    expect(receptionOutcome([{ incapacity: null }, { incapacity: 'minor' }])).toBe('operating_hall');
    expect(receptionOutcome([{ incapacity: 'incapable' }])).toBe('operating_hall');
  });
  it("owners who can act, or none at all (an organisation's dwelling): online", () => {
    expect(receptionOutcome([{ incapacity: null }, { incapacity: null }])).toBe('online');
    expect(receptionOutcome([])).toBe('online');
  });
});

describe('representativeBasis (p.7)', () => {
  const base = { ownerIin: 'O', parents: { mother: 'M', father: 'F' }, guardianIin: null };
  it("a minor's mother or father (ZAGS) is a parent", () => {
    expect(representativeBasis({ ...base, representativeIin: 'M', incapacity: 'minor' })).toBe('parent');
    expect(representativeBasis({ ...base, representativeIin: 'F', incapacity: 'minor' })).toBe('parent');
  });
  it("an incapable adult's parent is not their representative unless E-Sobes names them guardian", () => {
    expect(representativeBasis({ ...base, representativeIin: 'M', incapacity: 'incapable' })).toBeNull();
    expect(representativeBasis({ ...base, representativeIin: 'M', incapacity: 'incapable', guardianIin: 'M' })).toBe('guardian');
  });
  it('the guardian of a minor or of an incapable owner', () => {
    expect(representativeBasis({ ...base, representativeIin: 'G', incapacity: 'minor', guardianIin: 'G' })).toBe('guardian');
    expect(representativeBasis({ ...base, representativeIin: 'G', incapacity: 'incapable', guardianIin: 'G' })).toBe('guardian');
  });
  it('anyone else, the owner themself, and a parent ZAGS does not know are refused', () => {
    expect(representativeBasis({ ...base, representativeIin: 'X', incapacity: 'minor' })).toBeNull();
    expect(representativeBasis({ ...base, representativeIin: 'O', incapacity: 'minor', guardianIin: 'O' })).toBeNull();
    expect(representativeBasis({ ...base, parents: {}, representativeIin: 'M', incapacity: 'minor' })).toBeNull();
    expect(representativeBasis({ ...base, parents: { mother: '', father: null }, representativeIin: '', incapacity: 'minor' })).toBeNull();
  });
});

describe('numbers', () => {
  it('tickets R-001…', () => {
    expect(residenceTicketCode(1)).toBe('R-001');
    expect(residenceTicketCode(123)).toBe('R-123');
  });
});

describe('stayPeriodProblem', () => {
  const today = '2026-03-08';
  it('from today to a year later is fine; a day more is too long', () => {
    expect(stayPeriodProblem(today, today, today)).toBeNull();
    expect(stayPeriodProblem(today, '2027-03-09', today)).toBeNull(); // 366 days
    expect(stayPeriodProblem(today, '2027-03-10', today)).toBe('residence_con_stay_too_long');
  });
  it('no start in the past, no end before the start', () => {
    expect(stayPeriodProblem('2026-03-07', '2026-04-01', today)).toBe('residence_con_stay_in_past');
    expect(stayPeriodProblem('2026-03-10', '2026-03-09', today)).toBe('residence_con_stay_order');
  });
});

const intake: ConIntake = {
  serviceCentreId: 101,
  queueTicketId: null,
  ownerIin: '120308635126',
  ownerIncapacity: 'minor',
  representativeIin: '790402429578',
  representativeBasis: 'parent',
  authority: { kind: 'birth_act', number: '2012-01-000911', registeredOn: '2012-03-15' },
  identityDocumentNumber: 'N1',
  biometrics: { passed: true, sampleSha256: 'a'.repeat(64), checkedAt: '2026-03-08T05:00:00Z' },
  applicant: null,
  checkedAt: '2026-03-08T05:00:00Z',
};
const arrival = {
  previousAddress: 'Астана',
  previousRegionCode: '01',
  movingReason: 'family',
  education: 'higher',
  occupation: 'employed',
  maritalStatus: 'married',
  nationality: null,
} as const;

describe('signBlockers and the signed document', () => {
  it('Astana needs a passing decision, and everyone needs the arrival form', () => {
    expect(signBlockers({ astana: null, inAstana: false, arrivalForm: null })).toEqual(['arrival_form']);
    expect(signBlockers({ astana: null, inAstana: true, arrivalForm: arrival })).toEqual(['astana']);
    const d = { outcome: 'claim_needed' } as never;
    expect(signBlockers({ astana: d, inAstana: true, arrivalForm: arrival })).toEqual(['astana']);
    expect(signBlockers({ astana: { outcome: 'kinship_confirmed' } as never, inAstana: true, arrivalForm: arrival })).toEqual([]);
  });
  it('names the owner, the representative with the authority and the biometric hash; a period only for a temporary stay', () => {
    const doc = conDocument({
      number: 'RR-2026-000001',
      serviceCentreId: 101,
      operatorIin: 'W',
      applicantIin: intake.representativeIin,
      kind: 'permanent',
      stayFrom: '2026-03-08',
      stayUntil: '2026-04-08',
      cadastralNumber: '21-311-008-021:5',
      intake,
      astana: null,
      arrivalForm: arrival,
    });
    expect(doc).toMatchObject({
      kind: 'qyzmet.residence.con',
      period: null,
      owner: { iin: intake.ownerIin, incapacity: 'minor' },
      representative: { basis: 'parent', authority: { number: '2012-01-000911' }, biometricSampleSha256: 'a'.repeat(64) },
      applicantIdentity: null,
    });
  });
});

describe('the desk forms', () => {
  const ok = {
    locale: 'kk',
    ticketId: '0c3c3c3c-1111-4222-8333-444444444444',
    ownerIin: '120308635126',
    cadastralNumber: '21-311-008-021:5',
    representativeDocument: 'N 123',
    applicantMode: 'representative',
    kind: 'permanent',
  };
  it('accepts a permanent registration for the representative', () => expect(formSchema.safeParse(ok).success).toBe(true));
  it('an invalid owner IIN fails the format check; another person needs their document; a temporary stay its dates', () => {
    const codes = (v: Record<string, unknown>) => {
      const r = formSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(codes({ ...ok, ownerIin: '120308635127' })).toEqual(['ownerIin:iin_invalid']);
    expect(codes({ ...ok, applicantMode: 'other' })).toEqual(['applicantDocument:required']);
    expect(codes({ ...ok, kind: 'temporary' })).toEqual(['stayFrom:required', 'stayUntil:required']);
    expect(codes({ ...ok, cadastralNumber: 'abc' })).toEqual(['cadastralNumber:residence_con_cadastral_invalid']);
  });
  it('the refusal takes only the warnings of the desk checks', () => {
    expect(refuseSchema.safeParse({ locale: 'ru', ticketId: ok.ticketId, code: 'not_representative' }).success).toBe(true);
    expect(refuseSchema.safeParse({ locale: 'ru', ticketId: ok.ticketId, code: 'kinship_not_found' }).success).toBe(false);
    expect(refuseSchema.safeParse({ locale: 'ru', ticketId: ok.ticketId, code: 'not_representative', ownerIin: '1' }).success).toBe(false);
  });
});

describe('the printed referral to the online service (p.5, p.8)', () => {
  it('reception’s advice and the hall’s refusal, one page each, in the person’s language, with egov.kz in it', async () => {
    const titles = {
      kk: {
        reception_online: 'Мемлекеттік қызметті онлайн алу туралы жадынама',
        refused: 'ХҚКО-да мемлекеттік қызмет көрсетуден бас тарту туралы хабарлама',
      },
      ru: {
        reception_online: 'Памятка о получении государственной услуги в онлайн формате',
        refused: 'Уведомление о невозможности оказания государственной услуги в ЦОН',
      },
    } as const;
    for (const locale of ['kk', 'ru'] as const)
      for (const kind of ['reception_online', 'refused'] as const) {
        const pdf = await renderConReferralPdf(
          {
            kind,
            reason: 'reason',
            cadastralNumber: kind === 'reception_online' ? '01-001-001-001:1' : null,
            portalUrl: `https://qyzmet.example/${locale}/services/residence`,
            con: 'ХҚКО',
            worker: { name: 'Айгерім С.', role: 'con_reception' },
            at: new Date('2026-03-10T06:00:00Z'),
          },
          locale,
        );
        const doc = await PDFDocument.load(pdf);
        expect(doc.getPageCount()).toBe(1);
        expect(doc.getTitle()).toBe(titles[locale][kind]);
      }
    expect(egovServiceUrl('kk')).toBe('https://egov.kz/cms/kk/online-services/for_citizen/pass001_mvd');
    expect(egovServiceUrl('ru')).toBe('https://egov.kz/cms/ru/online-services/for_citizen/pass001_mvd');
  });
});
