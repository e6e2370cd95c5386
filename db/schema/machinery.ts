import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { files } from './files';
import { akimats, fees, regions, serviceCentres } from './reference';
import { signatures } from './signatures';
import { queueTickets } from './vehicle';

/**
 * The registration actions the service's title lists (order 001, point 1): state registration, re-registration,
 * deregistration, and the issue of a duplicate registration document or a duplicate plate. Each has its own
 * checklist and fees. Here rather than in lib/machinery/rules.ts because the columns below are typed by them.
 */
export const machineryActions = ['registration', 're_registration', 'deregistration', 'duplicate_document', 'duplicate_plate'] as const;
/** As the machinery register (registry.machines) knows them. */
export const machineryKinds = ['tractor', 'self_propelled', 'trailer', 'special'] as const;
export const ownerKinds = ['person', 'organisation'] as const;
/** Whom a checklist item concerns: everyone, only a person or an organisation owner, or only a representative. */
export const checklistAppliesTo = ['all', 'person', 'organisation', 'representative'] as const;

/** p.12: what the akimat enters by hand from the technical passport. */
export type TechnicalPassport = { number: string; issuedOn: string };

/** p.6 (1), p.7: the biometric check of the one at the desk, through the Digital-ID port, with the captured sample's hash. */
export type BiometricCheck = { passed: boolean; sampleSha256: string; checkedAt: string };
/** p.6 (3): what the payment registry answered for the action's fees, in tiyn. */
export type FeeCheck = { status: 'paid' | 'partial' | 'not_paid'; requiredTiyn: number; paidTiyn: number; checkedAt: string };

/**
 * The machinery pilot's part of an application (orders 001/004): one row per application, filled at the front
 * office. The application row stays the one source of state and scope: its `service_centre_id` is the intake CON,
 * its `akimat_id` the akimat of the applicant's district (the akimat grant's scope column, lib/auth/scope.ts), its
 * `submitted_at` the receipt at the akimat (p.9, p.14) and `deadline_at` the review deadline; they are not copied here.
 */
export const machineryApplications = pgTable(
  'machinery_applications',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    action: text('action', { enum: machineryActions }).notNull(),
    /** p.5: the e-queue ticket the intake was called from. */
    queueTicketId: uuid('queue_ticket_id').references(() => queueTickets.id),
    /**
     * p.6 (1): the one at the desk (the owner in person or a representative), found in GBD FL by the number of the
     * ID document they presented, and the outcome of the biometric check. Null until identified.
     */
    identityDocumentNumber: text('identity_document_number'),
    identifiedIin: text('identified_iin'),
    biometrics: jsonb('biometrics').$type<BiometricCheck>(),
    /** p.6 (3): the last fee check. */
    feeCheck: jsonb('fee_check').$type<FeeCheck>(),
    /** The applicant's language, for the printed refusals and the SMS. */
    applicantLocale: text('applicant_locale', { enum: ['kk', 'ru'] })
      .notNull()
      .default('kk'),
    /** p.16–17: the act by which the documents went to the akimat's archive, and when both had signed it. */
    transferActId: uuid('transfer_act_id'),
    documentsTransferredAt: timestamp('documents_transferred_at', { withTimezone: true }),
    /** The owner: a person by IIN or an organisation (a farm, a contractor) by BIN. Null until identified. */
    ownerKind: text('owner_kind', { enum: ownerKinds }),
    ownerIin: text('owner_iin'),
    ownerBin: text('owner_bin'),
    /** The one who came to the CON when it is not the owner: a representative with a power of attorney. */
    representativeIin: text('representative_iin'),
    powerOfAttorneyNumber: text('power_of_attorney_number'),
    powerOfAttorneyValidUntil: date('power_of_attorney_valid_until'),
    /** For SMS of p.11: the BMG number, or the phone given at intake. */
    phone: text('phone'),
    /** The machine as typed (registration) or as the register has it (every other action). */
    machineKind: text('machine_kind', { enum: machineryKinds }),
    make: text('make'),
    model: text('model'),
    year: integer('year'),
    serialNumber: text('serial_number'),
    engineNumber: text('engine_number'),
    bodyNumber: text('body_number'),
    /** The machine's id in the machinery register (registry.machines.serial_number), for an existing machine. */
    registerId: text('register_id'),
    /** p.6 (2): the checklist item codes the worker ticked as presented. */
    checklistTicks: text('checklist_ticks')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** p.8: the items missing from an incomplete package, as printed on the refusal to accept. */
    missingItems: text('missing_items').array(),
    /** p.6 (5), p.9: the worker's EDS over the e-application. */
    operatorSignatureId: uuid('operator_signature_id').references(() => signatures.id),
    /** p.10 (4), p.12: the akimat's decision. */
    reviewerSignatureId: uuid('reviewer_signature_id').references(() => signatures.id),
    decidedByUserId: uuid('decided_by_user_id'),
    plate: text('plate'),
    technicalPassport: jsonb('technical_passport').$type<TechnicalPassport>(),
    /** p.7, p.8, p.13: the motivated refusal's reason (reference data) and the one who refused's comment. */
    refusalReasonCode: text('refusal_reason_code').references(() => machineryRefusalReasons.code),
    refusalComment: text('refusal_comment'),
    /** The hand-over at the CON: the serials of the registration document and of the plate. */
    issuedDocumentSerial: text('issued_document_serial'),
    issuedPlateSerial: text('issued_plate_serial'),
    issuedByUserId: uuid('issued_by_user_id'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
  },
  (t) => [
    // The owner is identified by the number of its kind, and only by that one.
    check(
      'machinery_applications_owner',
      sql`(${t.ownerKind} is null and ${t.ownerIin} is null and ${t.ownerBin} is null) or (${t.ownerKind} = 'person' and ${t.ownerIin} is not null and ${t.ownerBin} is null) or (${t.ownerKind} = 'organisation' and ${t.ownerBin} is not null and ${t.ownerIin} is null)`,
    ),
    // A representative comes with a power of attorney, its number and validity; an owner in person with none.
    check(
      'machinery_applications_representative',
      sql`(${t.representativeIin} is null) = (${t.powerOfAttorneyNumber} is null) and (${t.representativeIin} is null) = (${t.powerOfAttorneyValidUntil} is null)`,
    ),
    index().on(t.ownerIin),
    index().on(t.ownerBin),
    index().on(t.representativeIin),
    index().on(t.serialNumber),
    index().on(t.plate),
    index().on(t.queueTicketId),
    index().on(t.transferActId),
  ],
);

/**
 * p.6 (2): the documents each action needs (reference data, admin-editable). Names are messages
 * (`Machinery.checklist.<item_code>`); `applies_to` says whom an item concerns (lib/machinery/rules.ts).
 */
export const machineryChecklists = pgTable(
  'machinery_checklists',
  {
    id: serial('id').primaryKey(),
    action: text('action', { enum: machineryActions }).notNull(),
    itemCode: text('item_code').notNull(),
    position: integer('position').notNull(),
    required: boolean('required').notNull().default(true),
    appliesTo: text('applies_to', { enum: checklistAppliesTo }).notNull().default('all'),
  },
  (t) => [unique().on(t.action, t.itemCode), index().on(t.action, t.position)],
);

/**
 * The legal reasons of a motivated refusal (reference data): at intake (p.7 biometrics, p.8 an incomplete package)
 * or by the akimat (p.13). Names are messages (`Machinery.refusal.<code>`); the legal basis is data, in kk and ru.
 */
export const machineryRefusalReasons = pgTable('machinery_refusal_reasons', {
  code: text('code').primaryKey(),
  stage: text('stage', { enum: ['intake', 'review'] }).notNull(),
  position: integer('position').notNull(),
  legalBasisKk: text('legal_basis_kk').notNull(),
  legalBasisRu: text('legal_basis_ru').notNull(),
  active: boolean('active').notNull().default(true),
});

/** p.6 (3): which fees each action costs (reference data, admin-editable); amounts are in `fees` (MRP). */
export const machineryActionFees = pgTable(
  'machinery_action_fees',
  {
    action: text('action', { enum: machineryActions }).notNull(),
    feeCode: text('fee_code')
      .notNull()
      .references(() => fees.code),
  },
  (t) => [primaryKey({ columns: [t.action, t.feeCode] })],
);

/**
 * p.6 (4): the documents scanned at the front office, each against its checklist item, with its SHA-256 (the
 * e-application the worker signs carries the hashes, p.9). The bytes are in `files`.
 */
export const machineryScans = pgTable(
  'machinery_scans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    sha256: text('sha256').notNull(),
    pages: integer('pages'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId, t.itemCode), unique().on(t.applicationId, t.fileId)],
);

export const machineryPlateStatuses = ['free', 'reserved', 'assigned', 'retired'] as const;

/**
 * p.10 (3), p.12: the plate archive of a region: every plate of the machinery register and the blanks in stock.
 * `reserved` while an approval holds it (the update `where status = 'free'` is the atomic reservation), `assigned`
 * to a machine once approved, `free` again when a deregistration returns it.
 */
export const machineryPlates = pgTable(
  'machinery_plates',
  {
    number: text('number').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    status: text('status', { enum: machineryPlateStatuses }).notNull().default('free'),
    machineSerial: text('machine_serial'),
    applicationId: uuid('application_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.regionCode, t.status, t.number), index().on(t.machineSerial)],
);

export const transferActStatuses = ['draft', 'signed_by_akimat', 'signed_by_con', 'completed'] as const;

/**
 * p.16–17: the act of acceptance and transfer (қабылдау-тапсыру актісі) of one CON's archived documents to one
 * akimat, in two copies, signed by the akimat (услугодатель) and the head of the front office over the same
 * canonical act (`canonical`, frozen when the act is formed).
 */
export const machineryTransferActs = pgTable(
  'machinery_transfer_acts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    akimatId: integer('akimat_id')
      .notNull()
      .references(() => akimats.id),
    serviceCentreId: integer('service_centre_id')
      .notNull()
      .references(() => serviceCentres.id),
    status: text('status', { enum: transferActStatuses }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    canonical: jsonb('canonical').$type<Record<string, unknown>>().notNull(),
    formedByUserId: uuid('formed_by_user_id').notNull(),
    akimatSignatureId: uuid('akimat_signature_id').references(() => signatures.id),
    conHeadSignatureId: uuid('con_head_signature_id').references(() => signatures.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index().on(t.akimatId, t.createdAt), index().on(t.serviceCentreId, t.createdAt)],
);

/** The applications (and so their scanned documents) an act transfers; an application goes in one act only. */
export const machineryTransferActItems = pgTable(
  'machinery_transfer_act_items',
  {
    actId: uuid('act_id')
      .notNull()
      .references(() => machineryTransferActs.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.actId, t.applicationId] })],
);
