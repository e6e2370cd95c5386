import 'server-only';
import { headers } from 'next/headers';
import { db } from '@/db';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { clientIpFrom } from '@/lib/http/client-ip';
import { checkRateLimit, consumeRateLimit, countRateLimitFailure, type LimitOutcome } from './limiter';
import { limitsWith, RATE_LIMITS, waitParams, type RateLimitAction, type Requester } from './rules';

export { waitParams } from './rules';
export type { LimitOutcome } from './limiter';

/** The limits in force: the defaults with QYZMET_RATE_LIMITS applied (validated by lib/config.ts). */
const limits = () => limitsWith(config().QYZMET_RATE_LIMITS) ?? RATE_LIMITS;

/** The client's IP as the trusted proxies report it (lib/http/client-ip.ts), never a header the client wrote. */
export async function requestIp(): Promise<string | null> {
  return clientIpFrom((await headers()).get('x-forwarded-for'), config().QYZMET_TRUSTED_PROXY_HOPS);
}

/** Counts this request (pages and actions); the outcome says how long to wait when refused. */
export async function rateLimit(action: RateLimitAction, who: Requester): Promise<LimitOutcome> {
  return consumeRateLimit(db, action, who, { limits: limits() });
}

/**
 * For server actions: counts the request and throws `rate_limited` (Errors.rate_limited, "try again in …") when
 * refused, which `formAction` returns with what the user typed.
 */
export async function enforceRateLimit(action: RateLimitAction, who: Omit<Requester, 'ip'> = {}): Promise<void> {
  const outcome = await rateLimit(action, { ...who, ip: await requestIp() });
  if (!outcome.ok) throw new DomainError('rate_limited', waitParams(outcome.retryAfterSeconds));
}

/** For limits that count only failures (the payment callback's rejects): see lib/rate-limit/limiter.ts. */
export const checkFailureLimit = (action: RateLimitAction, who: Requester) => checkRateLimit(db, action, who, { limits: limits() });
export const countFailure = (action: RateLimitAction, who: Requester) => countRateLimitFailure(db, action, who, { limits: limits() });
