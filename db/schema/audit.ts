import { bigint, bigserial, index, inet, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Append-only and hash-chained (SPEC §2.8, issues 14 and 16). A request only inserts: a trigger stamps `at` and
 * leaves the chain columns empty, so concurrent audited writes never wait for each other. One sealer
 * (`audit_seal()`, lib/audit/sealer.ts) then chains committed rows in `seal_seq` order; the UPDATE trigger lets
 * through only that sealing of an unsealed row and refuses DELETE and TRUNCATE (migrations 0001, 0015).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    /** Human-readable scope of the actor at the time, e.g. "region:10" or "centre:3". */
    actorScope: text('actor_scope'),
    /** The organisation shown to citizens in "who viewed my data", e.g. "ums:10". */
    actorOrg: text('actor_org'),
    action: text('action').notNull(),
    applicationId: uuid('application_id'),
    /** The person whose data the action concerns (for "who viewed my data"). */
    subjectIin: text('subject_iin'),
    ip: inet('ip'),
    /** The request that wrote it (the proxy's X-Request-Id), or `job:<id>` for a background job. */
    requestId: text('request_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Position in the chain, given by the sealer; null until sealed. */
    sealSeq: bigint('seal_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index().on(t.subjectIin, t.at),
    index().on(t.applicationId),
    index().on(t.at),
    uniqueIndex().on(t.sealSeq),
    index('audit_events_unsealed_idx')
      .on(t.id)
      .where(sql`${t.sealSeq} is null`),
  ],
);

/**
 * Anchors of the chain (issue 14): every minute the latest sealed hash, signed with the portal's key. The app's
 * role may only read this table; rows are added by `audit_anchor_add()`, which takes the hash from the chain itself.
 */
export const auditAnchors = pgTable('audit_anchors', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  /** The `seal_seq` of the last row this anchor covers. */
  sealedUpTo: bigint('sealed_up_to', { mode: 'number' }).notNull().unique(),
  hash: text('hash').notNull(),
  /** Base64 RSASSA-PKCS1-v1_5/SHA-256 signature over `anchorMessage()` (lib/audit/anchor-message.ts). */
  signature: text('signature').notNull(),
  /** The certificate (PEM) whose key signed it. */
  signerCertPem: text('signer_cert_pem').notNull(),
});
