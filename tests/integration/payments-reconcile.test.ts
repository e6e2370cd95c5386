// Lost callbacks (issue 14): the reconciliation job asks the gateway about payments pending longer than N minutes
// and applies the answer through the callback's code path — exactly once, and a second run changes nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema/audit';
import { paymentCallbacks, payments } from '@/db/schema/payments';
import { fees, mrpValues } from '@/db/schema/reference';
import { handlePaymentCallback } from '@/lib/payments/callback';
import { payForPurpose } from '@/lib/payments/purpose';
import { reconcilePendingPayments } from '@/lib/payments/reconcile';
import { getRegistries, invalidateFaultCache, setFault } from '@/lib/registries';
import { callbackBody, signCallback } from '@/lib/registries/payments/signature';
import { freshDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';

const SECRET = 'test-secret-0123456789';
let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  database = await freshDatabase();
  invalidateFaultCache();
  await database.db.insert(mrpValues).values([{ year: 2026, valueTenge: 4325 }]);
  await database.db.insert(fees).values([{ code: 'id_card.duty', pilot: 'id_card', nameKk: 'т', nameRu: 'р', mrpMilli: 200 }]);
});
afterAll(async () => {
  await database.drop();
});

const base = { year: 2026, descriptionKk: 'Баж', descriptionRu: 'Пошлина', returnPath: '/kk/cabinet/payments', feeCodes: ['id_card.duty'] };
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** A payment opened at the gateway and paid there, whose callback never reached the portal. */
async function paidWithLostCallback(purposeKey: string, outcome: 'paid' | 'declined' = 'paid') {
  const { db } = database;
  const citizen = await makeUser(db, 'citizen');
  const reg = getRegistries(db);
  const started = await payForPurpose(db, reg, { ...base, payerIin: citizen.iin, purposeKey });
  const payload = (await reg.payments.complete(started.payUrl.split('/').pop()!, outcome))!;
  return { paymentId: started.paymentId, payload };
}

const statusOf = async (id: string) => (await database.db.select().from(payments).where(eq(payments.id, id)))[0]!.status;
const auditsOf = async (action: string, paymentId: string) =>
  (await database.db.select().from(auditEvents).where(eq(auditEvents.action, action))).filter((e) => e.data.payment === paymentId);

describe('payment reconciliation', () => {
  it('a payment whose callback was lost becomes paid after the job, exactly once; a second run changes nothing', async () => {
    const { db } = database;
    const { paymentId } = await paidWithLostCallback('r:lost');
    const reg = getRegistries(db);
    // Not yet N minutes old: not asked.
    expect((await reconcilePendingPayments(db, reg, { olderThanMinutes: 15 })).asked).toBe(0);
    expect(await statusOf(paymentId)).toBe('pending');

    const first = await reconcilePendingPayments(db, reg, { olderThanMinutes: 15, now: later(16) });
    expect(first).toMatchObject({ applied: 1 });
    expect(await statusOf(paymentId)).toBe('paid');
    expect(await auditsOf('payment.paid', paymentId)).toHaveLength(1);
    expect(await auditsOf('payment.reconciled', paymentId)).toHaveLength(1);
    expect(await db.select().from(paymentCallbacks).where(eq(paymentCallbacks.paymentId, paymentId))).toHaveLength(1);

    const second = await reconcilePendingPayments(db, reg, { olderThanMinutes: 15, now: later(17) });
    expect(second.applied).toBe(0);
    expect(await auditsOf('payment.paid', paymentId)).toHaveLength(1);
    expect(await auditsOf('payment.reconciled', paymentId)).toHaveLength(1);
  });

  it('the callback arriving after reconciliation is a duplicate', async () => {
    const { db } = database;
    const { paymentId, payload } = await paidWithLostCallback('r:late');
    await reconcilePendingPayments(db, getRegistries(db), { olderThanMinutes: 15, now: later(16) });
    const body = callbackBody(payload);
    expect(await handlePaymentCallback(db, body, signCallback(body, SECRET), SECRET, null)).toEqual({ status: 200, outcome: 'duplicate' });
    expect(await auditsOf('payment.paid', paymentId)).toHaveLength(1);
  });

  it('a decline learnt from the gateway is applied; an invoice still open is left pending', async () => {
    const { db } = database;
    const declined = await paidWithLostCallback('r:declined', 'declined');
    const citizen = await makeUser(db, 'citizen');
    const open = await payForPurpose(db, getRegistries(db), { ...base, payerIin: citizen.iin, purposeKey: 'r:open' });
    await reconcilePendingPayments(db, getRegistries(db), { olderThanMinutes: 15, now: later(16) });
    expect(await statusOf(declined.paymentId)).toBe('declined');
    expect(await statusOf(open.paymentId)).toBe('pending');
    expect(await auditsOf('payment.reconciled', open.paymentId)).toHaveLength(0);
  });

  it('the gateway not answering changes nothing; the next run applies it', async () => {
    const { db } = database;
    const { paymentId } = await paidWithLostCallback('r:outage');
    await setFault(db, 'payments', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 1000) });
    invalidateFaultCache();
    const failed = await reconcilePendingPayments(db, getRegistries(db), { olderThanMinutes: 15, now: later(16) });
    expect(failed.failed).toBeGreaterThan(0);
    expect(await statusOf(paymentId)).toBe('pending');
    await setFault(db, 'payments', { latencyMs: 0, errorRate: 0, outageSince: null });
    invalidateFaultCache();
    await reconcilePendingPayments(db, getRegistries(db), { olderThanMinutes: 15, now: later(16) });
    expect(await statusOf(paymentId)).toBe('paid');
    expect(
      await db
        .select()
        .from(paymentCallbacks)
        .where(and(eq(paymentCallbacks.paymentId, paymentId), eq(paymentCallbacks.outcome, 'paid'))),
    ).toHaveLength(1);
  });
});
