import { bigserial, index, integer, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';

export const registrySystems = [
  'business',
  'vehicle_passports',
  'customs',
  'recycling',
  'contracts',
  'gbd_fl',
  'bmg',
  'erap',
  'digital_id',
  'consent',
  'zags',
  'ais_sik',
  'esobes',
  'cadastre',
  'education',
  'payments',
  'sms',
  'production',
] as const;
export type RegistrySystem = (typeof registrySystems)[number];

/** Faults an admin sets per external system (SPEC §2.1), honoured by the simulators. */
export const registryFaults = pgTable('registry_faults', {
  system: text('system', { enum: registrySystems }).primaryKey(),
  latencyMs: integer('latency_ms').notNull().default(0),
  errorRate: real('error_rate').notNull().default(0),
  outageSince: timestamp('outage_since', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per call to an external system; no request bodies, so no personal data. */
export const registryCalls = pgTable(
  'registry_calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    system: text('system', { enum: registrySystems }).notNull(),
    operation: text('operation').notNull(),
    outcome: text('outcome', { enum: ['ok', 'not_found', 'error', 'outage'] }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    applicationId: text('application_id'),
  },
  // `at` alone: the supervisor's failures and outages of every system in a period (lib/monitoring/queries.ts).
  (t) => [index().on(t.system, t.at), index().on(t.applicationId), index('registry_calls_at').on(t.at)],
);
