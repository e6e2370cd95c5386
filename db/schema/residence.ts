import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { signatures } from './signatures';
import type { ArrivalForm } from '@/lib/residence/arrival-form';
import type { AstanaDecision } from '@/lib/residence/astana-types';
import type { ConIntake } from '@/lib/residence/con-types';

export const residenceKinds = ['permanent', 'temporary'] as const;
export const residenceChannels = ['online', 'con'] as const;
/** `cancelled`: the application ended before this owner answered (another owner declined, a request expired, the
 * applicant withdrew): nobody waits for the answer any more, and it did not simply run out (docs/decisions.md). */
export const consentStatuses = ['requested', 'consented', 'declined', 'expired', 'cancelled'] as const;

/**
 * The residence pilot's part of an application (order 003, SPEC §6): one row per application. The application row
 * stays the one source of state and scope: `region_code` is the dwelling's region, `service_centre_id` the CON of
 * the CON path (p.6–7), `applicant_iin` the one who registers.
 */
export const residenceApplications = pgTable(
  'residence_applications',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    iin: text('iin').notNull(),
    kind: text('kind', { enum: residenceKinds }).notNull(),
    channel: text('channel', { enum: residenceChannels }).notNull().default('online'),
    /** The applicant's language: the certificate, the SMS and the printed explanation are in it. */
    applicantLocale: text('applicant_locale', { enum: ['kk', 'ru'] })
      .notNull()
      .default('kk'),
    /** The dwelling (the real-estate cadastre); null until picked. */
    cadastralNumber: text('cadastral_number'),
    /** Temporary registration: the period of stay (docs/decisions.md: the allowed period). */
    stayFrom: date('stay_from'),
    stayUntil: date('stay_until'),
    /** p.9–10: Astana's steps 1–7 and what they found, shown on the decision page; null outside Astana. */
    astana: jsonb('astana').$type<AstanaDecision>(),
    /** The statistical arrival form (келу статистикалық талоны). */
    arrivalForm: jsonb('arrival_form').$type<ArrivalForm>(),
    /** The CON path (p.6–7): the owner checked, their legal representative and the authority shown. */
    conIntake: jsonb('con_intake').$type<ConIntake>(),
    /** The applicant's EDS over the application (online), or the CON worker's (p.7). */
    signatureId: uuid('signature_id').references(() => signatures.id),
    /** Why it ended without a registration: a message code (Residence.refusal.<code>) and its details. */
    refusalCode: text('refusal_code'),
    refusalDetails: jsonb('refusal_details').$type<Record<string, unknown>>(),
    /** The address certificate: its number, and when GBD FL recorded the address. */
    certificateNumber: text('certificate_number').unique(),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    /** Set when the application ends (registered, declined, refused, expired, withdrawn). */
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // One open application per person per service: a second "start" finds the first.
    uniqueIndex('residence_applications_one_open')
      .on(t.iin, t.kind)
      .where(sql`${t.closedAt} is null`),
    index().on(t.cadastralNumber),
  ],
);

/**
 * Owner consent (SPEC §6): one request per owner who is not the applicant. The owner answers in the cabinet with EDS
 * (consent) or declines with a reason; a request with no answer expires (a reminder goes out before).
 */
export const residenceConsents = pgTable(
  'residence_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    ownerIin: text('owner_iin').notNull(),
    /** The owner's share in thousandths, as the cadastre had it when asked. */
    shareMilli: integer('share_milli').notNull(),
    status: text('status', { enum: consentStatuses }).notNull().default('requested'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    signatureId: uuid('signature_id').references(() => signatures.id),
    declineReason: text('decline_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex().on(t.applicationId, t.ownerIin),
    index().on(t.ownerIin, t.status, t.requestedAt),
    index('residence_consents_open')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'requested'`),
  ],
);
