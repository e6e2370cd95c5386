// Reference data (SPEC §8): regions, districts, MRP, fees, OKED codes, plate types, pilot settings.
import type { DbOrTx } from '../client';
import { districts, fees, mrpValues, okedAllowed, pilotSettings, plateTypes, regions } from '../schema';
import { addYears, maxDate, minDate, yearOf } from './dates';
import { DISTRICTS, REGIONS } from './geo';

/** MRP by year in tenge. 2025 and 2026 are law; 2027 is an assumption until the budget law sets it. */
export const MRP = [
  { year: 2025, valueTenge: 3932 },
  { year: 2026, valueTenge: 4325 },
  { year: 2027, valueTenge: 4525 }, // ASSUMPTION (docs/personas.md): ≈ +4.6 %, not yet set by law
];

/** Fees in thousandths of an MRP. The machinery amounts are assumptions (docs/personas.md). */
export const FEES: (typeof fees.$inferInsert)[] = [
  {
    code: 'vehicle.registration',
    pilot: 'vehicle',
    mrpMilli: 250,
    nameKk: 'Көлік құралын мемлекеттік тіркегені үшін алым',
    nameRu: 'Сбор за государственную регистрацию транспортного средства',
  },
  {
    code: 'vehicle.srts',
    pilot: 'vehicle',
    mrpMilli: 1250,
    nameKk: 'Көлік құралын тіркеу куәлігін (КТТК) бергені үшін алым',
    nameRu: 'Сбор за выдачу свидетельства о регистрации транспортного средства (СРТС)',
  },
  {
    code: 'vehicle.plates',
    pilot: 'vehicle',
    mrpMilli: 2800,
    nameKk: 'Мемлекеттік тіркеу нөмірлік белгілерін (МТНБ) бергені үшін алым',
    nameRu: 'Сбор за выдачу государственных регистрационных номерных знаков (ГРНЗ)',
  },
  {
    code: 'id_card.duty',
    pilot: 'id_card',
    mrpMilli: 200,
    nameKk: 'Жеке куәлікті бергені үшін мемлекеттік баж',
    nameRu: 'Государственная пошлина за выдачу удостоверения личности',
  },
  {
    code: 'machinery.registration',
    pilot: 'machinery',
    mrpMilli: 250,
    nameKk: 'Тракторларды, өздігінен жүретін машиналарды және тіркемелерді мемлекеттік тіркегені үшін алым',
    nameRu: 'Сбор за государственную регистрацию тракторов, самоходных машин и прицепов',
  },
  {
    code: 'machinery.document',
    pilot: 'machinery',
    mrpMilli: 500,
    nameKk: 'Тіркеу құжатын (техникалық паспортты) бергені үшін алым',
    nameRu: 'Сбор за выдачу регистрационного документа (технического паспорта)',
  },
  {
    code: 'machinery.plate',
    pilot: 'machinery',
    mrpMilli: 1500,
    nameKk: 'Мемлекеттік нөмірлік белгіні бергені үшін алым',
    nameRu: 'Сбор за выдачу государственного номерного знака',
  },
  {
    code: 'machinery.duplicate',
    pilot: 'machinery',
    mrpMilli: 500,
    nameKk: 'Тіркеу құжатының телнұсқасын бергені үшін алым',
    nameRu: 'Сбор за выдачу дубликата регистрационного документа',
  },
];

export const OKED = [
  {
    code: '45.11',
    nameKk: 'Жеңіл автомобильдермен және жеңіл автокөлік құралдарымен сауда',
    nameRu: 'Торговля легковыми автомобилями и легкими автотранспортными средствами',
  },
  { code: '45.19', nameKk: 'Басқа да автокөлік құралдарымен сауда', nameRu: 'Торговля прочими автотранспортными средствами' },
  {
    code: '45.40',
    nameKk: 'Мотоциклдермен, олардың бөлшектерімен және керек-жарақтарымен сауда, мотоциклдерге техникалық қызмет көрсету және жөндеу',
    nameRu: 'Торговля мотоциклами, их деталями и принадлежностями, техническое обслуживание и ремонт мотоциклов',
  },
];

export const PLATE_TYPES: (typeof plateTypes.$inferInsert)[] = [
  {
    code: 'standard_person',
    nameKk: 'Жеке тұлғаға арналған стандартты МТНБ (123 ABC 01)',
    nameRu: 'Стандартный ГРНЗ для физического лица (123 ABC 01)',
    forLegalEntity: false,
    offeredOnline: true,
    feeCode: 'vehicle.plates',
  },
  {
    code: 'standard_legal',
    nameKk: 'Заңды тұлғаға арналған стандартты МТНБ (123 AB 01)',
    nameRu: 'Стандартный ГРНЗ для юридического лица (123 AB 01)',
    forLegalEntity: true,
    offeredOnline: true,
    feeCode: 'vehicle.plates',
  },
  // Order 000, point 2: high-demand plates and plates left in storage cannot be chosen online.
  {
    code: 'high_demand',
    nameKk: 'Сұранысы жоғары МТНБ',
    nameRu: 'ГРНЗ повышенного спроса',
    forLegalEntity: false,
    offeredOnline: false,
    feeCode: 'vehicle.plates',
  },
  {
    code: 'stored',
    nameKk: 'Сақтауға қалдырылған МТНБ',
    nameRu: 'ГРНЗ, оставленный на хранение',
    forLegalEntity: false,
    offeredOnline: false,
    feeCode: 'vehicle.plates',
  },
];

const ALL_REGIONS = REGIONS.map((r) => r.code);

/**
 * The orders' own periods end in 2025–2026; demo data keeps every pilot open today and until at least
 * the end of 2027 (SPEC §2.7: they are data an admin edits).
 */
export function pilotRows(today: string): (typeof pilotSettings.$inferInsert)[] {
  const endsOn = maxDate('2027-12-31', `${yearOf(addYears(today, 1))}-12-31`);
  const startsOn = (orderStart: string) => minDate(orderStart, today);
  return [
    {
      pilot: 'vehicle',
      startsOn: startsOn('2025-10-09'),
      endsOn,
      regionCodes: ALL_REGIONS,
      params: { buyerExpiryDays: 10, buyerReminderDays: 3 },
    },
    {
      pilot: 'machinery',
      startsOn: startsOn('2025-09-01'),
      endsOn,
      regionCodes: ['02', '10'],
      params: { archiveDays: 30, cutoffHour: 17 },
    },
    {
      pilot: 'id_card',
      startsOn: startsOn('2025-05-26'),
      endsOn,
      regionCodes: ALL_REGIONS,
      params: { windowBeforeDays: 30, windowAfterDays: 10, outageMinutes: 10, draftTtlDays: 7 },
    },
    {
      pilot: 'residence',
      startsOn: startsOn('2025-10-31'),
      endsOn,
      regionCodes: ALL_REGIONS,
      // The maslikhat's norm and its decision (SPEC §8); the owners' consent: how long a request waits for an
      // answer, and how long before its expiry the reminder goes; an untouched draft expires after draftTtlDays.
      params: {
        astanaNormM2: 15,
        astanaNormDecisionDate: '2025-12-26',
        astanaNormDecisionNumber: '№ 312/41-VIII',
        consentTtlHours: 72,
        consentReminderHours: 24,
        draftTtlDays: 30,
      },
    },
  ];
}

export async function seedReference(db: DbOrTx, today: string) {
  await db
    .insert(regions)
    .values(REGIONS.map(({ code, nameKk, nameRu, kind }) => ({ code, nameKk, nameRu, kind })))
    .onConflictDoNothing();
  await db
    .insert(districts)
    .values(DISTRICTS.map(({ id, regionCode, nameKk, nameRu }) => ({ id, regionCode, nameKk, nameRu })))
    .onConflictDoNothing();
  await db.insert(mrpValues).values(MRP).onConflictDoNothing();
  await db.insert(fees).values(FEES).onConflictDoNothing();
  await db.insert(okedAllowed).values(OKED).onConflictDoNothing();
  await db.insert(plateTypes).values(PLATE_TYPES).onConflictDoNothing();
  await db.insert(pilotSettings).values(pilotRows(today)).onConflictDoNothing();
}
