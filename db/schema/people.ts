import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { akimats, registrationPoints, regions, serviceCentres } from './reference';

export const roles = [
  'citizen',
  'dealer',
  'ums_reviewer',
  'migration_officer',
  'akimat_reviewer',
  'con_operator',
  'con_reception',
  'con_issuance',
  'con_head',
  'supervisor',
  'admin',
] as const;
export type Role = (typeof roles)[number];
export const staffRoles: readonly Role[] = roles.filter((r) => r !== 'citizen' && r !== 'dealer');

/** Everyone who can sign in. Staff are people too: every account is tied to an IIN. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  iin: text('iin').notNull().unique(),
  surname: text('surname').notNull(),
  givenName: text('given_name').notNull(),
  patronymic: text('patronymic'),
  locale: text('locale', { enum: ['kk', 'ru'] })
    .notNull()
    .default('kk'),
  email: text('email'),
  active: boolean('active').notNull().default(true),
  /** Bumped by "sign out everywhere" and by an admin lock: every session token carries the version it was issued for. */
  sessionVersion: integer('session_version').notNull().default(0),
  /** Demo sign-in only: what this persona is for, shown on the persona picker. */
  personaKk: text('persona_kk'),
  personaRu: text('persona_ru'),
  personaOrder: integer('persona_order'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A role held in one scope. Which scope column must be set depends on the role (see lib/auth/scope.ts). */
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    regionCode: text('region_code').references(() => regions.code),
    akimatId: integer('akimat_id').references(() => akimats.id),
    serviceCentreId: integer('service_centre_id').references(() => serviceCentres.id),
    registrationPointId: integer('registration_point_id').references(() => registrationPoints.id),
    dealerBin: text('dealer_bin'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.userId),
    unique('user_roles_unique')
      .on(t.userId, t.role, t.regionCode, t.akimatId, t.serviceCentreId, t.registrationPointId, t.dealerBin)
      .nullsNotDistinct(),
  ],
);

/**
 * Server-side sessions. The cookie only names a session; every request checks the row, so signing out
 * (ended_at) or an idle/absolute timeout makes a copied cookie useless.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userVersion: integer('user_version').notNull(),
    method: text('method', { enum: ['demo', 'eds'] }).notNull(),
    /** The serial (lowercase hex) of the authentication certificate that opened an EDS session: revoking it ends the session. */
    certificateSerial: text('certificate_serial'),
    isStaff: boolean('is_staff').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [index().on(t.userId), index().on(t.certificateSerial)],
);
