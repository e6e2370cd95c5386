// ID-card renewal (order 002): the citizen's withdrawal from each state the machine allows — a draft, an unpaid
// application, a paid one waiting for UMS DP, an exempt one — with RP DRN's ticket cancelled, the paid duty refunded
// as an annulment refunds it, one withdrawal on a double submit, and an audit row; refused once UMS DP decided.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { payments } from '@/db/schema/payments';
import * as r from '@/db/schema/registry';
import { REG_POINT } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import { localDate } from '@/lib/calendar/local';
import {
  citizenApplication,
  dutyPurpose,
  payDuty,
  requestDocumentOf,
  saveForm,
  signAndSubmit,
  uploadPhoto,
  uploadSignatureSample,
} from '@/lib/id-card/citizen-service';
import { withdrawRenewal } from '@/lib/id-card/withdraw-service';
import { clearFaults, getRegistries, setFault } from '@/lib/registries';
import { seededDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';
import { payThroughGateway } from '@/tests/support/gateway';
import { startWithConsent } from '@/tests/support/id-card';
import { portraitJpeg, signaturePng } from '@/tests/support/images';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;

const DAY = 86_400_000;
const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });
const load = (actor: Actor, id: string) => citizenApplication(database.db, actor, id);

/** A citizen of Astana whose card expires in a week, with a BMG number; `exempt`: an AIS SIK status that exempts. */
async function renewer(exempt = false) {
  const phone = `+7701${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const actor = await makeUser(database.db, 'citizen', {}, { phone });
  await database.db
    .update(r.persons)
    .set({
      regionCode: '01',
      addressKk: 'Астана, к-сі 1',
      addressRu: 'Астана, ул. 1',
      docIssuedOn: '2016-12-01',
      docExpiresOn: localDate(new Date(Date.now() + 7 * DAY)),
    })
    .where(eq(r.persons.iin, actor.iin));
  if (exempt) await database.db.insert(r.socialStatuses).values({ iin: actor.iin, status: 'wwii_veteran', since: '2000-01-01' });
  return actor;
}

/** Steps 1–15: signed, registered with RP DRN (a ticket), then the duty due or exempt. */
async function signed(actor: Actor) {
  const c = ctx(actor);
  const { applicationId: id } = await startWithConsent(c);
  let app = await load(actor, id);
  await saveForm(c, { id, version: app.version, registrationPointId: REG_POINT.astana1, phone: '+77015554433' });
  app = await load(actor, id);
  await uploadPhoto(c, { id, version: app.version, bytes: await portraitJpeg() });
  app = await load(actor, id);
  await uploadSignatureSample(c, { id, version: app.version, bytes: await signaturePng() });
  app = await load(actor, id);
  const cms = await pki.sign(
    { iin: actor.iin, surname: actor.surname, givenName: actor.givenName },
    await requestDocumentOf(database.db, app, actor),
  );
  await signAndSubmit(c, { id, version: app.version, cms });
  return load(actor, id);
}

async function paid(actor: Actor) {
  const app = await signed(actor);
  const { payUrl } = await payDuty(ctx(actor), { id: app.id, locale: 'kk' });
  await payThroughGateway(database.db, payUrl);
  return load(actor, app.id);
}

const ticketStatus = async (ticket: string | null) =>
  (await database.db.select({ status: r.productionOrders.status }).from(r.productionOrders).where(eq(r.productionOrders.id, ticket!)))[0]
    ?.status;
const withdrawals = (id: string) =>
  database.db
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, id), eq(applicationEvents.type, 'withdraw')));
const audits = (id: string) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.applicationId, id), eq(auditEvents.action, 'application.withdraw')));
const dutyPayments = (id: string) =>
  database.db
    .select({ status: payments.status })
    .from(payments)
    .where(eq(payments.purposeKey, dutyPurpose(id)));

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
}, 120_000);
afterAll(async () => {
  await database.drop();
});
afterEach(async () => {
  await clearFaults(database.db);
});

describe('withdraw an ID-card renewal', () => {
  it('a draft has no ticket: withdrawn, closed, audited once', async () => {
    const actor = await renewer();
    const { applicationId: id } = await startWithConsent(ctx(actor));
    const draft = await load(actor, id);
    await expect(withdrawRenewal(ctx(actor), { id, version: draft.version })).resolves.toMatchObject({ status: 'withdrawn' });
    expect((await load(actor, id)).card.closedAt).not.toBeNull();
    expect(await audits(id)).toHaveLength(1);
  });

  it('unpaid (awaiting the duty): RP DRN’s ticket is cancelled; nothing to refund', async () => {
    const actor = await renewer();
    const app = await signed(actor);
    expect(app.status).toBe('awaiting_payment');
    expect(await ticketStatus(app.card.rpDrnTicket)).toBe('registered');
    await withdrawRenewal(ctx(actor), { id: app.id, version: app.version });
    expect(await ticketStatus(app.card.rpDrnTicket)).toBe('cancelled');
    expect((await withdrawals(app.id))[0]?.data).toMatchObject({ from: 'awaiting_payment', ticketCancelled: true });
    expect(await dutyPayments(app.id)).toEqual([]);
  });

  it('paid, waiting for UMS DP: the ticket is cancelled and the duty refunded (the annulment’s refund path)', async () => {
    const actor = await renewer();
    const app = await paid(actor);
    expect(app.status).toBe('under_review');
    expect(await dutyPayments(app.id)).toEqual([{ status: 'paid' }]);
    const done = await withdrawRenewal(ctx(actor), { id: app.id, version: app.version });
    expect(done.status).toBe('withdrawn');
    expect(await dutyPayments(app.id)).toEqual([{ status: 'refunded' }]);
    expect(await ticketStatus(app.card.rpDrnTicket)).toBe('cancelled');
  });

  it('exempt, waiting for UMS DP: withdrawn, the ticket cancelled, no payment touched', async () => {
    const actor = await renewer(true);
    const app = await signed(actor);
    expect(app.status).toBe('under_review');
    expect(app.card.exemptStatus).toBe('wwii_veteran');
    await withdrawRenewal(ctx(actor), { id: app.id, version: app.version });
    expect(await ticketStatus(app.card.rpDrnTicket)).toBe('cancelled');
    expect(await dutyPayments(app.id)).toEqual([]);
  });

  it('a double submit withdraws once: one event, one audit row, one refund', async () => {
    const actor = await renewer();
    const app = await paid(actor);
    const input = { id: app.id, version: app.version };
    const [a, b] = await Promise.allSettled([withdrawRenewal(ctx(actor), input), withdrawRenewal(ctx(actor), input)]);
    // Both clicks land: one withdraws; the other waits on the row, then finds it changed, or finds it withdrawn.
    expect([a, b].some((x) => x.status === 'fulfilled' && x.value.status === 'withdrawn')).toBe(true);
    for (const x of [a, b]) if (x.status === 'rejected') expect(x.reason).toMatchObject({ code: 'application_changed' });
    await expect(withdrawRenewal(ctx(actor), input)).resolves.toMatchObject({ status: 'withdrawn', version: app.version + 1 });
    expect(await withdrawals(app.id)).toHaveLength(1);
    const rows = await audits(app.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: actor.userId });
    expect(await dutyPayments(app.id)).toEqual([{ status: 'refunded' }]);
  });

  it('refused once UMS DP decided (illegal transition), and the state stays', async () => {
    const actor = await renewer();
    const app = await paid(actor);
    await database.db
      .update(applications)
      .set({ status: 'approved', version: app.version + 1 })
      .where(eq(applications.id, app.id));
    await expect(withdrawRenewal(ctx(actor), { id: app.id, version: app.version + 1 })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
    expect((await load(actor, app.id)).status).toBe('approved');
    expect(await withdrawals(app.id)).toHaveLength(0);
    expect(await ticketStatus(app.card.rpDrnTicket)).toBe('registered');
  });

  it('RP DRN down: "try again", nothing changes; a stale version is refused', async () => {
    const actor = await renewer();
    const app = await signed(actor);
    await expect(withdrawRenewal(ctx(actor), { id: app.id, version: app.version - 1 })).rejects.toMatchObject({
      code: 'application_changed',
    });
    await setFault(database.db, 'production', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 60_000) });
    await expect(withdrawRenewal(ctx(actor), { id: app.id, version: app.version })).rejects.toThrow();
    expect((await load(actor, app.id)).status).toBe('awaiting_payment');
    expect(await ticketStatus(app.card.rpDrnTicket)).toBe('registered');
    await clearFaults(database.db);
    await expect(withdrawRenewal(ctx(actor), { id: app.id, version: app.version })).resolves.toMatchObject({ status: 'withdrawn' });
  });
});
