import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { signatures } from './signatures';

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
    /** The owner: a person by IIN or an organisation (a farm, a contractor) by BIN. */
    ownerKind: text('owner_kind', { enum: ownerKinds }).notNull(),
    ownerIin: text('owner_iin'),
    ownerBin: text('owner_bin'),
    /** The one who came to the CON when it is not the owner: a representative with a power of attorney. */
    representativeIin: text('representative_iin'),
    powerOfAttorneyNumber: text('power_of_attorney_number'),
    powerOfAttorneyValidUntil: date('power_of_attorney_valid_until'),
    /** For SMS of p.11: the BMG number, or the phone given at intake. */
    phone: text('phone'),
    /** The machine as typed (registration) or as the register has it (every other action). */
    machineKind: text('machine_kind', { enum: machineryKinds }).notNull(),
    make: text('make').notNull(),
    model: text('model').notNull(),
    year: integer('year').notNull(),
    serialNumber: text('serial_number').notNull(),
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
      sql`(${t.ownerKind} = 'person' and ${t.ownerIin} is not null and ${t.ownerBin} is null) or (${t.ownerKind} = 'organisation' and ${t.ownerBin} is not null and ${t.ownerIin} is null)`,
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
