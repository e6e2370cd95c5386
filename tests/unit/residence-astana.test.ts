// Astana's steps (order 003 p.10, steps 1–7) as pure rules and over in-memory registries: the norm's boundaries,
// the nine claims of step 4 each confirmed and refused, the chain with its ZAGS acts, full-time study in Astana,
// and the step's own rules (the form's claim, the next page, the refusal, the admin's norm settings).
import { describe, expect, it } from 'vitest';
import type { Registries } from '@/lib/registries';
import type { StudentRecord } from '@/lib/registries/education/port';
import { withinNorm } from '@/lib/residence/astana-norm';
import { decideClaim, fullTimeInAstana, placesUnderNorm, searchedFor } from '@/lib/residence/astana-service';
import { claimOf, nextStepOf, refusalOf, residenceParamsProblems, sameClaim, timelineDataOf } from '@/lib/residence/astana-step-rules';
import type { AstanaClaim, AstanaDecision } from '@/lib/residence/astana-types';

describe('steps 1–3: the norm (62 m² ÷ 15 m² = 4 places)', () => {
  it('placesUnderNorm: floor of area ÷ norm, exact multiples not lost to floating point', () => {
    expect(placesUnderNorm(62, 15)).toBe(4);
    expect(placesUnderNorm(60, 15)).toBe(4);
    expect(placesUnderNorm(59.99, 15)).toBe(3);
    expect(placesUnderNorm(14, 15)).toBe(0);
    expect(placesUnderNorm(0, 15)).toBe(0);
    expect(placesUnderNorm(4.5, 1.5)).toBe(3); // 4.5 / 1.5 = 2.9999999999999996 in floating point
    expect(placesUnderNorm(0.3, 0.1)).toBe(3);
  });

  it('exactly at the norm the next person does not fit; one below it they do', () => {
    // 45 m²: three places. Two registered → the third fits (3 × 15 = 45); three registered → the norm is reached.
    expect(withinNorm(45, 2, 15)).toBe(true);
    expect(withinNorm(45, 3, 15)).toBe(false);
    // One m² less and two registered: 3 × 15 = 45 > 44.
    expect(withinNorm(44, 2, 15)).toBe(false);
    // 62 m², 4 registered (flat F): 5 × 15 = 75 > 62.
    expect(withinNorm(62, 4, 15)).toBe(false);
    expect(withinNorm(62, 3, 15)).toBe(true);
  });

  it('zero area: nobody fits, not even the first', () => {
    expect(withinNorm(0, 0, 15)).toBe(false);
    expect(placesUnderNorm(0, 15)).toBe(0);
  });
});

// The demo family (db/seed/family.ts) as an in-memory ZAGS, GBD FL and NOBD/EPVO. Names stand in for IINs.
const births: Record<string, { mother?: string; father?: string; act: string; on: string }> = {
  daniyar: { mother: 'gulnar', father: 'bolat', act: '1976-10-000412', on: '1976-05-25' },
  arman: { mother: 'gulnar', father: 'bolat', act: '1981-10-001187', on: '1981-09-05' },
  saule: { mother: 'roza', father: 'erlan', act: '1979-09-000356', on: '1979-04-10' },
  madina: { mother: 'roza', father: 'erlan', act: '1984-09-002041', on: '1984-12-12' },
  dana: { mother: 'saule', father: 'askar', act: '1998-09-000733', on: '1998-04-03' },
  timur: { mother: 'zhanna', father: 'daniyar', act: '1999-01-001562', on: '1999-06-22' },
  alikhan: { mother: 'saule', father: 'daniyar', act: '2001-01-000208', on: '2001-02-17' },
  aisha: { mother: 'saule', father: 'daniyar', act: '2012-01-000911', on: '2012-03-15' },
  zhanna: { mother: 'zhannaMother', act: '1978-02-000101', on: '1978-10-12' },
};
const marriages: { a: string; b: string; act: string; on: string; dissolved: boolean }[] = [
  { a: 'bolat', b: 'gulnar', act: 'M-1974-10-000318', on: '1974-09-14', dissolved: false },
  { a: 'erlan', b: 'roza', act: 'M-1978-09-000244', on: '1978-06-03', dissolved: false },
  { a: 'askar', b: 'saule', act: 'M-1997-09-000517', on: '1997-08-16', dissolved: true },
  { a: 'daniyar', b: 'zhanna', act: 'M-1998-01-000402', on: '1998-07-11', dissolved: true },
  { a: 'daniyar', b: 'saule', act: 'M-2000-01-000619', on: '2000-06-24', dissolved: false },
];
const today = '2026-03-02';
const students: Record<string, StudentRecord[]> = {
  ayaru: [
    {
      source: 'epvo',
      institutionKk: 'Л.Н. Гумилев атындағы ЕҰУ',
      institutionRu: 'ЕНУ им. Л.Н. Гумилёва',
      regionCode: '01',
      fullTime: true,
      fromDate: '2025-09-01',
      toDate: '2026-06-30',
    },
  ],
  ruslan: [
    {
      source: 'epvo',
      institutionKk: 'Astana IT University',
      institutionRu: 'Astana IT University',
      regionCode: '01',
      fullTime: false,
      fromDate: '2025-09-01',
      toDate: '2026-06-30',
    },
  ],
};

const registries = {
  zags: {
    parentsOf: async (iin: string) => {
      const b = births[iin];
      return { ...(b?.mother ? { mother: b.mother } : {}), ...(b?.father ? { father: b.father } : {}) };
    },
    childrenOf: async (iin: string) =>
      Object.entries(births)
        .filter(([, b]) => b.mother === iin || b.father === iin)
        .map(([c]) => c),
    spousesOf: async (iin: string) =>
      marriages.filter((m) => !m.dissolved && (m.a === iin || m.b === iin)).map((m) => (m.a === iin ? m.b : m.a)),
    birthAct: async (iin: string) => (births[iin] ? { number: births[iin].act, registeredOn: births[iin].on } : null),
    marriageAct: async (x: string, y: string) => {
      const m = marriages.find((r) => !r.dissolved && ((r.a === x && r.b === y) || (r.a === y && r.b === x)));
      return m ? { number: m.act, registeredOn: m.on } : null;
    },
    changesSince: async () => [],
  },
  gbdFl: {
    findPerson: async (iin: string) => ({
      names: {
        kk: { surname: `${iin.toUpperCase()}ов`, givenName: `${iin[0]!.toUpperCase()}${iin.slice(1)}`, patronymic: null },
        ru: { surname: `${iin.toUpperCase()}ов`, givenName: `${iin[0]!.toUpperCase()}${iin.slice(1)}`, patronymic: null },
      },
    }),
  },
  education: { studentRecords: async (iin: string) => students[iin] ?? [] },
} as unknown as Registries;

/** Flat F: 62 m², 4 registered, the norm reached. */
const atNorm: AstanaDecision = {
  checkedAt: '2026-03-02T05:00:00.000Z',
  totalAreaM2: 62,
  registeredCount: 4,
  normM2PerPerson: 15,
  normDecision: { date: '2025-12-26', number: '№ 312/41-VIII' },
  places: 4,
  withinNorm: false,
  claim: null,
  kinship: null,
  student: null,
  outcome: 'claim_needed',
};

const decide = (applicantIin: string, owners: string[], claim: AstanaClaim) =>
  decideClaim(registries, { norm: atNorm, applicantIin, ownerIins: owners, claim }, today);

describe('steps 4–6: each of the nine claims, confirmed and refused (the claim is what the applicant is to the owner)', () => {
  const cases: { name: string; applicant: string; owner: string; claim: AstanaClaim; chain: string[] | null }[] = [
    {
      name: 'child: Alikhan to his mother',
      applicant: 'alikhan',
      owner: 'saule',
      claim: { relation: 'child' },
      chain: ['alikhan', 'saule'],
    },
    { name: 'child: Alikhan to his father’s ex-wife', applicant: 'alikhan', owner: 'zhanna', claim: { relation: 'child' }, chain: null },
    { name: 'parent: Roza to her daughter', applicant: 'roza', owner: 'saule', claim: { relation: 'parent' }, chain: ['roza', 'saule'] },
    { name: 'parent: Gulnar to her daughter-in-law', applicant: 'gulnar', owner: 'saule', claim: { relation: 'parent' }, chain: null },
    {
      name: 'spouse: a current marriage',
      applicant: 'saule',
      owner: 'daniyar',
      claim: { relation: 'spouse' },
      chain: ['saule', 'daniyar'],
    },
    { name: 'spouse: a dissolved marriage', applicant: 'zhanna', owner: 'daniyar', claim: { relation: 'spouse' }, chain: null },
    {
      name: 'sibling: both parents the same',
      applicant: 'aisha',
      owner: 'alikhan',
      claim: { relation: 'sibling' },
      chain: ['aisha', 'saule', 'daniyar', 'alikhan'],
    },
    { name: 'sibling: only the father shared', applicant: 'timur', owner: 'alikhan', claim: { relation: 'sibling' }, chain: null },
    {
      name: 'half_sibling through the father',
      applicant: 'timur',
      owner: 'alikhan',
      claim: { relation: 'half_sibling', sharedParent: 'father' },
      chain: ['timur', 'daniyar', 'alikhan'],
    },
    {
      name: 'half_sibling through the wrong parent (Timur’s mother is Zhanna)',
      applicant: 'timur',
      owner: 'alikhan',
      claim: { relation: 'half_sibling', sharedParent: 'mother' },
      chain: null,
    },
    {
      name: 'half_sibling through the mother',
      applicant: 'dana',
      owner: 'alikhan',
      claim: { relation: 'half_sibling', sharedParent: 'mother' },
      chain: ['dana', 'saule', 'alikhan'],
    },
    {
      name: 'grandparent on the father’s side',
      applicant: 'bolat',
      owner: 'alikhan',
      claim: { relation: 'grandparent', side: 'father' },
      chain: ['bolat', 'daniyar', 'alikhan'],
    },
    {
      name: 'grandparent on the wrong side',
      applicant: 'bolat',
      owner: 'alikhan',
      claim: { relation: 'grandparent', side: 'mother' },
      chain: null,
    },
    {
      name: 'grandchild through the father (flat F, grandpa Bolat)',
      applicant: 'alikhan',
      owner: 'bolat',
      claim: { relation: 'grandchild', side: 'father' },
      chain: ['alikhan', 'daniyar', 'bolat'],
    },
    {
      name: 'grandchild through the mother (studio E, grandma Roza)',
      applicant: 'alikhan',
      owner: 'roza',
      claim: { relation: 'grandchild', side: 'mother' },
      chain: ['alikhan', 'saule', 'roza'],
    },
    {
      name: 'grandchild: Dana’s father is Askar, not Bolat’s son',
      applicant: 'dana',
      owner: 'bolat',
      claim: { relation: 'grandchild', side: 'father' },
      chain: null,
    },
    {
      name: 'in_law: the sister of the owner’s wife',
      applicant: 'madina',
      owner: 'daniyar',
      claim: { relation: 'in_law' },
      chain: ['madina', 'roza', 'saule', 'daniyar'],
    },
    {
      name: 'in_law: the parent of the owner’s wife',
      applicant: 'roza',
      owner: 'daniyar',
      claim: { relation: 'in_law' },
      chain: ['roza', 'saule', 'daniyar'],
    },
    {
      name: 'in_law through a dissolved marriage (the ex-wife’s mother)',
      applicant: 'zhannaMother',
      owner: 'daniyar',
      claim: { relation: 'in_law' },
      chain: null,
    },
  ];

  for (const c of cases)
    it(`${c.name}: ${c.chain ? 'confirmed' : 'not found'}`, async () => {
      const d = await decide(c.applicant, [c.owner], c.claim);
      expect(d.claim).toEqual(c.claim);
      expect(d.kinship?.confirmed).toBe(!!c.chain);
      expect(d.kinship?.chain.map((l) => l.iin)).toEqual(c.chain ?? []);
      expect(d.kinship?.searched).toEqual(searchedFor(c.claim as Exclude<AstanaClaim, { relation: 'student' }>));
      expect(d.outcome).toBe(c.chain ? 'kinship_confirmed' : 'kinship_not_found');
      expect(refusalOf(d, 'X')?.code ?? null).toBe(c.chain ? null : 'kinship_not_found');
      // The numbers of steps 1–3 travel with the decision.
      expect(d).toMatchObject({ totalAreaM2: 62, registeredCount: 4, places: 4, normM2PerPerson: 15, withinNorm: false });
    });

  it('the chain names each person masked, with the ZAGS act that links them to the next', async () => {
    const d = await decide('alikhan', ['bolat'], { relation: 'grandchild', side: 'father' });
    expect(d.kinship!.chain).toEqual([
      {
        iin: 'alikhan',
        nameKk: 'Alikhan A.',
        nameRu: 'Alikhan A.',
        act: { kind: 'birth', number: '2001-01-000208', registeredOn: '2001-02-17' },
      },
      {
        iin: 'daniyar',
        nameKk: 'Daniyar D.',
        nameRu: 'Daniyar D.',
        act: { kind: 'birth', number: '1976-10-000412', registeredOn: '1976-05-25' },
      },
      { iin: 'bolat', nameKk: 'Bolat B.', nameRu: 'Bolat B.', act: null },
    ]);
    // in-law: the last link is the owner's marriage act.
    const inLaw = await decide('roza', ['daniyar'], { relation: 'in_law' });
    expect(inLaw.kinship!.chain.map((l) => l.act?.number ?? null)).toEqual(['1979-09-000356', 'M-2000-01-000619', null]);
  });

  it('a relative of any one owner is enough; the other owners are tried in turn', async () => {
    const d = await decide('madina', ['alikhan', 'saule'], { relation: 'sibling' });
    expect(d.outcome).toBe('kinship_confirmed');
    expect(d.kinship!.chain.at(-1)!.iin).toBe('saule');
  });

  it('what ZAGS was searched for, per claim', () => {
    expect(searchedFor({ relation: 'half_sibling', sharedParent: 'mother' })).toEqual(['applicant_mother', 'owner_mother']);
    expect(searchedFor({ relation: 'grandchild', side: 'father' })).toEqual(['applicant_parents', 'applicant_father_parents']);
    expect(searchedFor({ relation: 'in_law' })).toEqual(['owner_marriages', 'spouse_parents', 'applicant_parents', 'spouse_grandparents']);
  });

  it('a norm no longer reached answers within_norm, whatever the claim', async () => {
    const d = await decideClaim(registries, {
      norm: { ...atNorm, registeredCount: 3, withinNorm: true, outcome: 'within_norm' },
      applicantIin: 'zhanna',
      ownerIins: ['daniyar'],
      claim: { relation: 'spouse' },
    });
    expect(d.outcome).toBe('within_norm');
  });
});

describe('step 7: full-time study in Astana (NOBD / EPVO)', () => {
  const base: StudentRecord = {
    source: 'epvo',
    institutionKk: 'ЕҰУ',
    institutionRu: 'ЕНУ',
    regionCode: '01',
    fullTime: true,
    fromDate: '2025-09-01',
    toDate: '2026-06-30',
  };
  it('full-time in Astana within the period, both ends included', () => {
    expect(fullTimeInAstana([base], '2026-03-02')).toEqual(base);
    expect(fullTimeInAstana([base], '2025-09-01')).toEqual(base);
    expect(fullTimeInAstana([base], '2026-06-30')).toEqual(base);
  });
  it('not: part-time, another city, the period ended or not begun', () => {
    expect(fullTimeInAstana([{ ...base, fullTime: false }], '2026-03-02')).toBeNull();
    expect(fullTimeInAstana([{ ...base, regionCode: '02' }], '2026-03-02')).toBeNull();
    expect(fullTimeInAstana([base], '2026-07-01')).toBeNull();
    expect(fullTimeInAstana([base], '2025-08-31')).toBeNull();
    expect(fullTimeInAstana([], '2026-03-02')).toBeNull();
  });
  it('the record that decides it, past ones ignored', () => {
    const old = { ...base, fromDate: '2020-09-01', toDate: '2024-06-30', institutionRu: 'колледж' };
    expect(fullTimeInAstana([old, base], '2026-03-02')).toEqual(base);
  });
  it('decideClaim: the full-time student confirmed with the record; the part-time one refused', async () => {
    const ok = await decide('ayaru', ['saule'], { relation: 'student' });
    expect(ok.outcome).toBe('student_confirmed');
    expect(ok.student).toEqual({ confirmed: true, record: students.ayaru![0] });
    expect(refusalOf(ok, 'X')).toBeNull();
    const part = await decide('ruslan', ['saule'], { relation: 'student' });
    expect(part.outcome).toBe('no_full_time_study');
    expect(part.student).toEqual({ confirmed: false, record: null });
    expect(refusalOf(part, 'X')?.code).toBe('no_full_time_study');
    expect(refusalOf(part, 'X')?.details.step).toBe(7);
  });
});

describe('the step’s rules', () => {
  it('claimOf: the follow-up question is required for the three choices that have one, ignored for the rest', () => {
    expect(claimOf({})).toEqual({ fieldErrors: { relation: ['residence_astana_relation_required'] } });
    expect(claimOf({ relation: 'cousin' })).toEqual({ fieldErrors: { relation: ['residence_astana_relation_required'] } });
    expect(claimOf({ relation: 'half_sibling' })).toEqual({ fieldErrors: { sharedParent: ['residence_astana_shared_parent_required'] } });
    expect(claimOf({ relation: 'grandparent', grandchildSide: 'father' })).toEqual({
      fieldErrors: { grandparentSide: ['residence_astana_side_required'] },
    });
    expect(claimOf({ relation: 'grandchild', grandchildSide: 'uncle' })).toEqual({
      fieldErrors: { grandchildSide: ['residence_astana_side_required'] },
    });
    expect(claimOf({ relation: 'half_sibling', sharedParent: 'mother', grandparentSide: 'father' })).toEqual({
      claim: { relation: 'half_sibling', sharedParent: 'mother' },
    });
    expect(claimOf({ relation: 'grandchild', grandchildSide: 'mother' })).toEqual({ claim: { relation: 'grandchild', side: 'mother' } });
    expect(claimOf({ relation: 'spouse', sharedParent: 'mother' })).toEqual({ claim: { relation: 'spouse' } });
    expect(claimOf({ relation: 'student' })).toEqual({ claim: { relation: 'student' } });
  });

  it('sameClaim: the follow-up answer counts', () => {
    expect(sameClaim({ relation: 'spouse' }, { relation: 'spouse' })).toBe(true);
    expect(sameClaim({ relation: 'grandchild', side: 'father' }, { relation: 'grandchild', side: 'father' })).toBe(true);
    expect(sameClaim({ relation: 'grandchild', side: 'father' }, { relation: 'grandchild', side: 'mother' })).toBe(false);
    expect(sameClaim({ relation: 'grandchild', side: 'father' }, { relation: 'grandparent', side: 'father' })).toBe(false);
    expect(sameClaim(null, { relation: 'spouse' })).toBe(false);
  });

  it('nextStepOf: norm → claim → form or decision', () => {
    expect(nextStepOf(null)).toBe('norm');
    expect(nextStepOf(atNorm)).toBe('claim');
    expect(nextStepOf({ ...atNorm, withinNorm: true, outcome: 'within_norm' })).toBe('form');
    expect(nextStepOf({ ...atNorm, outcome: 'kinship_confirmed' })).toBe('form');
    expect(nextStepOf({ ...atNorm, outcome: 'student_confirmed' })).toBe('form');
    expect(nextStepOf({ ...atNorm, outcome: 'kinship_not_found' })).toBe('decision');
    expect(nextStepOf({ ...atNorm, outcome: 'no_full_time_study' })).toBe('decision');
  });

  it('the timeline keeps the numbers and the chain’s names and acts, never an IIN', async () => {
    const d = await decide('alikhan', ['bolat'], { relation: 'grandchild', side: 'father' });
    const data = timelineDataOf(d, '21-314-019-006:62');
    expect(data).toMatchObject({ totalAreaM2: 62, registeredCount: 4, places: 4, outcome: 'kinship_confirmed' });
    expect(JSON.stringify(data)).not.toContain('"iin"');
    expect((data.kinship as { chain: unknown[] }).chain[0]).toEqual({
      nameKk: 'Alikhan A.',
      nameRu: 'Alikhan A.',
      act: { kind: 'birth', number: '2001-01-000208', registeredOn: '2001-02-17' },
    });
  });

  it('the admin’s norm: a number of m² from 1 to 100, its decision’s date and number', () => {
    const good = { astanaNormM2: 15, astanaNormDecisionDate: '2025-12-26', astanaNormDecisionNumber: '№ 312/41-VIII', consentTtlHours: 72 };
    expect(residenceParamsProblems(good)).toEqual([]);
    expect(residenceParamsProblems({ ...good, astanaNormM2: 0 })).toEqual(['residence_astana_norm_invalid']);
    expect(residenceParamsProblems({ ...good, astanaNormM2: '15' })).toEqual(['residence_astana_norm_invalid']);
    expect(residenceParamsProblems({ ...good, astanaNormM2: 1 })).toEqual([]);
    expect(residenceParamsProblems({ ...good, astanaNormM2: 100.5 })).toEqual(['residence_astana_norm_invalid']);
    expect(residenceParamsProblems({ ...good, astanaNormDecisionDate: '26.12.2025' })).toEqual([
      'residence_astana_norm_decision_date_invalid',
    ]);
    expect(residenceParamsProblems({ ...good, astanaNormDecisionNumber: ' ' })).toEqual(['residence_astana_norm_decision_number_required']);
    expect(residenceParamsProblems({ ...good, astanaNormM2: undefined })).toEqual(['residence_astana_norm_invalid']);
  });
});
