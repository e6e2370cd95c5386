import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The simulated state systems (SPEC §2.1). The portal reads them only through the ports in lib/registries;
 * a production deployment swaps the simulators for real adapters and this schema is not created.
 */
export const registry = pgSchema('registry');

/** GBD FL: the state population database. */
export const persons = registry.table(
  'persons',
  {
    iin: text('iin').primaryKey(),
    surnameKk: text('surname_kk').notNull(),
    surnameRu: text('surname_ru').notNull(),
    givenNameKk: text('given_name_kk').notNull(),
    givenNameRu: text('given_name_ru').notNull(),
    patronymicKk: text('patronymic_kk'),
    patronymicRu: text('patronymic_ru'),
    surnameLat: text('surname_lat').notNull(),
    givenNameLat: text('given_name_lat').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    citizenship: text('citizenship').notNull().default('KZ'),
    /** ISO 3166-1 alpha-2 country of birth: the only birthplace an ID card prints (order 002 p.5 (4)). */
    birthCountry: text('birth_country').notNull().default('KZ'),
    capable: boolean('capable').notNull().default(true),
    deceased: boolean('deceased').notNull().default(false),
    /** Permanent registration; null when the person has none. */
    regionCode: text('region_code'),
    addressKk: text('address_kk'),
    addressRu: text('address_ru'),
    cadastralNumber: text('cadastral_number'),
    docType: text('doc_type', { enum: ['id_card', 'passport'] })
      .notNull()
      .default('id_card'),
    docNumber: text('doc_number').notNull(),
    docIssuedOn: date('doc_issued_on').notNull(),
    docExpiresOn: date('doc_expires_on').notNull(),
    /** Digital-ID simulation: liveness and face-match outcome for this person. */
    livenessOk: boolean('liveness_ok').notNull().default(true),
    faceMatchOk: boolean('face_match_ok').notNull().default(true),
    photoSeed: integer('photo_seed').notNull().default(0),
  },
  (t) => [index().on(t.cadastralNumber), index().on(t.docNumber)],
);

/** BMG: base of mobile citizens. */
export const mobileNumbers = registry.table('mobile_numbers', {
  iin: text('iin').primaryKey(),
  phone: text('phone').notNull(),
});

export const businesses = registry.table('businesses', {
  bin: text('bin').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  okeds: text('okeds').array().notNull(),
  directorIin: text('director_iin').notNull(),
  regionCode: text('region_code').notNull(),
});

export const vehiclePassports = registry.table('vehicle_passports', {
  vin: text('vin').primaryKey(),
  make: text('make').notNull(),
  model: text('model').notNull(),
  year: integer('year').notNull(),
  category: text('category').notNull(),
  colourKk: text('colour_kk').notNull(),
  colourRu: text('colour_ru').notNull(),
  engine: text('engine').notNull(),
  bodyNumber: text('body_number').notNull(),
  massKg: integer('mass_kg').notNull(),
  manufacturerBin: text('manufacturer_bin'),
  status: text('status').notNull().default('active'),
});

export const customsPayments = registry.table('customs_payments', {
  vin: text('vin').primaryKey(),
  paid: boolean('paid').notNull(),
  declarationNumber: text('declaration_number'),
});

export const recyclingFees = registry.table('recycling_fees', {
  vin: text('vin').primaryKey(),
  paid: boolean('paid').notNull(),
});

/** Signed sale contracts from the systems of electronic signing of contracts. */
export const saleContracts = registry.table(
  'sale_contracts',
  {
    id: serial('id').primaryKey(),
    sellerBin: text('seller_bin').notNull(),
    buyerIin: text('buyer_iin').notNull(),
    vin: text('vin').notNull(),
    number: text('number').notNull(),
    signedOn: date('signed_on').notNull(),
    priceTiyn: bigint('price_tiyn', { mode: 'number' }).notNull(),
  },
  (t) => [index().on(t.sellerBin, t.buyerIin, t.vin)],
);

/** ERAP: administrative fines. */
export const fines = registry.table(
  'fines',
  {
    id: serial('id').primaryKey(),
    iin: text('iin').notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
    articleKk: text('article_kk').notNull(),
    articleRu: text('article_ru').notNull(),
    issuedOn: date('issued_on').notNull(),
    paid: boolean('paid').notNull().default(false),
  },
  (t) => [index().on(t.iin)],
);

/** Consent service: requests to access a person's data and their answers. */
export const consentRequests = registry.table(
  'consent_requests',
  {
    id: serial('id').primaryKey(),
    iin: text('iin').notNull(),
    purpose: text('purpose').notNull(),
    status: text('status', { enum: ['requested', 'granted', 'refused'] })
      .notNull()
      .default('requested'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index().on(t.iin)],
);

/** ZAGS: birth records (who the parents are). */
export const births = registry.table(
  'births',
  {
    childIin: text('child_iin').primaryKey(),
    motherIin: text('mother_iin'),
    fatherIin: text('father_iin'),
    actNumber: text('act_number').notNull(),
    registeredOn: date('registered_on').notNull(),
  },
  (t) => [index().on(t.motherIin), index().on(t.fatherIin)],
);

export const marriages = registry.table(
  'marriages',
  {
    id: serial('id').primaryKey(),
    spouse1Iin: text('spouse1_iin').notNull(),
    spouse2Iin: text('spouse2_iin').notNull(),
    actNumber: text('act_number').notNull(),
    registeredOn: date('registered_on').notNull(),
    dissolvedOn: date('dissolved_on'),
  },
  (t) => [index().on(t.spouse1Iin), index().on(t.spouse2Iin)],
);

/** ZAGS: changes of surname, name, patronymic, birth date or nationality. */
export const civilChanges = registry.table(
  'civil_changes',
  {
    id: serial('id').primaryKey(),
    iin: text('iin').notNull(),
    kind: text('kind', { enum: ['name', 'birth_date', 'nationality'] }).notNull(),
    changedOn: date('changed_on').notNull(),
    details: jsonb('details').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [index().on(t.iin)],
);

/** AIS SIK: social statuses (some exempt from the ID-card duty, Tax Code art. 622(4)). */
export const socialStatuses = registry.table(
  'social_statuses',
  {
    iin: text('iin').notNull(),
    status: text('status').notNull(),
    since: date('since').notNull(),
  },
  (t) => [primaryKey({ columns: [t.iin, t.status] })],
);

/** E-Sobes: incapacity and guardianship. */
export const guardianships = registry.table('guardianships', {
  iin: text('iin').primaryKey(),
  incapable: boolean('incapable').notNull(),
  guardianIin: text('guardian_iin'),
  basisKk: text('basis_kk'),
  basisRu: text('basis_ru'),
});

/** Real-estate cadastre. */
export const properties = registry.table('properties', {
  cadastralNumber: text('cadastral_number').primaryKey(),
  regionCode: text('region_code').notNull(),
  addressKk: text('address_kk').notNull(),
  addressRu: text('address_ru').notNull(),
  kind: text('kind', { enum: ['flat', 'house'] }).notNull(),
  totalAreaM2: numeric('total_area_m2', { precision: 8, scale: 2, mode: 'number' }).notNull(),
});

export const propertyOwners = registry.table(
  'property_owners',
  {
    cadastralNumber: text('cadastral_number').notNull(),
    iin: text('iin').notNull(),
    /** Share as a fraction in thousandths (1000 = sole owner). */
    shareMilli: integer('share_milli').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cadastralNumber, t.iin] }), index().on(t.iin)],
);

/** Temporary registrations (permanent ones are on persons.cadastral_number). */
export const temporaryRegistrations = registry.table(
  'temporary_registrations',
  {
    id: serial('id').primaryKey(),
    iin: text('iin').notNull(),
    cadastralNumber: text('cadastral_number').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
  },
  (t) => [index().on(t.cadastralNumber), uniqueIndex().on(t.iin, t.cadastralNumber, t.fromDate, t.toDate)],
);

/** NOBD (schools, colleges) and EPVO (higher education). */
export const students = registry.table(
  'students',
  {
    id: serial('id').primaryKey(),
    iin: text('iin').notNull(),
    source: text('source', { enum: ['nobd', 'epvo'] }).notNull(),
    institutionKk: text('institution_kk').notNull(),
    institutionRu: text('institution_ru').notNull(),
    regionCode: text('region_code').notNull(),
    fullTime: boolean('full_time').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
  },
  (t) => [index().on(t.iin)],
);

/** Tractors, self-propelled machines and trailers known to the machinery registers. */
export const machines = registry.table('machines', {
  serialNumber: text('serial_number').primaryKey(),
  kind: text('kind', { enum: ['tractor', 'self_propelled', 'trailer', 'special'] }).notNull(),
  make: text('make').notNull(),
  model: text('model').notNull(),
  year: integer('year').notNull(),
  ownerIin: text('owner_iin'),
  /** An organisation owner (a farm, a contractor), from the business registry. */
  ownerBin: text('owner_bin'),
  plate: text('plate'),
  registeredRegionCode: text('registered_region_code'),
  /** The registration document (technical passport) of a registered machine. */
  documentNumber: text('document_number'),
  status: text('status', { enum: ['registered', 'deregistered', 'new'] })
    .notNull()
    .default('new'),
});

/** The payment registry (p.6 (3)): fees and duties paid at a bank or online, by payer IIN/BIN and fee. */
export const feePayments = registry.table(
  'fee_payments',
  {
    id: serial('id').primaryKey(),
    payer: text('payer').notNull(),
    feeCode: text('fee_code').notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull().defaultNow(),
    reference: text('reference').notNull(),
  },
  (t) => [index().on(t.payer, t.feeCode, t.paidAt)],
);

/** Payment gateway simulator: invoices and what the payer did on the hosted page. */
export const gatewayInvoices = registry.table(
  'gateway_invoices',
  {
    id: text('id').primaryKey(),
    merchantRef: text('merchant_ref').notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
    descriptionKk: text('description_kk').notNull(),
    descriptionRu: text('description_ru').notNull(),
    returnUrl: text('return_url').notNull(),
    status: text('status', { enum: ['open', 'paid', 'declined', 'cancelled', 'expired'] })
      .notNull()
      .default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index().on(t.merchantRef)],
);

/** SMS gateway simulator: what was "sent" and its delivery status. */
export const smsGateway = registry.table('sms_gateway', {
  id: text('id').primaryKey(),
  phone: text('phone').notNull(),
  text: text('text').notNull(),
  status: text('status', { enum: ['accepted', 'delivered', 'failed'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * RP DRN / IPC: ID-card requests (registered at step 13, then ordered for production at step 18) and SRTS printing.
 * An ID card's id is its registration ticket.
 */
export const productionOrders = registry.table(
  'production_orders',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['id_card', 'srts'] }).notNull(),
    reference: text('reference').notNull(),
    status: text('status', { enum: ['registered', 'accepted', 'in_production', 'ready', 'refused', 'cancelled'] })
      .notNull()
      .default('accepted'),
    /** ID card: whose request it is, why RP DRN refused it, when ordered and done. Both: what the order carried (an
     *  SRTS: the vehicle, the owner, the plate, the SRTS number; an ID card: the personal data and the images' digests). */
    iin: text('iin'),
    refusalReason: text('refusal_reason'),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.kind, t.reference)],
);

/** RP DRN simulation: people whose ID-card request RP DRN refuses to register (step 13), with its reason. */
export const rpDrnRefusals = registry.table('rp_drn_refusals', {
  iin: text('iin').primaryKey(),
  reason: text('reason', { enum: ['document_invalidated', 'application_in_progress'] }).notNull(),
});
