// Real-estate cadastre (SPEC §6): the dwellings the residence branches turn on, their owners, and one
// temporary registration. Who is registered where lives on registry.persons.cadastral_number (people.ts).
import type { DbOrTx } from '../client';
import { properties, propertyOwners, temporaryRegistrations } from '../schema';
import { addressOf } from './addresses';
import { addDays } from './dates';
import { CADASTRE, PERSONA } from './personas-ids';

export interface PropertySpec {
  cadastralNumber: string;
  regionCode: string;
  districtId: number;
  street: readonly [string, string];
  house: string;
  flat: string | null;
  totalAreaM2: number;
  /** [IIN, share in thousandths]; empty for a dwelling owned by an organisation. */
  owners: readonly (readonly [string, number])[];
}

/**
 * Astana's norm is 15 m² per registered person (pilot_settings.residence.astanaNormM2):
 * A: 60 m², 2 registered → (2+1)×15 = 45 ≤ 60 fits.  B: 45 m², 3 registered → 60 > 45, at the norm.
 * C: 28 m², 1 registered → 30 > 28, at the norm.     D: owned by a minor → only at a CON.
 * E: 14 m², nobody registered → 15 > 14, at the norm: the grandchild claims (owner = grandmother).
 */
export const PROPERTIES: readonly PropertySpec[] = [
  {
    cadastralNumber: CADASTRE.astanaFlatA,
    regionCode: '01',
    districtId: 103,
    street: ['Қабанбай батыр даңғылы', 'пр. Кабанбай батыра'],
    house: '48',
    flat: '112',
    totalAreaM2: 60,
    owners: [[PERSONA.ownerGalym, 1000]],
  },
  {
    cadastralNumber: CADASTRE.astanaFlatB,
    regionCode: '01',
    districtId: 104,
    street: ['Бейбітшілік көшесі', 'ул. Бейбитшилик'],
    house: '25',
    flat: '17',
    totalAreaM2: 45,
    owners: [
      [PERSONA.motherSaule, 500],
      [PERSONA.fatherDaniyar, 500],
    ],
  },
  {
    cadastralNumber: CADASTRE.astanaFlatC,
    regionCode: '01',
    districtId: 105,
    street: ['Тұран даңғылы', 'пр. Туран'],
    house: '55/1',
    flat: '204',
    totalAreaM2: 28,
    owners: [[PERSONA.sonAlikhan, 1000]],
  },
  {
    cadastralNumber: CADASTRE.astanaFlatD,
    regionCode: '01',
    districtId: 101,
    street: ['Абай даңғылы', 'пр. Абая'],
    house: '10',
    flat: '5',
    totalAreaM2: 52,
    owners: [[PERSONA.daughterAisha, 1000]],
  },
  {
    cadastralNumber: CADASTRE.astanaStudioE,
    regionCode: '01',
    districtId: 102,
    street: ['Сейфуллин көшесі', 'ул. Сейфуллина'],
    house: '9',
    flat: '3',
    totalAreaM2: 14,
    owners: [[PERSONA.grandmaRoza, 1000]],
  },
  // Astana's steps (order 003 p.10): 62 m² ÷ 15 m² = 4 places, 4 registered → at the norm; his grandsons claim.
  {
    cadastralNumber: CADASTRE.astanaFlatF,
    regionCode: '01',
    districtId: 103,
    street: ['Мәңгілік Ел даңғылы', 'пр. Мангилик Ел'],
    house: '20',
    flat: '62',
    totalAreaM2: 62,
    owners: [[PERSONA.grandpaBolat, 1000]],
  },
  {
    cadastralNumber: CADASTRE.kostanayIncapableHouse,
    regionCode: '10',
    districtId: 1005,
    street: ['Затобол кенті, Ленин көшесі', 'пос. Затобольск, ул. Ленина'],
    house: '12',
    flat: null,
    totalAreaM2: 96,
    owners: [[PERSONA.idCardIncapable, 1000]],
  },
  {
    cadastralNumber: CADASTRE.almatyDormitory,
    regionCode: '02',
    districtId: 203,
    street: ['Тимирязев көшесі', 'ул. Тимирязева'],
    house: '71/3',
    flat: null,
    totalAreaM2: 4200,
    owners: [],
  },
  {
    cadastralNumber: CADASTRE.kostanayFamilyHouse,
    regionCode: '10',
    districtId: 1001,
    street: ['Гоголь көшесі', 'ул. Гоголя'],
    house: '27',
    flat: null,
    totalAreaM2: 118,
    owners: [
      [PERSONA.grandpaBolat, 500],
      [PERSONA.grandmaGulnar, 500],
    ],
  },
  {
    cadastralNumber: CADASTRE.karagandaFamilyFlat,
    regionCode: '09',
    districtId: 901,
    street: ['Ерубаев көшесі', 'ул. Ерубаева'],
    house: '33',
    flat: '41',
    totalAreaM2: 68,
    owners: [[PERSONA.grandpaErlan, 1000]],
  },
  {
    cadastralNumber: CADASTRE.almatyZhannaFlat,
    regionCode: '02',
    districtId: 202,
    street: ['Жандосов көшесі', 'ул. Жандосова'],
    house: '58',
    flat: '73',
    totalAreaM2: 71,
    owners: [[PERSONA.exWifeZhanna, 1000]],
  },
  // Residence online (lib/residence/citizen-service.ts): a flat of one's own, and a flat of two hosts.
  {
    cadastralNumber: CADASTRE.karagandaAselFlat,
    regionCode: '09',
    districtId: 901,
    street: ['Бұқар жырау даңғылы', 'пр. Бухар-Жырау'],
    house: '64',
    flat: '15',
    totalAreaM2: 54,
    owners: [[PERSONA.ownerAsel, 1000]],
  },
  {
    cadastralNumber: CADASTRE.almatyOlegFlat,
    regionCode: '02',
    districtId: 201,
    street: ['Төле би көшесі', 'ул. Толе би'],
    house: '150',
    flat: '8',
    totalAreaM2: 63,
    owners: [[PERSONA.ownerOleg, 1000]],
  },
  {
    cadastralNumber: CADASTRE.karagandaHostFlat,
    regionCode: '09',
    districtId: 901,
    street: ['Әлиханов көшесі', 'ул. Алиханова'],
    house: '12',
    flat: '30',
    totalAreaM2: 74,
    owners: [
      [PERSONA.hostBerik, 500],
      [PERSONA.hostDinara, 500],
    ],
  },
  {
    cadastralNumber: CADASTRE.almatyFlatF,
    regionCode: '02',
    districtId: 203,
    street: ['Сәтбаев көшесі', 'ул. Сатпаева'],
    house: '90/2',
    flat: '47',
    totalAreaM2: 74,
    owners: [
      [PERSONA.consentOwnerAsel, 500],
      [PERSONA.consentOwnerBerik, 500],
    ],
  },
];

export function explicitHome(cadastralNumber: string) {
  const p = PROPERTIES.find((x) => x.cadastralNumber === cadastralNumber);
  if (!p) throw new Error(`No seeded property ${cadastralNumber}`);
  return { cadastralNumber, regionCode: p.regionCode, ...addressOf(p.regionCode, p.districtId, p.street, p.house, p.flat) };
}

export function explicitPropertyRows() {
  return PROPERTIES.map((p) => ({
    cadastralNumber: p.cadastralNumber,
    regionCode: p.regionCode,
    kind: p.flat ? ('flat' as const) : ('house' as const),
    totalAreaM2: p.totalAreaM2,
    ...addressOf(p.regionCode, p.districtId, p.street, p.house, p.flat),
  }));
}

export function explicitOwnerRows() {
  return PROPERTIES.flatMap((p) => p.owners.map(([iin, shareMilli]) => ({ cadastralNumber: p.cadastralNumber, iin, shareMilli })));
}

/** The Almaty student lives in a university dormitory for the academic year (temporary registration). */
export async function seedTemporaryRegistrations(db: DbOrTx, today: string) {
  const [existing] = await db.select({ id: temporaryRegistrations.id }).from(temporaryRegistrations).limit(1);
  if (existing) return; // the table has no natural key: insert once
  await db.insert(temporaryRegistrations).values({
    iin: PERSONA.studentAlmaty,
    cadastralNumber: CADASTRE.almatyDormitory,
    fromDate: addDays(today, -60),
    toDate: addDays(today, 240),
  });
}

export async function seedProperties(db: DbOrTx, rows: (typeof properties.$inferInsert)[], owners: (typeof propertyOwners.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insert(properties)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  for (let i = 0; i < owners.length; i += 500)
    await db
      .insert(propertyOwners)
      .values(owners.slice(i, i + 500))
      .onConflictDoNothing();
}
