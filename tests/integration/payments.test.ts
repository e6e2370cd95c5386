// Payments (SPEC §2.4) and notification delivery (SPEC §2.5) against a real PostgreSQL and the simulators.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { notifications, outbox, smsMessages } from '@/db/schema/notifications';
import { paymentCallbacks, payments, refunds } from '@/db/schema/payments';
import { fees, mrpValues } from '@/db/schema/reference';
import { smsGateway } from '@/db/schema/registry';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { handlePaymentCallback } from '@/lib/payments/callback';
import { payForPurpose } from '@/lib/payments/purpose';
import { getRegistries, invalidateFaultCache } from '@/lib/registries';
import type { CallbackPayload } from '@/lib/registries/payments/port';
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
afterAll(async () => {
  await database.drop();
});

const base = { year: 2026, descriptionKk: 'Баж', descriptionRu: 'Пошлина', returnPath: '/kk/cabinet/payments' };

async function pay(purposeKey: string, payerIin: string, outcome: 'paid' | 'declined' = 'paid', feeCodes = ['id_card.duty']) {
  const { db } = database;
  const reg = getRegistries(db);
  const started = await payForPurpose(db, reg, { ...base, payerIin, purposeKey, feeCodes });
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
    const a = await payForPurpose(db, reg, { ...base, payerIin: citizen.iin, purposeKey: 'p:double', feeCodes: ['id_card.duty'] });
    const b = await payForPurpose(db, reg, { ...base, payerIin: citizen.iin, purposeKey: 'p:double', feeCodes: ['id_card.duty'] });
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
    expect(
      await db
        .select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, `payment:${p!.id}:paid`)),
    ).toHaveLength(1);
    await expect(
      payForPurpose(db, getRegistries(db), { ...base, payerIin: citizen.iin, purposeKey: 'p:once', feeCodes: ['id_card.duty'] }),
    ).rejects.toMatchObject({ code: 'already_paid' });
  });

  it('rejects and audits a bad signature, changing nothing', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const { started, body } = await pay('p:forged', citizen.iin);
    const forged = body.replace('"paid"', '"paid" ');
    expect(await handlePaymentCallback(db, forged, signCallback(body, SECRET), SECRET, '10.0.0.1')).toEqual({
      status: 401,
      outcome: 'rejected',
    });
    expect(await handlePaymentCallback(db, body, signCallback(body, 'another-secret-123456'), SECRET, null)).toMatchObject({ status: 401 });
    const [p] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(p!.status).toBe('pending');
    expect((await db.select().from(auditEvents).where(eq(auditEvents.action, 'payment.callback_rejected'))).length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('a declined payment can be retried with a new payment', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const first = await pay('p:retry', citizen.iin, 'declined');
    expect(await handlePaymentCallback(db, first.body, first.signature, SECRET, null)).toMatchObject({ outcome: 'applied' });
    const second = await pay('p:retry', citizen.iin, 'paid');
    expect(second.started.paymentId).not.toBe(first.started.paymentId);
    await handlePaymentCallback(db, second.body, second.signature, SECRET, null);
    const rows = await db
      .select({ status: payments.status })
      .from(payments)
      .where(eq(payments.purposeKey, 'p:retry'))
      .orderBy(payments.createdAt);
    expect(rows.map((r) => r.status)).toEqual(['declined', 'paid']);
  });
});

/** A callback as the bank would send it, for the cases the simulator never produces (late paid, foreign invoice). */
function callback(payload: CallbackPayload) {
  const body = callbackBody(payload);
  return handlePaymentCallback(database.db, body, signCallback(body, SECRET), SECRET, null);
}

describe('payments by purpose, under concurrency', () => {
  it('two parallel "Pay" clicks make one pending payment and one invoice', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const reg = getRegistries(db);
    const input = { ...base, payerIin: citizen.iin, purposeKey: `p:race:${randomUUID()}`, feeCodes: ['id_card.duty'] };
    const [a, b] = await Promise.all([payForPurpose(db, reg, input), payForPurpose(db, reg, input)]);
    expect(b).toEqual(a);
    const rows = await db.select().from(payments).where(eq(payments.purposeKey, input.purposeKey));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.gatewayInvoiceId).toBe(a.payUrl.split('/').pop());
  });

  it('the database refuses a second pending payment for a purpose, whoever writes it', async () => {
    const { db } = database;
    const row = { payerIin: '000000000000', lines: [], amountTiyn: 100, purposeKey: `p:index:${randomUUID()}` };
    await db.insert(payments).values(row);
    await expect(db.insert(payments).values(row)).rejects.toThrow();
    await db.insert(payments).values({ ...row, status: 'declined' });
  });

  it('a pending payment at an old fee is superseded by one at today’s fee, not reused', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const reg = getRegistries(db);
    const purposeKey = `p:refee:${randomUUID()}`;
    const old = await payForPurpose(db, reg, { ...base, payerIin: citizen.iin, purposeKey, feeCodes: ['vehicle.registration'] });
    const now = await payForPurpose(db, reg, {
      ...base,
      payerIin: citizen.iin,
      purposeKey,
      feeCodes: ['vehicle.registration', 'vehicle.srts'],
    });
    expect(now.paymentId).not.toBe(old.paymentId);
    expect(now.payUrl).not.toBe(old.payUrl);
    const rows = await db.select().from(payments).where(eq(payments.purposeKey, purposeKey)).orderBy(payments.createdAt);
    expect(rows.map((r) => [r.status, r.amountTiyn])).toEqual([
      ['superseded', 108_100],
      ['pending', 648_700],
    ]);
    // The payer pays the old tab anyway: the money comes back, the new invoice still stands.
    const late = (await reg.payments.complete(old.payUrl.split('/').pop()!, 'paid'))!;
    expect(await callback(late)).toMatchObject({ outcome: 'applied' });
    const [refund] = await db.select().from(refunds).where(eq(refunds.paymentId, old.paymentId));
    expect(refund).toMatchObject({ amountTiyn: 108_100, reason: 'payment_superseded' });
    const [current] = await db.select().from(payments).where(eq(payments.id, now.paymentId));
    expect(current!.status).toBe('pending');
  });

  it('a new MRP year makes a new payment too', async () => {
    const { db } = database;
    await db.insert(mrpValues).values({ year: 2027, valueTenge: 4500 }).onConflictDoNothing();
    const citizen = await makeUser(db, 'citizen');
    const reg = getRegistries(db);
    const purposeKey = `p:year:${randomUUID()}`;
    const old = await payForPurpose(db, reg, { ...base, payerIin: citizen.iin, purposeKey, feeCodes: ['id_card.duty'] });
    const now = await payForPurpose(db, reg, { ...base, year: 2027, payerIin: citizen.iin, purposeKey, feeCodes: ['id_card.duty'] });
    expect(now.paymentId).not.toBe(old.paymentId);
    const [p] = await db.select().from(payments).where(eq(payments.id, now.paymentId));
    expect(p!.amountTiyn).toBe(90_000);
  });

  it('`paid` after `declined` for the same invoice is applied, not dropped as a duplicate', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const { started, payload } = await pay(`p:late:${randomUUID()}`, citizen.iin, 'declined');
    expect(await callback(payload)).toMatchObject({ outcome: 'applied' });
    expect(await callback({ ...payload, eventId: `${payload.eventId}:2`, outcome: 'paid' })).toEqual({ status: 200, outcome: 'applied' });
    const [p] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(p!.status).toBe('paid');
    expect(p!.paidAt).not.toBeNull();
    // …and a decline after the money never undoes it.
    expect(await callback({ ...payload, eventId: `${payload.eventId}:3`, outcome: 'declined' })).toMatchObject({ outcome: 'duplicate' });
    expect((await db.select().from(payments).where(eq(payments.id, started.paymentId)))[0]!.status).toBe('paid');
  });

  it('a callback whose invoice is not the payment’s is rejected and audited, changing nothing', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const { started, payload } = await pay(`p:foreign:${randomUUID()}`, citizen.iin);
    const foreign = randomUUID();
    expect(await callback({ ...payload, invoiceId: foreign })).toEqual({ status: 400, outcome: 'unknown_payment' });
    const [p] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(p!.status).toBe('pending');
    const audited = await db.select().from(auditEvents).where(eq(auditEvents.action, 'payment.callback_unknown'));
    expect(audited.some((a) => (a.data as { invoice?: string }).invoice === foreign)).toBe(true);
    expect(await callback(payload)).toMatchObject({ outcome: 'applied' });
  });

  it('a fee paid after its application was closed becomes a refund, and the purpose may be paid again', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const [app] = await db
      .insert(applications)
      .values({ number: `ID-LATE-${randomUUID().slice(0, 8)}`, pilot: 'id_card', status: 'awaiting_payment', applicantIin: citizen.iin })
      .returning();
    const purposeKey = `id_card:${app!.id}:duty`;
    const reg = getRegistries(db);
    const started = await payForPurpose(db, reg, {
      ...base,
      payerIin: citizen.iin,
      applicationId: app!.id,
      purposeKey,
      feeCodes: ['id_card.duty'],
    });
    await db.update(applications).set({ status: 'refused' }).where(eq(applications.id, app!.id)); // withdrawn while the gateway page was open
    const payload = (await reg.payments.complete(started.payUrl.split('/').pop()!, 'paid'))!;
    expect(await callback(payload)).toMatchObject({ outcome: 'applied' });
    const [p] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(p!.status).toBe('refunded');
    const [refund] = await db.select().from(refunds).where(eq(refunds.paymentId, started.paymentId));
    expect(refund).toMatchObject({ amountTiyn: 86_500, reason: 'paid_after_close', status: 'pending' });
    const [row] = await db.select().from(applications).where(eq(applications.id, app!.id));
    expect(row!.status).toBe('refused');
  });

  it('a late `paid` on a declined payment after a retry opened a new one keeps one paid payment', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const purposeKey = `p:retry-late:${randomUUID()}`;
    const first = await pay(purposeKey, citizen.iin, 'declined');
    await callback(first.payload);
    const second = await payForPurpose(db, getRegistries(db), { ...base, payerIin: citizen.iin, purposeKey, feeCodes: ['id_card.duty'] });
    expect(await callback({ ...first.payload, eventId: `${first.payload.eventId}:late`, outcome: 'paid' })).toMatchObject({
      outcome: 'applied',
    });
    const rows = await db.select().from(payments).where(eq(payments.purposeKey, purposeKey)).orderBy(payments.createdAt);
    expect(rows.map((r) => r.status)).toEqual(['paid', 'superseded']);
    expect(rows[1]!.id).toBe(second.paymentId);
    await expect(
      payForPurpose(db, getRegistries(db), { ...base, payerIin: citizen.iin, purposeKey, feeCodes: ['id_card.duty'] }),
    ).rejects.toMatchObject({ code: 'already_paid' });
  });
});

describe('migration 0009 on a database with data', () => {
  it('keeps one pending/paid payment per purpose, refunds a second paid one, then builds the index', async () => {
    const { db, client } = database;
    await client.unsafe('drop index payments_one_active_per_purpose');
    const row = (purposeKey: string, status: 'pending' | 'paid', minutesAgo: number) => ({
      payerIin: '000000000000',
      lines: [],
      amountTiyn: 100,
      purposeKey,
      status,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    });
    const [k1, k2] = [`m:${randomUUID()}`, `m:${randomUUID()}`];
    const [paidFirst, paidSecond, pendingA] = await db
      .insert(payments)
      .values([row(k1, 'paid', 30), row(k1, 'paid', 20), row(k1, 'pending', 10), row(k2, 'pending', 30), row(k2, 'pending', 10)])
      .returning();
    const sqlText = await readFile('db/migrations/0009_one_payment_per_purpose.sql', 'utf8');
    for (const statement of sqlText.split('--> statement-breakpoint')) await client.unsafe(statement);
    const after = await db
      .select()
      .from(payments)
      .where(inArray(payments.purposeKey, [k1, k2]))
      .orderBy(payments.purposeKey, payments.createdAt);
    const statusOf = (id: string) => after.find((p) => p.id === id)!.status;
    expect(statusOf(paidFirst!.id)).toBe('paid');
    expect([statusOf(paidSecond!.id), statusOf(pendingA!.id)]).toEqual(['superseded', 'superseded']);
    expect(after.filter((p) => p.purposeKey === k2).map((p) => p.status)).toEqual(['superseded', 'pending']); // the newest pending stays
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, paidSecond!.id))).toMatchObject([{ reason: 'paid_twice' }]);
    await expect(db.insert(payments).values(row(k2, 'pending', 0))).rejects.toThrow();
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
    // No application behind this payment: the notice says what was paid, never a payment id as a "number".
    expect(mine[0]!.kind).toBe('payment_received_plain');
    expect(mine[0]!.params).toEqual({ amountTiyn: expect.any(Number) });
    const sms = await db.select().from(smsMessages).where(eq(smsMessages.phone, '+77015550101'));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.locale).toBe('ru');
    expect(sms[0]!.text).toContain('₸');
    expect(sms[0]!.text).toContain('Оплата');
    expect(
      await db
        .select()
        .from(smsGateway)
        .where(and(eq(smsGateway.phone, '+77015550101'))),
    ).toHaveLength(1);
    const [row] = await db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `payment:${started.paymentId}:paid`));
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
