// Rate limits (issue 14) against a real PostgreSQL: the N+1st request is refused — by a route with 429 and
// Retry-After, by an action with Errors.rate_limited in the user's language and what they typed — and a flood of
// refused requests leaves a bounded number of audit rows.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { createTranslator } from 'next-intl';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '@/db/schema/audit';
import { rateLimitRefusals } from '@/db/schema/rate-limits';
import type { Actor } from '@/lib/auth/actor';
import { maskIin } from '@/lib/kz/iin';
import { consumeRateLimit } from '@/lib/rate-limit/limiter';
import { auditRefusals } from '@/lib/rate-limit/refusals';
import { RATE_LIMITS, REFUSAL_WINDOW_MS } from '@/lib/rate-limit/rules';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { freshDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';

let forwardedFor = '198.51.100.1';
let current: Actor | null = null;
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': forwardedFor }) }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => current }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let database: Awaited<ReturnType<typeof freshDatabase>>;
const env = { ...process.env };

beforeAll(async () => {
  database = await freshDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.PAYMENT_GATEWAY_SECRET = 'rate-limit-test-secret-0123456789';
  process.env.QYZMET_TRUSTED_PROXY_HOPS = '1';
});
afterEach(() => {
  delete process.env.QYZMET_RATE_LIMITS;
});
afterAll(async () => {
  process.env = env;
  await database.drop();
});

const callback = (ip: string, body = '{"eventId":"x"}') =>
  new NextRequest('http://localhost/api/payments/callback', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-gateway-signature': '0'.repeat(64), 'x-forwarded-for': ip },
  });

describe('the payment callback route', () => {
  it('answers the N+1st rejected callback from one IP with 429 and Retry-After, and another IP is not affected', async () => {
    process.env.QYZMET_RATE_LIMITS = 'payment_callback_reject.ip=3/600';
    const { POST } = await import('@/app/api/payments/callback/route');
    for (let i = 0; i < 3; i++) expect((await POST(callback('203.0.113.10'))).status).toBe(401);
    const refused = await POST(callback('203.0.113.10'));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect((await POST(callback('203.0.113.11'))).status).toBe(401);
  });

  it('1000 refused callbacks write no audit row each: one aggregated row per window with the count', async () => {
    process.env.QYZMET_RATE_LIMITS = 'payment_callback_reject.ip=5/600';
    const { POST } = await import('@/app/api/payments/callback/route');
    const ip = '203.0.113.20';
    const before = await database.db.select({ id: auditEvents.id }).from(auditEvents);
    for (let i = 0; i < 5; i++) expect((await POST(callback(ip))).status).toBe(401);
    const statuses: number[] = [];
    for (let batch = 0; batch < 20; batch++)
      statuses.push(...(await Promise.all(Array.from({ length: 50 }, () => POST(callback(ip))))).map((r) => r.status));
    expect(statuses.filter((s) => s === 429)).toHaveLength(1000);
    // The five rejects before the limit are audited one by one; the thousand refusals are not (yet).
    const after = await database.db.select({ id: auditEvents.id, action: auditEvents.action }).from(auditEvents);
    expect(after.length - before.length).toBe(5);
    const counters = await database.db
      .select()
      .from(rateLimitRefusals)
      .where(eq(rateLimitRefusals.bucket, `ip:${ip}`));
    // One counter per 10-minute window (two if the flood crossed a window's end), never one per request.
    expect(counters.length).toBeLessThanOrEqual(2);
    expect(counters.reduce((n, c) => n + c.count, 0)).toBe(1000);
    // Once the window has closed, one audit event per window carries the count; a second sweep writes nothing.
    const later = new Date(Date.now() + 2 * REFUSAL_WINDOW_MS);
    const written = await auditRefusals(database.db, later);
    expect(written).toBeGreaterThanOrEqual(1);
    expect(written).toBeLessThanOrEqual(2);
    expect(await auditRefusals(database.db, later)).toBe(0);
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'rate_limit.refused'));
    const tops = rows.map((r) => ({ limit: r.data.limit, top: r.data.top as { bucket: string; count: number }[] }));
    const mine = tops.filter((r) => r.top.some((b) => b.bucket === `ip:${ip}`));
    expect(mine).toHaveLength(counters.length);
    expect(mine.every((r) => r.limit === 'payment_callback_reject')).toBe(true);
    expect(mine.flatMap((r) => r.top.filter((b) => b.bucket === `ip:${ip}`)).reduce((n, b) => n + b.count, 0)).toBe(1000);
  }, 120_000);
});

describe('server actions', () => {
  it('the EDS challenge: the N+1st request from one IP gets Errors.rate_limited with the wait, in kk and ru', async () => {
    process.env.QYZMET_RATE_LIMITS = 'eds_challenge.ip=2/600';
    forwardedFor = '198.51.100.30';
    const { requestChallengeAction } = await import('@/lib/auth/actions');
    expect(await requestChallengeAction()).toMatchObject({ ok: true });
    expect(await requestChallengeAction()).toMatchObject({ ok: true });
    const refused = await requestChallengeAction();
    expect(refused).toEqual({ ok: false, code: 'rate_limited', params: { unit: 'minute', wait: 10 } });
    if (refused.ok) return;
    expect(createTranslator({ locale: 'ru', messages: ru })('Errors.rate_limited', refused.params)).toBe(
      'Слишком много попыток. Повторите через 10 минут.',
    );
    expect(createTranslator({ locale: 'kk', messages: kk })('Errors.rate_limited', refused.params)).toBe(
      'Тым көп әрекет жасалды. 10 минуттан кейін қайталап көріңіз.',
    );
  });

  it('an upload: the N+1st scan by one person is refused with the wait, and what was typed comes back', async () => {
    process.env.QYZMET_RATE_LIMITS = 'upload.iin=1/600';
    forwardedFor = '198.51.100.40';
    current = await makeUser(database.db, 'con_operator');
    const { addScanAction } = await import('@/lib/machinery/scan-upload-actions');
    const form = () => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ id: randomUUID(), version: '1', locale: 'ru', itemCode: 'passport' })) f.set(k, v);
      f.set('file', new File([new Uint8Array([1, 2, 3])], 'scan.pdf', { type: 'application/pdf' }));
      return f;
    };
    const first = await addScanAction({ ok: true }, form());
    expect(first.ok || first.code).not.toBe('rate_limited');
    const second = await addScanAction({ ok: true }, form());
    expect(second).toMatchObject({
      ok: false,
      code: 'rate_limited',
      params: { unit: 'minute' },
      values: { itemCode: 'passport', locale: 'ru' },
    });
    current = null;
  });
});

describe('the limiter', () => {
  it('counts per IIN when no IP is known, and the anonymous bucket only for someone with neither', async () => {
    const limits = structuredClone(RATE_LIMITS);
    limits.sign_in = { ip: { points: 1, seconds: 60 }, iin: { points: 2, seconds: 60 }, anonymous: { points: 3, seconds: 60 } };
    const iin = `9${Date.now()}`.slice(0, 12);
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await consumeRateLimit(database.db, 'sign_in', { ip: null, iin }, { limits })).ok);
    expect(outcomes).toEqual([true, true, false]);
    const anonymous = [];
    for (let i = 0; i < 4; i++) anonymous.push((await consumeRateLimit(database.db, 'sign_in', { ip: null }, { limits })).ok);
    expect(anonymous).toEqual([true, true, true, false]);
    const counters = await database.db
      .select()
      .from(rateLimitRefusals)
      .where(inArray(rateLimitRefusals.bucket, ['anonymous', `iin:${maskIin(iin)}`]));
    expect(counters.map((c) => c.count)).toEqual([1, 1]);
  });
});
