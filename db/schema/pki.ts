import { customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Certificates the portal knows: for the demo PKI every persona's signing and authentication certificate;
 * in production, certificates seen in signatures and sign-ins (issued by the NUC, not by us).
 */
export const certificates = pgTable(
  'certificates',
  {
    serial: text('serial').primaryKey(),
    userId: uuid('user_id').references(() => users.id),
    iin: text('iin').notNull(),
    bin: text('bin'),
    purpose: text('purpose', { enum: ['signing', 'authentication', 'ca'] }).notNull(),
    certPem: text('cert_pem').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.iin), index().on(t.userId)],
);

/**
 * Demo PKI only (DEMO_MODE): the test CA's keys and each persona's password-protected PKCS#12 key file, so the
 * demo can be tried without a real NUC key. A production deployment never has rows here.
 */
export const demoPkiAuthorities = pgTable('demo_pki_authorities', {
  name: text('name', { enum: ['root', 'intermediate'] }).primaryKey(),
  certPem: text('cert_pem').notNull(),
  keyPkcs8: bytea('key_pkcs8').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const demoKeyFiles = pgTable(
  'demo_key_files',
  {
    certificateSerial: text('certificate_serial')
      .primaryKey()
      .references(() => certificates.serial),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ['signing', 'authentication'] }).notNull(),
    pkcs12: bytea('pkcs12').notNull(),
    password: text('password').notNull(),
  },
  (t) => [index().on(t.userId)],
);

/** One-time sign-in challenges (5 minutes, single use). */
export const edsChallenges = pgTable(
  'eds_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nonce: text('nonce').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index().on(t.expiresAt)],
);
