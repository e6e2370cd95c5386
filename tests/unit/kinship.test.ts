import { describe, expect, it } from 'vitest';
import { verifyKinship, type CivilRecords, type KinshipClaim } from '@/lib/residence/kinship';

type Parents = { mother?: string; father?: string };

/** In-memory ZAGS. Like the real one, spousesOf returns only marriages that are not dissolved. */
function fakeZags(parents: Record<string, Parents>, marriages: [string, string][]): CivilRecords {
  return {
    parentsOf: async (iin) => ({ ...parents[iin] }),
    childrenOf: async (iin) =>
      Object.entries(parents)
        .filter(([, p]) => p.mother === iin || p.father === iin)
        .map(([child]) => child),
    spousesOf: async (iin) => marriages.flatMap(([a, b]) => (a === iin ? [b] : b === iin ? [a] : [])),
  };
}

// The owner's family. Names stand in for IINs.
const zags = fakeZags(
  {
    dad: { mother: 'gmFF', father: 'gpFF' },
    mom: { mother: 'gmMF', father: 'gpMF' },
    owner: { mother: 'mom', father: 'dad' },
    sis: { mother: 'mom', father: 'dad' },
    halfM: { mother: 'mom', father: 'stepdad' }, // same mother, other father
    halfF: { mother: 'exWife', father: 'dad' }, // same father, other mother
    halfMU: { mother: 'mom' }, // same mother, father not recorded
    son: { mother: 'wife', father: 'owner' },
    daughter: { mother: 'wife', father: 'owner' },
    gkidF: { mother: 'sonWife', father: 'son' },
    gkidM: { mother: 'daughter', father: 'daughterHusband' },
    wife: { mother: 'wifeMom', father: 'wifeDad' },
    wifeDad: { mother: 'wifeGran', father: 'wifeGrandpa' },
    wifeBro: { mother: 'wifeMom', father: 'wifeMomsSecondHusband' }, // shares only the mother
    wifeCousin: { mother: 'wifeAunt', father: 'wifeUncle' },
    exWife2: { mother: 'exWifeMom', father: 'exWifeDad' },
    loneA: { mother: 'single' }, // two children of a single mother, no fathers recorded
    loneB: { mother: 'single' },
    blankA: { mother: '', father: '' }, // empty fields must not match each other
    blankB: { mother: '', father: '' },
  },
  [['owner', 'wife']], // owner's marriage to exWife2 is dissolved, so ZAGS does not return it
);

const check = (applicant: string, owner: string, claim: KinshipClaim) => verifyKinship(zags, applicant, owner, claim);
const yes = (chain: string[]) => ({ confirmed: true, chain });
const no = { confirmed: false, chain: [] };

describe('verifyKinship (SPEC §7.4) — the claim is what the applicant is to the owner', () => {
  it('child: the owner is the applicant’s mother or father', async () => {
    expect(await check('son', 'owner', { relation: 'child' })).toEqual(yes(['son', 'owner']));
    expect(await check('owner', 'mom', { relation: 'child' })).toEqual(yes(['owner', 'mom']));
    expect(await check('owner', 'son', { relation: 'child' })).toEqual(no); // reversed
    expect(await check('gkidF', 'owner', { relation: 'child' })).toEqual(no);
    expect(await check('stranger', 'owner', { relation: 'child' })).toEqual(no);
  });

  it('parent: the applicant is the owner’s mother or father', async () => {
    expect(await check('dad', 'owner', { relation: 'parent' })).toEqual(yes(['dad', 'owner']));
    expect(await check('mom', 'owner', { relation: 'parent' })).toEqual(yes(['mom', 'owner']));
    expect(await check('son', 'owner', { relation: 'parent' })).toEqual(no);
    expect(await check('gpFF', 'owner', { relation: 'parent' })).toEqual(no);
    expect(await check('dad', 'nobodyKnown', { relation: 'parent' })).toEqual(no); // no parents recorded
  });

  it('spouse: only a current marriage', async () => {
    expect(await check('wife', 'owner', { relation: 'spouse' })).toEqual(yes(['wife', 'owner']));
    expect(await check('owner', 'wife', { relation: 'spouse' })).toEqual(yes(['owner', 'wife']));
    expect(await check('exWife2', 'owner', { relation: 'spouse' })).toEqual(no);
    expect(await check('sis', 'owner', { relation: 'spouse' })).toEqual(no);
  });

  it('sibling: both parents known and the same', async () => {
    expect(await check('sis', 'owner', { relation: 'sibling' })).toEqual(yes(['sis', 'mom', 'dad', 'owner']));
    expect(await check('halfM', 'owner', { relation: 'sibling' })).toEqual(no);
    expect(await check('halfF', 'owner', { relation: 'sibling' })).toEqual(no);
    expect(await check('halfMU', 'owner', { relation: 'sibling' })).toEqual(no); // father unknown
    expect(await check('loneA', 'loneB', { relation: 'sibling' })).toEqual(no); // both fathers unknown
    expect(await check('blankA', 'blankB', { relation: 'sibling' })).toEqual(no);
    expect(await check('son', 'owner', { relation: 'sibling' })).toEqual(no);
  });

  it('half_sibling: the named parent shared, the other different or unknown', async () => {
    const byMother: KinshipClaim = { relation: 'half_sibling', sharedParent: 'mother' };
    const byFather: KinshipClaim = { relation: 'half_sibling', sharedParent: 'father' };
    expect(await check('halfM', 'owner', byMother)).toEqual(yes(['halfM', 'mom', 'owner']));
    expect(await check('halfF', 'owner', byFather)).toEqual(yes(['halfF', 'dad', 'owner']));
    expect(await check('halfMU', 'owner', byMother)).toEqual(yes(['halfMU', 'mom', 'owner']));
    expect(await check('owner', 'halfMU', byMother)).toEqual(yes(['owner', 'mom', 'halfMU']));
    expect(await check('loneA', 'loneB', byMother)).toEqual(yes(['loneA', 'single', 'loneB']));
  });

  it('half_sibling: not confirmed by the wrong parent, for full siblings, or with blanks', async () => {
    expect(await check('halfM', 'owner', { relation: 'half_sibling', sharedParent: 'father' })).toEqual(no);
    expect(await check('halfF', 'owner', { relation: 'half_sibling', sharedParent: 'mother' })).toEqual(no);
    expect(await check('halfMU', 'owner', { relation: 'half_sibling', sharedParent: 'father' })).toEqual(no);
    expect(await check('sis', 'owner', { relation: 'half_sibling', sharedParent: 'mother' })).toEqual(no);
    expect(await check('sis', 'owner', { relation: 'half_sibling', sharedParent: 'father' })).toEqual(no);
    expect(await check('blankA', 'blankB', { relation: 'half_sibling', sharedParent: 'mother' })).toEqual(no);
    expect(await check('wifeBro', 'owner', { relation: 'half_sibling', sharedParent: 'mother' })).toEqual(no);
  });

  it('grandparent: a parent of the owner’s father or mother, by side', async () => {
    const fatherSide: KinshipClaim = { relation: 'grandparent', side: 'father' };
    const motherSide: KinshipClaim = { relation: 'grandparent', side: 'mother' };
    expect(await check('gpFF', 'owner', fatherSide)).toEqual(yes(['gpFF', 'dad', 'owner']));
    expect(await check('gmFF', 'owner', fatherSide)).toEqual(yes(['gmFF', 'dad', 'owner']));
    expect(await check('gpMF', 'owner', motherSide)).toEqual(yes(['gpMF', 'mom', 'owner']));
    expect(await check('gmMF', 'owner', motherSide)).toEqual(yes(['gmMF', 'mom', 'owner']));
    expect(await check('gpMF', 'owner', fatherSide)).toEqual(no); // wrong side
    expect(await check('gpFF', 'owner', motherSide)).toEqual(no);
    expect(await check('dad', 'owner', fatherSide)).toEqual(no);
    expect(await check('gpFF', 'halfMU', fatherSide)).toEqual(no); // father unknown
  });

  it('grandchild: the owner is a parent of the applicant’s father or mother, by side', async () => {
    expect(await check('gkidF', 'owner', { relation: 'grandchild', side: 'father' })).toEqual(yes(['gkidF', 'son', 'owner']));
    expect(await check('gkidM', 'owner', { relation: 'grandchild', side: 'mother' })).toEqual(yes(['gkidM', 'daughter', 'owner']));
    expect(await check('gkidM', 'wife', { relation: 'grandchild', side: 'mother' })).toEqual(yes(['gkidM', 'daughter', 'wife']));
    expect(await check('gkidF', 'owner', { relation: 'grandchild', side: 'mother' })).toEqual(no); // sonWife's parents
    expect(await check('gkidM', 'owner', { relation: 'grandchild', side: 'father' })).toEqual(no);
    expect(await check('son', 'owner', { relation: 'grandchild', side: 'father' })).toEqual(no);
    expect(await check('owner', 'gpFF', { relation: 'grandchild', side: 'mother' })).toEqual(no);
    expect(await check('owner', 'gpFF', { relation: 'grandchild', side: 'father' })).toEqual(yes(['owner', 'dad', 'gpFF']));
  });

  it('in_law: parent, sibling or grandparent of a current spouse', async () => {
    const inLaw: KinshipClaim = { relation: 'in_law' };
    expect(await check('wifeMom', 'owner', inLaw)).toEqual(yes(['wifeMom', 'wife', 'owner']));
    expect(await check('wifeDad', 'owner', inLaw)).toEqual(yes(['wifeDad', 'wife', 'owner']));
    expect(await check('wifeBro', 'owner', inLaw)).toEqual(yes(['wifeBro', 'wifeMom', 'wife', 'owner']));
    expect(await check('wifeGran', 'owner', inLaw)).toEqual(yes(['wifeGran', 'wifeDad', 'wife', 'owner']));
    expect(await check('wifeGrandpa', 'owner', inLaw)).toEqual(yes(['wifeGrandpa', 'wifeDad', 'wife', 'owner']));
    // The owner's own relatives, seen from the wife: her in-laws.
    expect(await check('dad', 'wife', inLaw)).toEqual(yes(['dad', 'owner', 'wife']));
    expect(await check('sis', 'wife', inLaw)).toEqual(yes(['sis', 'mom', 'owner', 'wife']));
    expect(await check('halfF', 'wife', inLaw)).toEqual(yes(['halfF', 'dad', 'owner', 'wife']));
  });

  it('in_law: not the spouse, not a dissolved marriage, not other relatives', async () => {
    const inLaw: KinshipClaim = { relation: 'in_law' };
    expect(await check('wife', 'owner', inLaw)).toEqual(no);
    expect(await check('exWifeMom', 'owner', inLaw)).toEqual(no); // marriage dissolved
    expect(await check('wifeCousin', 'owner', inLaw)).toEqual(no);
    expect(await check('wifeAunt', 'owner', inLaw)).toEqual(no);
    expect(await check('dad', 'owner', inLaw)).toEqual(no); // owner's own parent
    expect(await check('son', 'owner', inLaw)).toEqual(no); // wife's child is not an in-law
    expect(await check('wifeMom', 'sis', inLaw)).toEqual(no); // sis has no spouse
  });

  it('nobody is their own relative', async () => {
    const claims: KinshipClaim[] = [
      { relation: 'child' },
      { relation: 'sibling' },
      { relation: 'half_sibling', sharedParent: 'mother' },
      { relation: 'in_law' },
    ];
    for (const claim of claims) expect(await check('owner', 'owner', claim)).toEqual(no);
  });
});
