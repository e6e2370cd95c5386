import { integer, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * rate-limiter-flexible's counters (RateLimiterDrizzle: the columns it reads are key, points, expire). One row per
 * bucket (`sign_in:ip:203.0.113.7`), reset by the upsert when `expire` has passed; expired rows are deleted by the
 * library an hour later. IIN buckets carry a keyed hash of the IIN, never the IIN (lib/rate-limit/rules.ts).
 */
export const rateLimits = pgTable('rate_limits', {
  key: varchar('key', { length: 255 }).primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});

/**
 * Refused requests, counted per (action, window, bucket) instead of one audit row each: a flood is one upserted
 * row per bucket. When the window has closed, one audit event per (action, window) carries the totals
 * (lib/rate-limit/refusals.ts), and `audited_at` is set so it is written once.
 */
export const rateLimitRefusals = pgTable(
  'rate_limit_refusals',
  {
    action: text('action').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    /** `ip:203.0.113.7`, `iin:••••••••0126` (masked) or `anonymous` (no client IP known). */
    bucket: text('bucket').notNull(),
    count: integer('count').notNull().default(0),
    auditedAt: timestamp('audited_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.action, t.windowStart, t.bucket] })],
);
