import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';

/** Every EDS signature with what was signed and how it verified (SPEC §2.3). Filled by the signatures module. */
export const signatures = pgTable(
  'signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').references(() => applications.id),
    purpose: text('purpose').notNull(),
    /** Who signed as what: dealer, buyer, applicant, reviewer, front_office, akimat… */
    partyRole: text('party_role'),
    signerIin: text('signer_iin').notNull(),
    signerBin: text('signer_bin'),
    certificatePem: text('certificate_pem').notNull(),
    certificateSerial: text('certificate_serial').notNull(),
    cms: text('cms').notNull(),
    /** The application or document number the signature is verified under on the public page. */
    documentNumber: text('document_number').notNull(),
    /** The canonical JSON that was signed, kept so the signature can be re-verified at any time. */
    document: text('document').notNull(),
    dataSha256: text('data_sha256').notNull(),
    verifyCode: text('verify_code').notNull(),
    valid: boolean('valid').notNull(),
    problems: jsonb('problems').$type<string[]>().notNull().default([]),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId), index().on(t.documentNumber, t.verifyCode)],
);

/** The certificate revocation list of the demo PKI. */
export const revokedCertificates = pgTable('revoked_certificates', {
  serial: text('serial').primaryKey(),
  reason: text('reason').notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull().defaultNow(),
});
