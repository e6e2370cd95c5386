// The limiter (issue 14): rate-limiter-flexible's RateLimiterDrizzle on our own `rate_limits` table, so the counters
// live in the portal's PostgreSQL (no other server) and each request is one atomic upsert through our drizzle client.
// Why this and not RateLimiterPostgres: docs/decisions.md, "Rate limits and reconciliation".
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema/rate-limits';
import { logError } from '@/lib/log';
import { recordRefusal } from './refusals';
import { bucketsFor, RATE_LIMITS, retryAfterSeconds, type Bucket, type RateLimitAction, type RateLimits, type Requester } from './rules';

export type LimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

// One limiter per (database, points, duration): they share the table and differ only in their numbers.
const limiters = new WeakMap<Db, Map<string, RateLimiterDrizzle>>();

function limiterFor(db: Db, b: Bucket): RateLimiterDrizzle {
  let byLimit = limiters.get(db);
  if (!byLimit) limiters.set(db, (byLimit = new Map()));
  const id = `${b.limit.points}/${b.limit.seconds}`;
  let limiter = byLimit.get(id);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: '',
      points: b.limit.points,
      duration: b.limit.seconds,
      // Expired rows are deleted by the refusal sweep (lib/rate-limit/refusals.ts), not by a timer per limiter.
      clearExpiredByTimeout: false,
    });
    byLimit.set(id, limiter);
  }
  return limiter;
}

type Options = { limits?: RateLimits; now?: Date };

/**
 * Counts one request against each of its buckets; refused when any bucket is over its limit, with the longest wait.
 * A refusal is counted (not audited one by one). A store failure lets the request through and is logged: a broken
 * counter must not lock everyone out of signing in.
 */
export async function consumeRateLimit(db: Db, action: RateLimitAction, who: Requester, options: Options = {}): Promise<LimitOutcome> {
  return take(db, action, who, options, async (limiter, b) => {
    await limiter.consume(b.key);
  });
}

/**
 * For limits that count only failures (payment callback rejects): refused when a bucket's failures are used up,
 * without counting this request. Call `countRateLimitFailure` after a request fails.
 */
export async function checkRateLimit(db: Db, action: RateLimitAction, who: Requester, options: Options = {}): Promise<LimitOutcome> {
  return take(db, action, who, options, async (limiter, b) => {
    const res = await limiter.get(b.key);
    if (res && res.consumedPoints >= b.limit.points) throw res;
  });
}

/** One failure against each bucket (never refuses by itself: `checkRateLimit` refuses the next request). */
export async function countRateLimitFailure(db: Db, action: RateLimitAction, who: Requester, options: Options = {}) {
  for (const b of bucketsFor(action, who, options.limits ?? RATE_LIMITS)) {
    try {
      await limiterFor(db, b).penalty(b.key);
    } catch (e) {
      logError('rate_limit_store_failed', e, { action });
    }
  }
}

async function take(
  db: Db,
  action: RateLimitAction,
  who: Requester,
  options: Options,
  step: (limiter: RateLimiterDrizzle, b: Bucket) => Promise<void>,
): Promise<LimitOutcome> {
  let waitMs = 0;
  const refused: Bucket[] = [];
  for (const b of bucketsFor(action, who, options.limits ?? RATE_LIMITS)) {
    try {
      await step(limiterFor(db, b), b);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) {
        logError('rate_limit_store_failed', e, { action });
        continue;
      }
      refused.push(b);
      waitMs = Math.max(waitMs, e.msBeforeNext);
    }
  }
  if (!refused.length) return { ok: true };
  for (const b of refused) await recordRefusal(db, action, b.label, options.now ?? new Date());
  return { ok: false, retryAfterSeconds: retryAfterSeconds(waitMs) };
}
