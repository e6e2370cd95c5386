// How demo people are described (PersonSpec) and turned into GBD FL rows. Birth date and sex come from
// the IIN itself, so a spec cannot contradict its IIN.
import { parseIin } from '../../lib/kz/iin';
import type { persons } from '../schema';
import { addDays, addYears, cardExpiryFor, cardIssuedFor, maxDate } from './dates';

/** [surname, given name, patronymic] as written in Kazakh or Russian. */
export type Names = readonly [surname: string, given: string, patronymic: string | null];

export interface PersonSpec {
  iin: string;
  kk: Names;
  ru: Names;
  /** Region of permanent registration; null = no permanent registration. */
  region: string | null;
  /** Cadastral number of an explicit property (property.ts); otherwise a generated home in `region`. */
  home?: string;
  /** District id for the generated home (default: picked from the IIN). */
  district?: number;
  /** ID card expiry as days from `today` (negative: expired). Default: issued 1–7 years ago. */
  cardExpiresInDays?: number;
  docType?: 'id_card' | 'passport';
  capable?: boolean;
  deceased?: boolean;
  livenessOk?: boolean;
  faceMatchOk?: boolean;
  /** ISO 3166-1 alpha-2 country of birth (default KZ). */
  birthCountry?: string;
  /** BMG number; null = none in BMG; default: generated from the IIN. */
  phone?: string | null;
}

export type PersonRow = typeof persons.$inferInsert;

const LATIN: Readonly<Record<string, string>> = {
  а: 'A',
  ә: 'A',
  б: 'B',
  в: 'V',
  г: 'G',
  ғ: 'G',
  д: 'D',
  е: 'E',
  ё: 'E',
  ж: 'ZH',
  з: 'Z',
  и: 'I',
  й: 'I',
  к: 'K',
  қ: 'K',
  л: 'L',
  м: 'M',
  н: 'N',
  ң: 'N',
  о: 'O',
  ө: 'O',
  п: 'P',
  р: 'R',
  с: 'S',
  т: 'T',
  у: 'U',
  ұ: 'U',
  ү: 'U',
  ф: 'F',
  х: 'KH',
  һ: 'H',
  ц: 'TS',
  ч: 'CH',
  ш: 'SH',
  щ: 'SHCH',
  ъ: '',
  ы: 'Y',
  і: 'I',
  ь: '',
  э: 'E',
  ю: 'YU',
  я: 'YA',
};

/** Latin spelling as on an ID card, from the Kazakh form (Жақсыбеков → ZHAKSYBEKOV). */
export function toLatin(kk: string): string {
  return [...kk.toLowerCase()].map((c) => LATIN[c] ?? c.toUpperCase()).join('');
}

/** Small stable hash for deterministic variety (document numbers, phones, homes). */
export function stableHash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

const OPERATORS = ['701', '702', '705', '707', '747', '771', '775', '777', '708', '700'];

export function phoneFor(iin: string): string {
  const h = stableHash(iin);
  return `+7${OPERATORS[h % OPERATORS.length] ?? '701'}${String(h % 10_000_000).padStart(7, '0')}`;
}

export function birthOf(iin: string): { birthDate: string; sex: 'male' | 'female' } {
  const info = parseIin(iin);
  if (!info) throw new Error(`Seed person has an invalid IIN: ${iin}`);
  return info;
}

/** The current document: relative to `today`, so the ID-card windows stay right whenever the seed runs. */
export function documentFor(spec: PersonSpec, today: string) {
  const h = stableHash(`doc:${spec.iin}`);
  const docType = spec.docType ?? 'id_card';
  const docNumber =
    docType === 'passport' ? `N${String(h % 100_000_000).padStart(8, '0')}` : `0${String(h % 100_000_000).padStart(8, '0')}`;
  if (spec.cardExpiresInDays !== undefined) {
    const docExpiresOn = addDays(today, spec.cardExpiresInDays);
    return { docType, docNumber, docIssuedOn: cardIssuedFor(docExpiresOn), docExpiresOn };
  }
  // ID cards are issued from the age of 16; a passport from birth.
  const earliest = docType === 'id_card' ? addYears(birthOf(spec.iin).birthDate, 16) : birthOf(spec.iin).birthDate;
  const docIssuedOn = maxDate(addDays(addYears(today, -(1 + (h % 7))), -(h % 300)), earliest);
  return { docType, docNumber, docIssuedOn, docExpiresOn: cardExpiryFor(docIssuedOn) };
}

export interface Home {
  cadastralNumber: string;
  regionCode: string;
  addressKk: string;
  addressRu: string;
}

export function personRow(spec: PersonSpec, home: Home | null, today: string, photoSeed: number): PersonRow {
  const { birthDate, sex } = birthOf(spec.iin);
  return {
    iin: spec.iin,
    surnameKk: spec.kk[0],
    givenNameKk: spec.kk[1],
    patronymicKk: spec.kk[2],
    surnameRu: spec.ru[0],
    givenNameRu: spec.ru[1],
    patronymicRu: spec.ru[2],
    surnameLat: toLatin(spec.kk[0]),
    givenNameLat: toLatin(spec.kk[1]),
    birthDate,
    sex,
    citizenship: 'KZ',
    birthCountry: spec.birthCountry ?? 'KZ',
    capable: spec.capable ?? true,
    deceased: spec.deceased ?? false,
    regionCode: home?.regionCode ?? null,
    addressKk: home?.addressKk ?? null,
    addressRu: home?.addressRu ?? null,
    cadastralNumber: home?.cadastralNumber ?? null,
    ...documentFor(spec, today),
    livenessOk: spec.livenessOk ?? true,
    faceMatchOk: spec.faceMatchOk ?? true,
    photoSeed,
  };
}
