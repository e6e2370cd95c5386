// Rate limits as data (issue 14), and the pure rules around them: which buckets a request counts against, how long
// the person must wait, and the window refused requests are counted in. The numbers and why: docs/decisions.md,
// "Rate limits and reconciliation". Pure: no database, no clock (callers pass the time).
import { createHash } from 'node:crypto';
import { maskIin } from '@/lib/kz/iin';

export const rateLimitActions = ['eds_challenge', 'sign_in', 'verify', 'upload', 'payment_callback_reject'] as const;
export type RateLimitAction = (typeof rateLimitActions)[number];

/** `points` requests per `seconds`; the next one is refused until the window that began with the first ends. */
export type Limit = { points: number; seconds: number };

/**
 * `ip`: per client IP. `iin`: per person, where the person is known. `anonymous`: one bucket shared by everyone whose
 * IP is unknown (QYZMET_TRUSTED_PROXY_HOPS=0) and who has no IIN yet: wider, since every such client shares it.
 */
export type Rule = { ip: Limit; anonymous: Limit; iin?: Limit };
export type RateLimits = Record<RateLimitAction, Rule>;

const minutes = (n: number) => n * 60;

export const RATE_LIMITS: RateLimits = {
  // A person asks one challenge per sign-in attempt; a CON office signs in dozens of workers behind one NAT address.
  eds_challenge: { ip: { points: 30, seconds: minutes(5) }, anonymous: { points: 600, seconds: minutes(5) } },
  // Demo and EDS sign-in alike. Per IIN: a person who signs in 30 times in 10 minutes is a script.
  sign_in: {
    ip: { points: 30, seconds: minutes(10) },
    iin: { points: 30, seconds: minutes(10) },
    anonymous: { points: 600, seconds: minutes(10) },
  },
  // A lookup by number and code: 30 per 10 minutes is a desk checking documents, not someone guessing codes.
  verify: { ip: { points: 30, seconds: minutes(10) }, anonymous: { points: 600, seconds: minutes(10) } },
  // Signed-in uploads (photo, signature sample, liveness capture, scans): a front-office worker scans ~10 per file.
  upload: {
    ip: { points: 300, seconds: minutes(10) },
    iin: { points: 60, seconds: minutes(10) },
    anonymous: { points: 600, seconds: minutes(10) },
  },
  // Only rejected callbacks count (bad signature, malformed, unknown payment): the real gateway sends none.
  payment_callback_reject: { ip: { points: 10, seconds: minutes(10) }, anonymous: { points: 100, seconds: minutes(10) } },
};

/** Who is asking: the client IP from the trusted proxies (null when unknown) and the person's IIN when known. */
export type Requester = { ip: string | null; iin?: string | null };

export type Bucket = {
  /** The counter's key in `rate_limits`: an IIN appears only as a hash. */
  key: string;
  /** How refusals are counted and audited: the IP, a masked IIN, or `anonymous`. */
  label: string;
  limit: Limit;
};

/** A pseudonymous, stable key for an IIN: the counter table never holds the IIN itself. */
export const iinKey = (iin: string) => createHash('sha256').update(`qyzmet-rate-limit:${iin}`).digest('hex').slice(0, 32);

/**
 * The buckets a request counts against: its IP's; else, with no IP and no person, the shared anonymous one; and the
 * person's, when the rule has one and the IIN is known. A known person with no known IP counts only as that person,
 * so that one flood without an IP cannot lock every citizen out of signing in.
 */
export function bucketsFor(action: RateLimitAction, who: Requester, limits: RateLimits = RATE_LIMITS): Bucket[] {
  const rule = limits[action];
  const buckets: Bucket[] = [];
  const iin = who.iin && rule.iin ? who.iin : null;
  if (who.ip) buckets.push({ key: `${action}:ip:${who.ip}`, label: `ip:${who.ip}`, limit: rule.ip });
  else if (!iin) buckets.push({ key: `${action}:anonymous`, label: 'anonymous', limit: rule.anonymous });
  if (iin && rule.iin) buckets.push({ key: `${action}:iin:${iinKey(iin)}`, label: `iin:${maskIin(iin)}`, limit: rule.iin });
  return buckets;
}

/** Whole seconds to wait, at least 1 (the `Retry-After` header's value). */
export const retryAfterSeconds = (msBeforeNext: number) => Math.max(1, Math.ceil(msBeforeNext / 1000));

/**
 * The parameters of Errors.rate_limited: under two minutes in seconds, otherwise in whole minutes rounded up (a
 * person told "3 minutes" who comes back in 3 is let in).
 */
export function waitParams(seconds: number): { unit: 'second' | 'minute'; wait: number } {
  return seconds < 120 ? { unit: 'second', wait: seconds } : { unit: 'minute', wait: Math.ceil(seconds / 60) };
}

/** Refused requests are counted per 10-minute window (aligned to the clock), then audited once per window. */
export const REFUSAL_WINDOW_MS = 10 * 60_000;
export const refusalWindowStart = (at: Date) => new Date(Math.floor(at.getTime() / REFUSAL_WINDOW_MS) * REFUSAL_WINDOW_MS);

const overrideItem = /^([a-z_]+)\.(ip|iin|anonymous)=(\d{1,6})\/(\d{1,6})$/;

/**
 * The limits with overrides from QYZMET_RATE_LIMITS, e.g. `sign_in.ip=60/600,verify.anonymous=1000/600`
 * (points/seconds). Returns null when a part is malformed or names an unknown action.
 */
export function limitsWith(overrides: string | undefined, base: RateLimits = RATE_LIMITS): RateLimits | null {
  const out = structuredClone(base);
  for (const raw of (overrides ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = overrideItem.exec(raw);
    if (!m) return null;
    const [, action, scope, points, seconds] = m;
    if (!(rateLimitActions as readonly string[]).includes(action!)) return null;
    const limit = { points: Number(points), seconds: Number(seconds) };
    if (limit.points < 1 || limit.seconds < 1) return null;
    out[action as RateLimitAction][scope as 'ip' | 'iin' | 'anonymous'] = limit;
  }
  return out;
}
