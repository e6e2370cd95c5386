// Payments (SPEC §2.4) and notification delivery (SPEC §2.5) against a real PostgreSQL and the simulators.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema/audit';
import { notifications, outbox, smsMessages } from '@/db/schema/notifications';
import { paymentCallbacks, payments } from '@/db/schema/payments';
import { fees, mrpValues } from '@/db/schema/reference';
import { smsGateway } from '@/db/schema/registry';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { handlePaymentCallback } from '@/lib/payments/callback';
import { startPayment } from '@/lib/payments/service';
import { getRegistries, invalidateFaultCache } from '@/lib/registries';
import { callbackBody, signCallback } from '@/lib/registries/payments/signature';
import { freshDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';

const SECRET = 'test-secret-0123456789';
let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  database = await freshDatabase();
  invalidateFaultCache();
  await database.db.insert(mrpValues).values([{ year: 2026, valueTenge: 4325 }]);
  await database.db.insert(fees).values([
    { code: 'vehicle.registration', pilot: 'vehicle', nameKk: 'т', nameRu: 'р', mrpMilli: 250 },
    { code: 'vehicle.srts', pilot: 'vehicle', nameKk: 'т', nameRu: 'р', mrpMilli: 1250 },
    { code: 'id_card.duty', pilot: 'id_card', nameKk: 'т', nameRu: 'р', mrpMilli: 200 },
  ]);
});
afterAll(async () => { await database.drop(); });

const base = { year: 2026, descriptionKk: 'Баж', descriptionRu: 'Пошлина', returnPath: '/kk/cabinet/payments' };

async function pay(purposeKey: string, payerIin: string, outcome: 'paid' | 'declined' = 'paid', feeCodes = ['id_card.duty']) {
  const { db } = database;
  const reg = getRegistries(db);
  const started = await startPayment(db, reg, { ...base, payerIin, purposeKey, feeCodes });
  const invoiceId = started.payUrl.split('/').pop()!;
  const payload = (await reg.payments.complete(invoiceId, outcome))!;
  const body = callbackBody(payload);
  return { started, payload, body, signature: signCallback(body, SECRET) };
}

describe('payments', () => {
  it('prices fees from the fee table at the year’s MRP, in tiyn', async () => {
    const citizen = await makeUser(database.db, 'citizen');
    const { started } = await pay('p:price', citizen.iin, 'paid', ['vehicle.registration', 'vehicle.srts']);
    const [p] = await database.db.select().from(payments).where(eq(payments.id, started.paymentId));
    // 0.25 MRP = 1 081.25 → 1 081 ₸ (half up), 1.25 MRP = 5 406.25 → 5 406 ₸
    expect(p!.lines.map((l) => l.amountTiyn)).toEqual([108_100, 540_600]);
    expect(p!.amountTiyn).toBe(648_700);
  });

  it('a double click reuses the same open payment and invoice', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const reg = getRegistries(db);
    const a = await startPayment(db, reg, { ...base, payerIin: citizen.iin, purposeKey: 'p:double', feeCodes: ['id_card.duty'] });
    const b = await startPayment(db, reg, { ...base, payerIin: citizen.iin, purposeKey: 'p:double', feeCodes: ['id_card.duty'] });
    expect(b).toEqual(a);
    expect(await db.select().from(payments).where(eq(payments.purposeKey, 'p:double'))).toHaveLength(1);
  });

  it('applies a signed callback once; the same callback again is a duplicate; paying again is refused', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const { started, body, signature } = await pay('p:once', citizen.iin);
    expect(await handlePaymentCallback(db, body, signature, SECRET, null)).toEqual({ status: 200, outcome: 'applied' });
    expect(await handlePaymentCallback(db, body, signature, SECRET, null)).toEqual({ status: 200, outcome: 'duplicate' });
    const [p] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(p!.status).toBe('paid');
    expect(await db.select().from(paymentCallbacks).where(eq(paymentCallbacks.paymentId, p!.id))).toHaveLength(1);
    expect(await db.select().from(outbox).where(eq(outbox.dedupeKey, `payment:${p!.id}:paid`))).toHaveLength(1);
    await expect(startPayment(db, getRegistries(db), { ...base, payerIin: citizen.iin, purposeKey: 'p:once', feeCodes: ['id_card.duty'] }))
      .rejects.toMatchObject({ code: 'already_paid' });
  });

  it('rejects and audits a bad signature, changing nothing', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const { started, body } = await pay('p:forged', citizen.iin);
    const forged = body.replace('"paid"', '"paid" ');
    expect(await handlePaymentCallback(db, forged, signCallback(body, SECRET), SECRET, '10.0.0.1')).toEqual({ status: 401, outcome: 'rejected' });
    expect(await handlePaymentCallback(db, body, signCallback(body, 'another-secret-123456'), SECRET, null)).toMatchObject({ status: 401 });
    const [p] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(p!.status).toBe('pending');
    expect((await db.select().from(auditEvents).where(eq(auditEvents.action, 'payment.callback_rejected'))).length).toBeGreaterThanOrEqual(2);
  });

  it('a declined payment can be retried with a new payment', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const first = await pay('p:retry', citizen.iin, 'declined');
    expect(await handlePaymentCallback(db, first.body, first.signature, SECRET, null)).toMatchObject({ outcome: 'applied' });
    const second = await pay('p:retry', citizen.iin, 'paid');
    expect(second.started.paymentId).not.toBe(first.started.paymentId);
    await handlePaymentCallback(db, second.body, second.signature, SECRET, null);
    const rows = await db.select({ status: payments.status }).from(payments).where(eq(payments.purposeKey, 'p:retry')).orderBy(payments.createdAt);
    expect(rows.map((r) => r.status)).toEqual(['declined', 'paid']);
  });
});

describe('outbox delivery', () => {
  it('delivers each notification and SMS exactly once, even with two workers at the same time', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen', {}, { phone: '+77015550101', locale: 'ru' });
    const { body, signature, started } = await pay('p:notify', citizen.iin);
    await handlePaymentCallback(db, body, signature, SECRET, null);
    await Promise.all([deliverOutbox(db), deliverOutbox(db)]);
    await deliverOutbox(db);
    const mine = await db.select().from(notifications).where(eq(notifications.recipientIin, citizen.iin));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.kind).toBe('payment_received');
    const sms = await db.select().from(smsMessages).where(eq(smsMessages.phone, '+77015550101'));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.locale).toBe('ru');
    expect(sms[0]!.text).toContain('₸');
    expect(sms[0]!.text).toContain('Оплата');
    expect(await db.select().from(smsGateway).where(and(eq(smsGateway.phone, '+77015550101')))).toHaveLength(1);
    const [row] = await db.select().from(outbox).where(eq(outbox.dedupeKey, `payment:${started.paymentId}:paid`));
    expect(row!.processedAt).not.toBeNull();
  });

  it('without a BMG number the person still gets the cabinet notification, and no SMS', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen', {}, { phone: null });
    const { body, signature } = await pay('p:nophone', citizen.iin);
    await handlePaymentCallback(db, body, signature, SECRET, null);
    await deliverOutbox(db);
    expect(await db.select().from(notifications).where(eq(notifications.recipientIin, citizen.iin))).toHaveLength(1);
  });
});
