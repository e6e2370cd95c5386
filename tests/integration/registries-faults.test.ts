// The fault layer and call log around the registry ports (SPEC §2.1, §5 "failure lasting more than
// 10 minutes"), and the payment-callback signature (§2.4), against a real Postgres.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { consentRequests, mobileNumbers, persons } from '@/db/schema/registry';
import { registryCalls, registryFaults, type RegistrySystem } from '@/db/schema/registry-ops';
import {
  callRegistry,
  clearFaults,
  getFaults,
  getRegistries,
  hasBeenFailingFor,
  invalidateFaultCache,
  RegistryUnavailableError,
  setFault,
} from '@/lib/registries';
import type { CallbackPayload } from '@/lib/registries/payments/port';
import { callbackBody, signCallback, verifyCallback } from '@/lib/registries/payments/signature';
import { freshDatabase } from '@/tests/support/db';

const IIN = '900101300126';
const noFault = { latencyMs: 0, errorRate: 0, outageSince: null };
let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;

const lastCall = async (system: RegistrySystem) =>
  (await db.select().from(registryCalls).where(eq(registryCalls.system, system)).orderBy(desc(registryCalls.id)).limit(1))[0];
const minutesAgo = (now: Date, m: number) => new Date(now.getTime() - m * 60_000);

beforeAll(async () => {
  database = await freshDatabase(); // a migrated database of its own (tests/support/global-db.ts)
  db = database.db;
  await db.insert(persons).values({
    iin: IIN,
    surnameKk: 'А',
    surnameRu: 'А',
    givenNameKk: 'Б',
    givenNameRu: 'Б',
    surnameLat: 'A',
    givenNameLat: 'B',
    birthDate: '1990-01-01',
    sex: 'male',
    docNumber: 'N1',
    docIssuedOn: '2016-01-01',
    docExpiresOn: '2026-01-01',
  });
  await db.insert(mobileNumbers).values({ iin: IIN, phone: '+77011234567' });
});

beforeEach(async () => {
  await clearFaults(db); // also empties the in-memory cache
});

afterAll(async () => {
  await database?.drop();
});

describe('faults applied to every port', () => {
  it('adds the latency: the logged duration is at least the latency', async () => {
    await setFault(db, 'bmg', { ...noFault, latencyMs: 150 });
    expect(await getRegistries(db).bmg.findPhone(IIN)).toBe('+77011234567');
    expect((await lastCall('bmg'))?.durationMs).toBeGreaterThanOrEqual(150);
  });

  it('an outage that has begun throws registry_unavailable and is logged as outage; a future one does not', async () => {
    await setFault(db, 'gbd_fl', { ...noFault, outageSince: new Date(Date.now() - 60_000) });
    const err = await getRegistries(db)
      .gbdFl.findPerson(IIN)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryUnavailableError);
    expect(err).toMatchObject({ system: 'gbd_fl', kind: 'outage', code: 'registry_unavailable' });
    expect(await lastCall('gbd_fl')).toMatchObject({ operation: 'findPerson', outcome: 'outage' });
    await setFault(db, 'gbd_fl', { ...noFault, outageSince: new Date(Date.now() + 3_600_000) });
    expect(await getRegistries(db).gbdFl.findPerson(IIN)).not.toBeNull();
  });

  it('error rate 1 always fails before the system is touched; 0 never fails', async () => {
    const before = (await db.select().from(consentRequests)).length;
    await setFault(db, 'consent', { ...noFault, errorRate: 1 });
    const consent = getRegistries(db).consent;
    for (let i = 0; i < 20; i++) {
      await expect(consent.request(IIN, 'test')).rejects.toMatchObject({ system: 'consent', kind: 'error' });
    }
    expect((await db.select().from(consentRequests)).length).toBe(before); // no half-made state
    expect(await lastCall('consent')).toMatchObject({ operation: 'request', outcome: 'error' });
    await setFault(db, 'consent', { ...noFault, errorRate: 0 });
    for (let i = 0; i < 20; i++) await consent.request(IIN, 'test');
    expect((await db.select().from(consentRequests)).length).toBe(before + 20);
  });

  it('draws the error from the injected random source', async () => {
    await setFault(db, 'erap', { ...noFault, errorRate: 0.5 });
    await expect(getRegistries(db, { random: () => 0.49 }).erap.unpaidFines(IIN)).rejects.toThrow(RegistryUnavailableError);
    expect(await getRegistries(db, { random: () => 0.5 }).erap.unpaidFines(IIN)).toEqual([]);
  });

  it('caches faults for ~2 s; invalidateFaultCache or the TTL makes a change visible', async () => {
    const bmg = getRegistries(db).bmg;
    await bmg.findPhone(IIN); // loads the (empty) faults into the cache
    // Written behind the cache's back, as another server process would.
    await db.insert(registryFaults).values({ system: 'bmg', outageSince: new Date(Date.now() - 1000) });
    expect(await bmg.findPhone(IIN)).toBe('+77011234567');
    const realNow = Date.now.bind(Date);
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 2_500);
    try {
      await expect(bmg.findPhone(IIN)).rejects.toMatchObject({ kind: 'outage' });
    } finally {
      clock.mockRestore();
    }
    await db.delete(registryFaults);
    await expect(bmg.findPhone(IIN)).rejects.toMatchObject({ kind: 'outage' }); // still cached
    invalidateFaultCache();
    expect(await bmg.findPhone(IIN)).toBe('+77011234567');
  });

  it('setFault upserts, getFaults lists every system, bad values are refused, clearFaults resets', async () => {
    await setFault(db, 'sms', { ...noFault, latencyMs: 10 });
    await setFault(db, 'sms', { ...noFault, errorRate: 0.25 });
    const faults = await getFaults(db);
    expect(faults).toHaveLength(18);
    expect(faults.find((f) => f.system === 'sms')).toMatchObject({ latencyMs: 0, errorRate: 0.25 });
    await expect(setFault(db, 'sms', { ...noFault, errorRate: 2 })).rejects.toThrow();
    await clearFaults(db);
    expect((await getFaults(db)).every((f) => f.errorRate === 0 && f.updatedAt === null)).toBe(true);
  });

  it('logs an adapter failure with its own kind and rethrows the original error', async () => {
    const down = new RegistryUnavailableError('sms', 'outage');
    await expect(callRegistry({ db }, 'sms', 'send', () => Promise.reject(down))).rejects.toBe(down);
    expect(await lastCall('sms')).toMatchObject({ operation: 'send', outcome: 'outage' });
    const bug = new TypeError('boom');
    await expect(callRegistry({ db }, 'sms', 'send', () => Promise.reject(bug))).rejects.toBe(bug);
    expect(await lastCall('sms')).toMatchObject({ outcome: 'error' });
  });

  it('with logDb, failed calls stay logged when the caller rolls its transaction back', async () => {
    await setFault(db, 'cadastre', { ...noFault, errorRate: 1 });
    const before = (await db.select().from(registryCalls).where(eq(registryCalls.system, 'cadastre'))).length;
    const rollback = new Error('rollback');
    for (const logDb of [db, undefined]) {
      await expect(
        db.transaction(async (tx) => {
          await getRegistries(tx, { logDb, applicationId: 'app-7' })
            .cadastre.findProperty('X')
            .catch(() => null);
          throw rollback;
        }),
      ).rejects.toBe(rollback);
    }
    const rows = await db.select().from(registryCalls).where(eq(registryCalls.system, 'cadastre'));
    expect(rows.length).toBe(before + 1); // the one logged through the pool, not the one inside the transaction
    expect(rows.at(-1)).toMatchObject({ outcome: 'error', applicationId: 'app-7' });
  });
});

describe('hasBeenFailingFor (SPEC §5: a failure lasting more than 10 minutes)', () => {
  const now = new Date();
  const log = (system: RegistrySystem, calls: [number, 'ok' | 'not_found' | 'error' | 'outage'][]) =>
    db
      .insert(registryCalls)
      .values(calls.map(([m, outcome]) => ({ system, operation: 'x', outcome, durationMs: 1, at: minutesAgo(now, m) })));

  beforeEach(async () => {
    await db.delete(registryCalls);
  });

  it('an outage declared at least N minutes ago', async () => {
    expect(await hasBeenFailingFor(db, 'bmg', 10, now)).toBe(false);
    await setFault(db, 'bmg', { ...noFault, outageSince: minutesAgo(now, 10) });
    expect(await hasBeenFailingFor(db, 'bmg', 10, now)).toBe(true);
    await setFault(db, 'bmg', { ...noFault, outageSince: minutesAgo(now, 10 - 1 / 60) });
    expect(await hasBeenFailingFor(db, 'bmg', 10, now)).toBe(false);
  });

  it('every call failed since a streak that began at least N minutes ago and is still going', async () => {
    await log('bmg', [
      [30, 'ok'],
      [10, 'error'],
      [1, 'outage'],
    ]);
    expect(await hasBeenFailingFor(db, 'bmg', 10, now)).toBe(true);
    await log('sms', [
      [9.99, 'error'],
      [1, 'error'],
    ]);
    expect(await hasBeenFailingFor(db, 'sms', 10, now)).toBe(false);
    await log('digital_id', [
      [15, 'error'],
      [-1, 'ok'],
      [1, 'error'],
    ]); // a call after `now` does not count
    expect(await hasBeenFailingFor(db, 'digital_id', 10, now)).toBe(true);
  });

  it('an answer in between restarts the streak; old failures alone are not a current failure', async () => {
    await log('zags', [
      [15, 'error'],
      [5, 'ok'],
      [1, 'error'],
    ]);
    expect(await hasBeenFailingFor(db, 'zags', 10, now)).toBe(false);
    await log('cadastre', [
      [15, 'error'],
      [5, 'not_found'],
      [1, 'error'],
    ]); // not_found is an answer
    expect(await hasBeenFailingFor(db, 'cadastre', 10, now)).toBe(false);
    await log('education', [
      [20, 'error'],
      [15, 'error'],
    ]);
    expect(await hasBeenFailingFor(db, 'education', 10, now)).toBe(false);
  });
});

describe('payment callback signature (HMAC-SHA256)', () => {
  const secret = 'gateway-test-secret';
  const payload: CallbackPayload = {
    eventId: 'evt_1',
    invoiceId: 'inv-1',
    merchantRef: 'pay-1',
    outcome: 'paid',
    amountTiyn: 86_500,
    at: '2026-03-01T10:00:00.000Z',
  };

  it('matches the RFC 4231 test vector', () => {
    expect(signCallback('what do ya want for nothing?', 'Jefe')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('verifies the signed body and rejects a tampered body, another secret or a malformed signature', () => {
    const body = callbackBody(payload);
    const sig = signCallback(payload, secret);
    expect(sig).toBe(signCallback(body, secret));
    expect(verifyCallback(body, sig, secret)).toBe(true);
    expect(verifyCallback(body, sig.toUpperCase(), secret)).toBe(true);
    expect(verifyCallback(body.replace('86500', '1'), sig, secret)).toBe(false);
    expect(verifyCallback(body, sig, 'other-secret')).toBe(false);
    expect(verifyCallback(body, sig.slice(0, 62), secret)).toBe(false);
    expect(verifyCallback(body, `${sig.slice(0, 62)}zz`, secret)).toBe(false);
    expect(() => signCallback(payload, '')).toThrow();
  });

  it('signs what the gateway simulator returns on completion', async () => {
    const gateway = getRegistries(db).payments;
    const { invoiceId } = await gateway.createInvoice({
      merchantRef: 'pay-9',
      amountTiyn: 100,
      descriptionKk: 'Б',
      descriptionRu: 'П',
      returnUrl: '/kk',
    });
    const done = await gateway.complete(invoiceId, 'declined');
    expect(done).not.toBeNull();
    if (!done) return;
    expect(verifyCallback(callbackBody(done), signCallback(done, secret), secret)).toBe(true);
    expect(JSON.parse(callbackBody(done))).toEqual(done);
  });
});

describe('call log privacy', () => {
  it('no IIN or phone in registry_calls', async () => {
    await getRegistries(db, { applicationId: 'app-1' }).bmg.findPhone(IIN);
    const rows = JSON.stringify(await db.select().from(registryCalls));
    expect(rows).toContain('app-1');
    expect(rows).not.toContain(IIN);
    expect(rows).not.toContain('7011234567');
  });
});
