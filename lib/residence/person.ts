// Pure rules about a person that every step of order 003 shares: how another person's name is shown (masked, as a
// real portal shows it in a list, an SMS or a kinship chain) and when a person is a minor (p.4, p.6: the owner's
// age from the GBD FL birth date). One place, so the online dwelling step, the consent request, Astana's chain and
// the CON desk cannot disagree.

/** A name's parts, as GBD FL gives them in one language. */
export type NameParts = { surname: string; givenName: string };

/**
 * «Галым Б.»: the given name and the surname's initial. No surname → the given name alone; no name at all → «—».
 */
export function maskName(n: NameParts | null | undefined): string {
  if (!n) return '—';
  const given = n.givenName.trim();
  const initial = n.surname.trim().charAt(0);
  if (!initial) return given || '—';
  return given ? `${given} ${initial}.` : `${initial}.`;
}

/** A GBD FL person's masked name in `locale`; «—» when GBD FL has no such person. */
export function maskedName(person: { names: Record<'kk' | 'ru', NameParts> } | null | undefined, locale: 'kk' | 'ru'): string {
  return maskName(person?.names[locale]);
}

/** Full age (Civil Code art. 17): 18 years. */
export const AGE_OF_MAJORITY = 18;

/**
 * Full years between `birthDate` and `today` (both YYYY-MM-DD). On the birthday itself the year is complete; born on
 * 29 Feb, a year is complete on 1 Mar of a common year.
 */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const before = tm < bm || (tm === bm && td < bd);
  return ty - by - (before ? 1 : 0);
}

/** Under 18 on `today`; from the 18th birthday on, an adult. */
export const isMinorOn = (birthDate: string, today: string) => ageOn(birthDate, today) < AGE_OF_MAJORITY;
