import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { pilots } from './reference';
import { users } from './people';

/** Per pilot and year: the last human number handed out (VR-2026-000123). */
export const applicationNumbers = pgTable(
  'application_numbers',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/**
 * The common core of every pilot's application (SPEC §2.2). Pilot-specific fields live in `data`
 * (validated by the pilot's zod schema); scope columns are real columns so dashboards filter on indexes.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    pilot: text('pilot', { enum: pilots }).notNull(),
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    /** Null while nobody is the applicant yet: a vehicle draft gets its buyer when the dealer has signed (step 9). */
    applicantIin: text('applicant_iin'),
    applicantUserId: uuid('applicant_user_id').references(() => users.id),
    regionCode: text('region_code'),
    akimatId: integer('akimat_id'),
    serviceCentreId: integer('service_centre_id'),
    registrationPointId: integer('registration_point_id'),
    dealerBin: text('dealer_bin'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('applications_region_queue').on(t.pilot, t.regionCode, t.status, t.createdAt, t.id),
    index('applications_akimat_queue').on(t.pilot, t.akimatId, t.status, t.createdAt, t.id),
    // The machinery akimat dashboard (orders 001/004, p.14): its queue runs in order of receipt at the akimat.
    index('applications_machinery_akimat_received')
      .on(t.akimatId, t.status, t.submittedAt, t.id)
      .where(sql`${t.pilot} = 'machinery'`),
    // The UMS DP queue (app/[locale]/(staff)/ums): a region's ID-card applications by decision deadline or by
    // submission, keyset-paged on (…, instant, id).
    index('applications_region_deadline').on(t.pilot, t.regionCode, t.status, t.deadlineAt, t.id),
    index('applications_region_submitted').on(t.pilot, t.regionCode, t.status, t.submittedAt, t.id),
    index('applications_centre_queue').on(t.pilot, t.serviceCentreId, t.status, t.createdAt, t.id),
    index('applications_dealer').on(t.dealerBin, t.createdAt, t.id),
    index('applications_applicant').on(t.applicantIin, t.createdAt, t.id),
    // The supervisor's figures (lib/monitoring/queries.ts): a pilot's applications created in a period, any region.
    index('applications_pilot_created').on(t.pilot, t.createdAt),
    // …and what waits past its deadline now, per akimat or region, read from the index alone.
    index('applications_awaiting_deadline')
      .on(t.pilot, t.status, t.deadlineAt, t.regionCode, t.akimatId)
      .where(sql`${t.deadlineAt} is not null`),
  ],
);

/** Everyone an application concerns besides the applicant (buyer, owner, representative…), for "my applications". */
export const applicationParties = pgTable(
  'application_parties',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    iin: text('iin').notNull(),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.iin, t.role] }), index().on(t.iin)],
);

/** The timeline: every check, signature, payment, decision and notification. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.applicationId, t.at)],
);
