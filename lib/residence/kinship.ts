// Kinship confirmed from ZAGS civil records, SPEC §6 (Astana, steps 4–6) and §7.4.

export interface CivilRecords {
  parentsOf(iin: string): Promise<{ mother?: string; father?: string }>;
  childrenOf(iin: string): Promise<string[]>;
  spousesOf(iin: string): Promise<string[]>; // marriages not dissolved
}

/** What the applicant is to the owner. */
export type KinshipClaim =
  | { relation: 'child' | 'parent' | 'spouse' | 'sibling' | 'in_law' }
  | { relation: 'half_sibling'; sharedParent: 'mother' | 'father' }
  | { relation: 'grandparent' | 'grandchild'; side: 'father' | 'mother' };

/** `chain`: IINs from applicant to owner through the linking people; empty when not confirmed. */
export type KinshipResult = { confirmed: boolean; chain: string[] };

type Parents = Awaited<ReturnType<CivilRecords['parentsOf']>>;
type ParentRole = 'mother' | 'father';

const notConfirmed = (): KinshipResult => ({ confirmed: false, chain: [] });
const confirmed = (chain: string[]): KinshipResult => ({ confirmed: true, chain });

// ZAGS leaves a parent out (or empty) when the record has none: such a parent matches nobody.
function known(iin: string | undefined): iin is string {
  return iin !== undefined && iin !== '';
}

function sameKnown(a: string | undefined, b: string | undefined): a is string {
  return known(a) && a === b;
}

function isParent(parents: Parents, iin: string): boolean {
  return sameKnown(parents.mother, iin) || sameKnown(parents.father, iin);
}

/** Known parents, mother first: the order the chain lists them in. */
function knownParents(parents: Parents): string[] {
  return [parents.mother, parents.father].filter(known);
}

/** A parent shared by two people (mother checked first), or null. */
function sharedParent(a: Parents, b: Parents): string | null {
  if (sameKnown(a.mother, b.mother)) return a.mother;
  if (sameKnown(a.father, b.father)) return a.father;
  return null;
}

async function halfSibling(zags: CivilRecords, applicant: string, owner: string, shared: ParentRole): Promise<KinshipResult> {
  const [a, o] = await Promise.all([zags.parentsOf(applicant), zags.parentsOf(owner)]);
  const parent = a[shared];
  if (!sameKnown(parent, o[shared])) return notConfirmed();
  // §7.4: the other parent differs or is unknown for one of them; both known and equal is a full sibling.
  const other: ParentRole = shared === 'mother' ? 'father' : 'mother';
  if (sameKnown(a[other], o[other])) return notConfirmed();
  return confirmed([applicant, parent, owner]);
}

/** `younger`'s father or mother (by `side`) when `elder` is that person's parent, else null. */
async function parentLinking(zags: CivilRecords, younger: string, side: ParentRole, elder: string): Promise<string | null> {
  const parent = (await zags.parentsOf(younger))[side];
  if (!known(parent)) return null;
  return isParent(await zags.parentsOf(parent), elder) ? parent : null;
}

/**
 * §7.4 in_law: the applicant is a parent, a sibling (one shared parent is enough) or a
 * grandparent of a current spouse of the owner. ZAGS returns only undissolved marriages.
 */
async function inLaw(zags: CivilRecords, applicant: string, owner: string): Promise<KinshipResult> {
  const applicantParents = await zags.parentsOf(applicant);
  for (const spouse of await zags.spousesOf(owner)) {
    if (spouse === applicant) continue; // that is `spouse`, not in-law
    const spouseParents = await zags.parentsOf(spouse);
    if (isParent(spouseParents, applicant)) return confirmed([applicant, spouse, owner]);
    const shared = sharedParent(applicantParents, spouseParents);
    if (shared !== null) return confirmed([applicant, shared, spouse, owner]);
    for (const parent of knownParents(spouseParents)) {
      if (isParent(await zags.parentsOf(parent), applicant)) return confirmed([applicant, parent, spouse, owner]);
    }
  }
  return notConfirmed();
}

export async function verifyKinship(
  zags: CivilRecords,
  applicantIin: string,
  ownerIin: string,
  claim: KinshipClaim,
): Promise<KinshipResult> {
  if (applicantIin === ownerIin) return notConfirmed(); // nobody is their own relative
  const direct = (ok: boolean): KinshipResult => (ok ? confirmed([applicantIin, ownerIin]) : notConfirmed());

  switch (claim.relation) {
    case 'child':
      return direct(isParent(await zags.parentsOf(applicantIin), ownerIin));
    case 'parent':
      return direct(isParent(await zags.parentsOf(ownerIin), applicantIin));
    case 'spouse':
      return direct((await zags.spousesOf(ownerIin)).includes(applicantIin));
    case 'sibling': {
      // §7.4: both parents the same and both known.
      const [a, o] = await Promise.all([zags.parentsOf(applicantIin), zags.parentsOf(ownerIin)]);
      if (!sameKnown(a.mother, o.mother) || !sameKnown(a.father, o.father)) return notConfirmed();
      return confirmed([applicantIin, a.mother, a.father, ownerIin]);
    }
    case 'half_sibling':
      return halfSibling(zags, applicantIin, ownerIin, claim.sharedParent);
    case 'grandparent':
    case 'grandchild': {
      // grandparent: the applicant is a parent of the owner's father/mother; grandchild: the reverse.
      const [younger, elder] = claim.relation === 'grandparent' ? [ownerIin, applicantIin] : [applicantIin, ownerIin];
      const parent = await parentLinking(zags, younger, claim.side, elder);
      return parent === null ? notConfirmed() : confirmed([applicantIin, parent, ownerIin]);
    }
    case 'in_law':
      return inLaw(zags, applicantIin, ownerIin);
    default: {
      const unreachable: never = claim;
      throw new Error(`Unknown kinship claim ${JSON.stringify(unreachable)}`);
    }
  }
}
