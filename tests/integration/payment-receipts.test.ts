// Receipts (issue 15) against a real PostgreSQL: the number is given once when the money arrives, in sequence per
// year, whatever the callbacks repeat; the receipt opens for its payer and for staff in the application's scope only,
// and every opening and refusal is audited.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { payments } from '@/db/schema/payments';
import { fees, mrpValues } from '@/db/schema/reference';
import { localYear } from '@/lib/calendar/local';
import { handlePaymentCallback } from '@/lib/payments/callback';
import { payForPurpose } from '@/lib/payments/purpose';
import { parseReceiptNumber } from '@/lib/payments/receipt';
import { receiptFor } from '@/lib/payments/receipt-access';
import { getRegistries, invalidateFaultCache } from '@/lib/registries';
import { callbackBody, signCallback } from '@/lib/registries/payments/signature';
import { freshDatabase } from '@/tests/support/db';
import { makeScopes, makeUser, scopeFor } from '@/tests/support/factories';

const SECRET = 'test-secret-0123456789';
let database: Awaited<ReturnType<typeof freshDatabase>>;
let scopes: Awaited<ReturnType<typeof makeScopes>>;
let other: Awaited<ReturnType<typeof makeScopes>>;

beforeAll(async () => {
  database = await freshDatabase();
  invalidateFaultCache();
  await database.db.insert(mrpValues).values([{ year: localYear(), valueTenge: 4325 }]);
  await database.db.insert(fees).values([{ code: 'id_card.duty', pilot: 'id_card', nameKk: 'т', nameRu: 'р', mrpMilli: 200 }]);
  scopes = await makeScopes(database.db, '01');
  other = await makeScopes(database.db, '02');
});
afterAll(async () => {
  await database.drop();
});

let n = 0;
/** An ID-card application in region 01 (CON 1 of makeScopes) with a payment that the gateway settles as `outcome`. */
async function paid(payerIin: string, outcome: 'paid' | 'declined' | null = 'paid') {
  const { db } = database;
  const [app] = await db
    .insert(applications)
    .values({
      number: `IDR-2026-9${String(++n).padStart(5, '0')}`,
      pilot: 'id_card',
      status: 'draft',
      applicantIin: payerIin,
      regionCode: scopes.regionCode,
      serviceCentreId: scopes.serviceCentreId,
      registrationPointId: scopes.registrationPointId,
    })
    .returning();
  const reg = getRegistries(db);
  const started = await payForPurpose(db, reg, {
    payerIin,
    applicationId: app!.id,
    purposeKey: `receipt:${app!.id}`,
    feeCodes: ['id_card.duty'],
    descriptionKk: 'Баж',
    descriptionRu: 'Пошлина',
    returnPath: '/kk/cabinet/payments',
  });
  let body: string | null = null;
  if (outcome) {
    body = callbackBody((await reg.payments.complete(started.payUrl.split('/').pop()!, outcome))!);
    expect(await handlePaymentCallback(db, body, signCallback(body, SECRET), SECRET, null)).toMatchObject({ outcome: 'applied' });
  }
  const [row] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
  return { app: app!, payment: row!, body };
}

describe('receipt numbers', () => {
  it('are given when the money arrives, once, in sequence within the year', async () => {
    const { db } = database;
    const citizen = await makeUser(db, 'citizen');
    const first = await paid(citizen.iin);
    const second = await paid(citizen.iin);
    const a = parseReceiptNumber(first.payment.receiptNumber!);
    const b = parseReceiptNumber(second.payment.receiptNumber!);
    expect(a?.year).toBe(localYear(first.payment.paidAt!));
    expect(b).toEqual({ year: a!.year, seq: a!.seq + 1 });
    // the same callback again changes nothing: the number stays
    const body = first.body!;
    expect(await handlePaymentCallback(db, body, signCallback(body, SECRET), SECRET, null)).toMatchObject({ outcome: 'duplicate' });
    const [again] = await db.select().from(payments).where(eq(payments.id, first.payment.id));
    expect(again!.receiptNumber).toBe(first.payment.receiptNumber);
    // and the next payment still takes the next number (no number was spent on the duplicate)
    const third = await paid(citizen.iin);
    expect(parseReceiptNumber(third.payment.receiptNumber!)?.seq).toBe(b!.seq + 1);
  });

  it('are not given to a declined or an unpaid payment', async () => {
    const citizen = await makeUser(database.db, 'citizen');
    expect((await paid(citizen.iin, 'declined')).payment.receiptNumber).toBeNull();
    expect((await paid(citizen.iin, null)).payment.receiptNumber).toBeNull();
  });
});

describe('who may open a receipt', () => {
  /** The audit rows of `action` about this payment (a refusal names the id asked for, an opening the payment). */
  const audits = async (action: 'access.denied' | 'payment.receipt_viewed', paymentId: string) =>
    (await database.db.select().from(auditEvents).where(eq(auditEvents.action, action))).filter((r) => {
      const data = r.data as { id?: string; payment?: string; view?: string };
      return action === 'access.denied' ? data.view === 'payment.receipt' && data.id === paymentId : data.payment === paymentId;
    });

  it('the payer: their own paid payment, audited', async () => {
    const { db } = database;
    const payer = await makeUser(db, 'citizen');
    const { payment, app } = await paid(payer.iin);
    const found = await receiptFor(payer, payment.id, db);
    expect(found).toMatchObject({ viewer: 'payer', applicationNumber: app.number, payment: { receiptNumber: payment.receiptNumber } });
    const rows = await audits('payment.receipt_viewed', payment.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subjectIin).toBeNull();
  });

  it('staff who check payments, in the application’s scope; the payer sees it in their access log', async () => {
    const { db } = database;
    const payer = await makeUser(db, 'citizen');
    const { payment } = await paid(payer.iin);
    for (const role of ['ums_reviewer', 'migration_officer', 'con_operator'] as const) {
      const staff = await makeUser(db, role, scopeFor(role, scopes));
      expect(await receiptFor(staff, payment.id, db), role).toMatchObject({ viewer: 'staff' });
    }
    const viewed = await audits('payment.receipt_viewed', payment.id);
    expect(viewed).toHaveLength(3);
    expect(viewed.every((r) => r.subjectIin === payer.iin && r.actorRole !== 'citizen')).toBe(true);
  });

  it('nobody else: another citizen, staff of another region or CON, roles that do not check payments, a probe', async () => {
    const { db } = database;
    const payer = await makeUser(db, 'citizen');
    const { payment } = await paid(payer.iin);
    const outsiders = [
      await makeUser(db, 'citizen'),
      await makeUser(db, 'ums_reviewer', scopeFor('ums_reviewer', other)),
      await makeUser(db, 'con_operator', scopeFor('con_operator', other)),
      await makeUser(db, 'con_reception', scopeFor('con_reception', scopes)),
      await makeUser(db, 'dealer', scopeFor('dealer', scopes)),
    ];
    for (const actor of outsiders) expect(await receiptFor(actor, payment.id, db), actor.grants[0]!.role).toBeNull();
    expect(await audits('access.denied', payment.id)).toHaveLength(outsiders.length);
    expect(await receiptFor(payer, 'not-a-uuid', db)).toBeNull();
    expect(await receiptFor(payer, '00000000-0000-4000-8000-000000000001', db)).toBeNull();
  });

  it('not even the payer before the money arrives', async () => {
    const { db } = database;
    const payer = await makeUser(db, 'citizen');
    const { payment } = await paid(payer.iin, null);
    expect(await receiptFor(payer, payment.id, db)).toBeNull();
    expect(await audits('access.denied', payment.id)).toHaveLength(1);
  });
});
