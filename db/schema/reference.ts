import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';

/** The 17 oblasts and 3 cities of republican significance; the id is the plate region code (SPEC §8). */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  kind: text('kind', { enum: ['city', 'oblast'] }).notNull(),
});

export const districts = pgTable(
  'districts',
  {
    id: serial('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
  },
  (t) => [unique().on(t.regionCode, t.nameRu)],
);

/** Public service centres (ЦОН / ХҚКО) of the State Corporation. */
export const serviceCentres = pgTable(
  'service_centres',
  {
    id: serial('id').primaryKey(),
    number: integer('number').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    districtId: integer('district_id').references(() => districts.id),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    addressKk: text('address_kk').notNull(),
    addressRu: text('address_ru').notNull(),
    hoursKk: text('hours_kk').notNull(),
    hoursRu: text('hours_ru').notNull(),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [unique().on(t.regionCode, t.number), index().on(t.regionCode)],
);

/** Migration-service registration points where ID cards are issued. */
export const registrationPoints = pgTable(
  'registration_points',
  {
    id: serial('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    districtId: integer('district_id').references(() => districts.id),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    addressKk: text('address_kk').notNull(),
    addressRu: text('address_ru').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index().on(t.regionCode)],
);

/** Local executive bodies: one per district, plus the region-level akimat (district_id null). */
export const akimats = pgTable(
  'akimats',
  {
    id: serial('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    districtId: integer('district_id').references(() => districts.id),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
  },
  (t) => [index().on(t.regionCode)],
);

/** The monthly calculation index (МРП / АЕК) by year, in tenge. */
export const mrpValues = pgTable('mrp_values', {
  year: integer('year').primaryKey(),
  valueTenge: integer('value_tenge').notNull(),
});

/** Fees in thousandths of an MRP (0.2 MRP = 200), so that amounts follow the yearly MRP. */
export const fees = pgTable('fees', {
  code: text('code').primaryKey(),
  pilot: text('pilot').notNull(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  mrpMilli: integer('mrp_milli').notNull(),
});

/** Exceptions to the Mon–Fri working week: holidays, and Saturdays/Sundays made working by decree. */
export const calendarDays = pgTable('calendar_days', {
  day: date('day').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'working'] }).notNull(),
  noteKk: text('note_kk').notNull().default(''),
  noteRu: text('note_ru').notNull().default(''),
});

export const pilots = ['vehicle', 'machinery', 'id_card', 'residence'] as const;
export type Pilot = (typeof pilots)[number];

export const pilotSettings = pgTable('pilot_settings', {
  pilot: text('pilot', { enum: pilots }).primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  regionCodes: text('region_codes').array().notNull(),
  /** Pilot-specific numbers that are data, not code (e.g. buyer expiry days, Astana m² norm). */
  params: jsonb('params').$type<Record<string, number | string | boolean>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** OKED codes that allow selling vehicles (SPEC §3 step 1). */
export const okedAllowed = pgTable('oked_allowed', {
  code: text('code').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
});

/**
 * Domestic vehicle manufacturers (order 000 p.1: the pilot registers vehicles made in Kazakhstan): the plants whose
 * BIN an e-passport names as the manufacturer. Reference data an admin keeps, not a constant in code.
 */
export const domesticManufacturers = pgTable('domestic_manufacturers', {
  bin: text('bin').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
});

export const plateTypes = pgTable('plate_types', {
  code: text('code').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  forLegalEntity: boolean('for_legal_entity').notNull().default(false),
  /** High-demand and stored plates are never offered by the online pilot (order 000, point 2). */
  offeredOnline: boolean('offered_online').notNull().default(true),
  feeCode: text('fee_code').references(() => fees.code),
});

export const plateStatuses = ['free', 'reserved', 'issued', 'high_demand', 'stored', 'banned'] as const;

export const platePool = pgTable(
  'plate_pool',
  {
    id: serial('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    plateType: text('plate_type')
      .notNull()
      .references(() => plateTypes.code),
    number: text('number').notNull().unique(),
    status: text('status', { enum: plateStatuses }).notNull().default('free'),
    applicationId: text('application_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.regionCode, t.plateType, t.status, t.id)],
);
