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

/**
 * CRLs of the CAs that issued real NUC certificates, by distribution-point URL (from the certificates). A row is
 * added when a signature's revocation status is unknown; the CRL job fetches it and keeps the checked snapshot
 * (issuer, thisUpdate, revoked serials), so verification reads Postgres and never waits on the network.
 */
export const crlCache = pgTable('crl_cache', {
  url: text('url').primaryKey(),
  issuerDn: text('issuer_dn'),
  issuerName: text('issuer_name'),
  thisUpdate: timestamp('this_update', { withTimezone: true }),
  nextUpdate: timestamp('next_update', { withTimezone: true }),
  serials: jsonb('serials').$type<string[]>(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }),
  /** The last failure as a code (unreachable, malformed, bad_signature, wrong_issuer, unknown_issuer); null when fine. */
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
