import { bigserial, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only and hash-chained (SPEC §2.8): `prev_hash` and `hash` are filled by a trigger under an advisory
 * lock, and another trigger refuses UPDATE, DELETE and TRUNCATE (migration 0001_audit_guard.sql).
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
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index().on(t.subjectIin, t.at), index().on(t.applicationId), index().on(t.at)],
);
