// The three-generation family for the Astana kinship branches (SPEC §6 steps 4–7, §7.4) in ZAGS.
//
//   Bolat ═ Gulnar (Kostanay)                 Erlan ═ Roza (Karaganda)
//        ├── Arman (uncle)                         ├── Madina (aunt)
//        └── Daniyar ═ Saule ──────────────────────┘ Saule
//   Zhanna ═╪═ Daniyar (dissolved)   Askar ═╪═ Saule (dissolved)
//   Daniyar + Zhanna → Timur         Saule + Askar → Dana
//   Daniyar + Saule → Alikhan (owns flat C), Aisha (minor, owns flat D)
//
// Flat B (45 m², at the norm) is owned by Saule and Daniyar; flat C (28 m², at the norm) by Alikhan.
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { births, civilChanges, marriages } from '../schema';
import { insertMissing } from './insert-missing';
import type { PersonSpec } from './people-model';
import { CADASTRE, PERSONA as P } from './personas-ids';

export const FAMILY: readonly PersonSpec[] = [
  {
    iin: P.grandpaBolat,
    kk: ['Жақсыбеков', 'Болат', 'Қайратұлы'],
    ru: ['Жаксыбеков', 'Болат', 'Кайратович'],
    region: '10',
    home: CADASTRE.kostanayFamilyHouse,
  },
  {
    iin: P.grandmaGulnar,
    kk: ['Жақсыбекова', 'Гүлнар', 'Сәрсенқызы'],
    ru: ['Жаксыбекова', 'Гульнар', 'Сарсеновна'],
    region: '10',
    home: CADASTRE.kostanayFamilyHouse,
  },
  {
    iin: P.grandpaErlan,
    kk: ['Әбенов', 'Ерлан', 'Тоқтарұлы'],
    ru: ['Абенов', 'Ерлан', 'Токтарович'],
    region: '09',
    home: CADASTRE.karagandaFamilyFlat,
  },
  {
    iin: P.grandmaRoza,
    kk: ['Әбенова', 'Роза', 'Мұратқызы'],
    ru: ['Абенова', 'Роза', 'Муратовна'],
    region: '09',
    home: CADASTRE.karagandaFamilyFlat,
  },
  {
    iin: P.fatherDaniyar,
    kk: ['Жақсыбеков', 'Данияр', 'Болатұлы'],
    ru: ['Жаксыбеков', 'Данияр', 'Болатович'],
    region: '01',
    home: CADASTRE.astanaFlatB,
  },
  {
    iin: P.motherSaule,
    kk: ['Жақсыбекова', 'Сәуле', 'Ерланқызы'],
    ru: ['Жаксыбекова', 'Сауле', 'Ерлановна'],
    region: '01',
    home: CADASTRE.astanaFlatB,
  },
  { iin: P.uncleArman, kk: ['Жақсыбеков', 'Арман', 'Болатұлы'], ru: ['Жаксыбеков', 'Арман', 'Болатович'], region: '10' },
  { iin: P.auntMadina, kk: ['Әбенова', 'Мадина', 'Ерланқызы'], ru: ['Абенова', 'Мадина', 'Ерлановна'], region: '09' },
  {
    iin: P.exWifeZhanna,
    kk: ['Оспанова', 'Жанна', 'Маратқызы'],
    ru: ['Оспанова', 'Жанна', 'Маратовна'],
    region: '02',
    home: CADASTRE.almatyZhannaFlat,
  },
  { iin: P.exHusbandAskar, kk: ['Нұрланов', 'Асқар', 'Бекенұлы'], ru: ['Нурланов', 'Аскар', 'Бекенович'], region: '09' },
  {
    iin: P.sonAlikhan,
    kk: ['Жақсыбеков', 'Әлихан', 'Даниярұлы'],
    ru: ['Жаксыбеков', 'Алихан', 'Даниярович'],
    region: '01',
    home: CADASTRE.astanaFlatC,
  },
  {
    iin: P.daughterAisha,
    kk: ['Жақсыбекова', 'Айша', 'Даниярқызы'],
    ru: ['Жаксыбекова', 'Айша', 'Данияровна'],
    region: '01',
    home: CADASTRE.astanaFlatB,
    docType: 'passport',
    phone: null,
  },
  {
    iin: P.halfBrotherTimur,
    kk: ['Жақсыбеков', 'Тимур', 'Даниярұлы'],
    ru: ['Жаксыбеков', 'Тимур', 'Даниярович'],
    region: '02',
    home: CADASTRE.almatyZhannaFlat,
  },
  { iin: P.halfSisterDana, kk: ['Нұрланова', 'Дана', 'Асқарқызы'], ru: ['Нурланова', 'Дана', 'Аскаровна'], region: '02' },
];

// [child, mother, father, act number, registered on]; the grandparents' own births predate digital ZAGS.
const BIRTHS: readonly (readonly [string, string | null, string | null, string, string])[] = [
  [P.fatherDaniyar, P.grandmaGulnar, P.grandpaBolat, '1976-10-000412', '1976-05-25'],
  [P.uncleArman, P.grandmaGulnar, P.grandpaBolat, '1981-10-001187', '1981-09-05'],
  [P.motherSaule, P.grandmaRoza, P.grandpaErlan, '1979-09-000356', '1979-04-10'],
  [P.auntMadina, P.grandmaRoza, P.grandpaErlan, '1984-09-002041', '1984-12-12'],
  [P.halfSisterDana, P.motherSaule, P.exHusbandAskar, '1998-09-000733', '1998-04-03'],
  [P.halfBrotherTimur, P.exWifeZhanna, P.fatherDaniyar, '1999-01-001562', '1999-06-22'],
  [P.sonAlikhan, P.motherSaule, P.fatherDaniyar, '2001-01-000208', '2001-02-17'],
  [P.daughterAisha, P.motherSaule, P.fatherDaniyar, '2012-01-000911', '2012-03-15'],
];

// [spouse 1, spouse 2, act number, registered on, dissolved on]
const MARRIAGES: readonly (readonly [string, string, string, string, string | null])[] = [
  [P.grandpaBolat, P.grandmaGulnar, 'M-1974-10-000318', '1974-09-14', null],
  [P.grandpaErlan, P.grandmaRoza, 'M-1978-09-000244', '1978-06-03', null],
  [P.exHusbandAskar, P.motherSaule, 'M-1997-09-000517', '1997-08-16', '1999-10-20'],
  [P.fatherDaniyar, P.exWifeZhanna, 'M-1998-01-000402', '1998-07-11', '2000-02-28'],
  [P.fatherDaniyar, P.motherSaule, 'M-2000-01-000619', '2000-06-24', null],
  [P.ownerGalym, P.spouseZhanat, 'M-2001-01-000733', '2001-09-08', null],
];

export async function seedFamily(db: DbOrTx) {
  await db
    .insert(births)
    .values(
      BIRTHS.map(([childIin, motherIin, fatherIin, actNumber, registeredOn]) => ({
        childIin,
        motherIin,
        fatherIin,
        actNumber,
        registeredOn,
      })),
    )
    .onConflictDoNothing();
  // marriages and civil_changes have serial keys only: insert what is missing by act number / person.
  const rows = MARRIAGES.map(([spouse1Iin, spouse2Iin, actNumber, registeredOn, dissolvedOn]) => ({
    spouse1Iin,
    spouse2Iin,
    actNumber,
    registeredOn,
    dissolvedOn,
  }));
  await insertMissing(
    rows,
    (r) => r.actNumber,
    async () =>
      (
        await db
          .select({ k: marriages.actNumber })
          .from(marriages)
          .where(
            inArray(
              marriages.actNumber,
              rows.map((r) => r.actNumber),
            ),
          )
      ).map((r) => r.k),
    (fresh) => db.insert(marriages).values(fresh),
  );
  // Saule took her husband's surname when she married in 2000: long before her current card, so it does
  // not send her to a CON (only changes after the card's issue do, SPEC §5 step 5).
  const change = {
    iin: P.motherSaule,
    kind: 'name' as const,
    changedOn: '2000-06-24',
    details: {
      field: 'surname',
      beforeKk: 'Әбенова',
      beforeRu: 'Абенова',
      afterKk: 'Жақсыбекова',
      afterRu: 'Жаксыбекова',
      reason: 'marriage',
    },
  };
  await insertMissing(
    [change],
    (r) => `${r.iin}/${r.changedOn}`,
    async () =>
      (
        await db.select({ iin: civilChanges.iin, on: civilChanges.changedOn }).from(civilChanges).where(eq(civilChanges.iin, P.motherSaule))
      ).map((r) => `${r.iin}/${r.on}`),
    (fresh) => db.insert(civilChanges).values(fresh),
  );
}
