// Pure rules of the dwelling step (order 003, SPEC §6 "Online"): the address cascade built from the cadastre's
// entries, who of the owners must be asked, whether the owners changed since, and when a dwelling can only be
// registered at a CON (an owner who is a minor or legally incapable: order p.3–4, p.6–7).
import type { AddressEntry, AddressQuery } from '@/lib/registries/cadastre/port';
import { isMinorOn } from './person';

export type Owner = { iin: string; shareMilli: number };

/** What GBD FL and E-Sobes say of one owner: enough to tell whether they can consent themselves. */
export type OwnerFacts = Owner & {
  /** Null when GBD FL has no such person. */
  birthDate: string | null;
  capable: boolean;
  deceased: boolean;
  /** E-Sobes: incapacity recorded (a court decision), whatever GBD FL says. */
  incapableInEsobes: boolean;
};

export type OwnerBlock = 'minor' | 'incapable' | 'deceased' | 'unknown';

/**
 * Why the dwelling cannot be registered in online, owner by owner: a minor or incapable owner sends the person to a
 * CON's operating hall (p.4, p.6–7); an owner who died or whom GBD FL does not know cannot give consent at all.
 * The first such owner (in the cadastre's order) decides; null when every owner can answer for themselves.
 */
export function ownerBlock(owners: readonly OwnerFacts[], today: string): { iin: string; reason: OwnerBlock } | null {
  for (const o of owners) {
    if (o.birthDate === null) return { iin: o.iin, reason: 'unknown' };
    if (o.deceased) return { iin: o.iin, reason: 'deceased' };
    if (isMinorOn(o.birthDate, today)) return { iin: o.iin, reason: 'minor' };
    if (!o.capable || o.incapableInEsobes) return { iin: o.iin, reason: 'incapable' };
  }
  return null;
}

/** SPEC §6: every owner but the applicant is asked; an applicant who owns it alone asks nobody. */
export function ownersToAsk(owners: readonly Owner[], applicantIin: string): Owner[] {
  return owners.filter((o) => o.iin !== applicantIin);
}

/**
 * At signing: the cadastre's owners now, against those who were asked when the draft was finished. The owners other
 * than the applicant must be exactly the ones asked, each with the share they were asked about.
 */
export function ownersChanged(now: readonly Owner[], asked: readonly Owner[], applicantIin: string): boolean {
  const others = ownersToAsk(now, applicantIin);
  if (others.length !== asked.length) return true;
  return others.some((o) => !asked.some((a) => a.iin === o.iin && a.shareMilli === o.shareMilli));
}

/** A share in thousandths as a percentage (500 → "50", 333 → "33,3" in ru/kk). */
export function sharePercent(shareMilli: number): string {
  const pct = shareMilli / 10;
  return Number.isInteger(pct) ? String(pct) : pct.toFixed(1).replace('.', ',');
}

export type CascadeLevel = 'locality' | 'street' | 'house' | 'flat';
export type CascadeOption = { value: string; kk: string; ru: string; cadastralNumber: string | null };

/**
 * The next level of the address cascade under what was chosen (region → locality → street → house → flat): its
 * options, each with the dwelling's cadastral number when picking it picks a dwelling (a house with no flats, or a
 * flat). `done` holds the cadastral number once the choice is complete.
 */
export function cascade(
  entries: readonly AddressEntry[],
  q: AddressQuery,
): { level: CascadeLevel; options: CascadeOption[]; done: string | null } {
  const unique = (list: CascadeOption[]) => list.filter((o, i) => list.findIndex((x) => x.value === o.value) === i);
  if (q.locality === undefined) {
    return {
      level: 'locality',
      done: null,
      options: unique(entries.map((e) => ({ value: e.locality.ru, ...e.locality, cadastralNumber: null }))),
    };
  }
  const inLocality = entries.filter((e) => e.locality.ru === q.locality);
  if (q.street === undefined) {
    return {
      level: 'street',
      done: null,
      options: unique(inLocality.map((e) => ({ value: e.street.ru, ...e.street, cadastralNumber: null }))),
    };
  }
  const onStreet = inLocality.filter((e) => e.street.ru === q.street);
  if (q.house === undefined) {
    const houses = unique(onStreet.map((e) => ({ value: e.house, kk: e.house, ru: e.house, cadastralNumber: null })));
    // A house with no flats is itself the dwelling.
    return {
      level: 'house',
      done: null,
      options: houses.map((h) => {
        const here = onStreet.filter((e) => e.house === h.value);
        const whole = here.length === 1 && here[0]!.flat === null ? here[0]!.cadastralNumber : null;
        return { ...h, cadastralNumber: whole };
      }),
    };
  }
  const inHouse = onStreet.filter((e) => e.house === q.house);
  const whole = inHouse.find((e) => e.flat === null);
  if (whole && inHouse.length === 1) return { level: 'house', options: [], done: whole.cadastralNumber };
  return {
    level: 'flat',
    done: null,
    options: inHouse
      .filter((e) => e.flat !== null)
      .map((e) => ({ value: e.flat!, kk: e.flat!, ru: e.flat!, cadastralNumber: e.cadastralNumber })),
  };
}

/** The cadastre's number as typed: trimmed, spaces dropped (21-320-045-018:112). */
export function normaliseCadastralNumber(raw: string): string {
  return raw.replace(/\s+/g, '').slice(0, 40);
}
