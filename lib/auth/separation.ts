import type { CivilRecords } from '@/lib/residence/kinship';

/** What a party of the application is to the officer about to decide or issue it ('self': the officer is that party). */
export type Tie = 'self' | 'parent' | 'child' | 'spouse' | 'sibling';

/** Pure: the people an application concerns, deduplicated, without empty values (an organisation owner has none). */
export function partiesOf(...iins: readonly (string | null | undefined)[]): string[] {
  return [...new Set(iins.filter((x): x is string => typeof x === 'string' && x !== ''))];
}

/** Pure: is the officer one of the parties (applicant, buyer, owner, representative)? */
export function ownApplication(officerIin: string, parties: readonly string[]): boolean {
  return officerIin !== '' && parties.includes(officerIin);
}

type Parents = { mother?: string; father?: string };
const known = (iin: string | undefined): iin is string => iin !== undefined && iin !== '';

/**
 * Pure: what `b` is to `a` from their ZAGS records, or null. A sibling shares at least one known
 * parent (half-siblings count: a conflict of interest does not need both parents).
 */
export function closeTie(
  a: { iin: string; parents: Parents; spouses: readonly string[] },
  b: { iin: string; parents: Parents },
): Tie | null {
  if (a.iin === b.iin) return 'self';
  if (a.spouses.includes(b.iin)) return 'spouse';
  if (a.parents.mother === b.iin || a.parents.father === b.iin) return 'parent';
  if (b.parents.mother === a.iin || b.parents.father === a.iin) return 'child';
  if (
    (known(a.parents.mother) && a.parents.mother === b.parents.mother) ||
    (known(a.parents.father) && a.parents.father === b.parents.father)
  )
    return 'sibling';
  return null;
}

/**
 * The first tie of the officer to any party: own application first (no registry asked), then ZAGS. ZAGS errors
 * propagate: the caller refuses the decision ("try later") rather than deciding unchecked (fail closed).
 */
export async function tieToParties(
  zags: CivilRecords,
  officerIin: string,
  parties: readonly string[],
): Promise<{ tie: Tie; party: number } | null> {
  if (ownApplication(officerIin, parties)) return { tie: 'self', party: parties.indexOf(officerIin) };
  if (!parties.length) return null;
  const [officerParents, officerSpouses] = await Promise.all([zags.parentsOf(officerIin), zags.spousesOf(officerIin)]);
  const officer = { iin: officerIin, parents: officerParents, spouses: officerSpouses };
  for (const [i, iin] of parties.entries()) {
    const tie = closeTie(officer, { iin, parents: await zags.parentsOf(iin) });
    if (tie) return { tie, party: i };
  }
  return null;
}
